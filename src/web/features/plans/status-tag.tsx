import { useTranslation } from 'react-i18next';
import { taskStatusLabels, type TaskStatus } from '../../../shared/contracts/plans.js';
import { StatusTag, TagGroup, type Tone } from '../../components/status-tag/status-tag.js';
import { useLocalized } from '../../i18n/use-locale.js';

const tones: Record<TaskStatus, Tone> = {
  not_started: 'neutral',
  in_progress_on_time: 'info',
  in_progress_overdue: 'danger',
  completed_on_time: 'success',
  completed_late: 'warning',
  extended: 'warning',
  recurring: 'info',
  suspended: 'neutral',
  withdrawn: 'neutral',
};

/** A task's status in words, with a "due soon" tag for open tasks near their deadline. */
export function TaskStatusTag({ status, isDueSoon = false }: { status: TaskStatus; isDueSoon?: boolean }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  return (
    <TagGroup>
      <StatusTag tone={tones[status]} status={status}>
        {localized(taskStatusLabels[status])}
      </StatusTag>
      {isDueSoon ? <StatusTag tone="warning">{t('plans.dueSoon')}</StatusTag> : null}
    </TagGroup>
  );
}
