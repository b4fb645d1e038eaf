import { useTranslation } from 'react-i18next';
import { taskStatusLabels, type TaskStatus } from '../../../shared/contracts/plans.js';
import { useLocalized } from '../../i18n/use-locale.js';

/** The status in words (never colour alone), with a "due soon" mark for open tasks near their deadline. */
export function StatusBadge({ status, isDueSoon = false }: { status: TaskStatus; isDueSoon?: boolean }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  return (
    <span className="task-status-group">
      <span className={`task-status task-status--${status}`}>{localized(taskStatusLabels[status])}</span>
      {isDueSoon ? <span className="task-status task-status--due-soon">{t('plans.dueSoon')}</span> : null}
    </span>
  );
}

/** Progress as a labelled bar plus its number, so the figure is read out and seen. */
export function ProgressBar({ percent, label }: { percent: number; label: string }) {
  return (
    <span className="task-progress">
      <progress max={100} value={percent} aria-label={label} />
      <span className="task-progress__value">{Math.round(percent)} %</span>
    </span>
  );
}
