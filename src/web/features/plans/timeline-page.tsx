import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading, QueryError } from '../../components/query-status.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { formatDate } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { usePlan, usePlanTasks } from './api.js';
import { PlanHeader } from './plan-page.js';
import { planCodeParam, planPaths } from './paths.js';
import { StatusBadge } from './status-badge.js';

const dayMs = 86_400_000;
const toDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / dayMs;

/**
 * A Gantt-like view: one bar per task from its start to its deadline, with a line for today. The
 * dates are written out beside each bar, so the bars are decoration for sighted readers.
 */
export function TimelinePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const code = planCodeParam(useParams().code);
  const plan = usePlan(code);
  const tasks = usePlanTasks(code, { limit: 500 });
  useDocumentTitle(t('app.pageTitle', { page: `${t('plans.nav.timeline')} — ${code}` }));
  if (plan.isError)
    return (
      <div className="container page">
        <QueryError error={plan.error} />
      </div>
    );
  const dated = (tasks.data?.items ?? []).filter((task) => task.dueOn !== null);
  const first = Math.min(...dated.map((task) => toDay(task.startOn ?? task.dueOn!)), plan.data ? toDay(plan.data.today) : Infinity);
  const last = Math.max(...dated.map((task) => toDay(task.dueOn!)), plan.data ? toDay(plan.data.today) : -Infinity);
  const span = Math.max(1, last - first);
  const at = (day: number) => `${(((day - first) / span) * 100).toFixed(2)}%`;
  return (
    <div className="container page">
      {plan.data ? <PlanHeader plan={plan.data} current="timeline" /> : <Loading />}
      {tasks.isPending ? <Loading /> : null}
      {tasks.isError ? <QueryError error={tasks.error} onRetry={() => void tasks.refetch()} /> : null}
      {plan.data && dated.length > 0 ? (
        <>
          <p>{t('plans.timeline.today', { date: formatDate(plan.data.today, locale) })}</p>
          <ol className="plain-list gantt">
            {dated.map((task) => {
              const start = toDay(task.startOn ?? task.dueOn!);
              const end = toDay(task.dueOn!);
              return (
                <li key={task.id} className="gantt__row">
                  <div className="gantt__label">
                    <Link to={planPaths.task(task.id)}>
                      <span className="task-line__code">{task.code}</span> {localized(task.title)}
                    </Link>
                    <span className="task-line__meta">
                      {task.startOn ? `${formatDate(task.startOn, locale)} – ` : ''}
                      {formatDate(task.dueOn!, locale)}
                    </span>
                    <StatusBadge status={task.status} isDueSoon={task.isDueSoon} />
                  </div>
                  <div className="gantt__track" aria-hidden="true">
                    <span
                      className={`gantt__bar gantt__bar--${task.status}`}
                      style={{ left: at(start), width: `max(4px, calc(${at(end + 1)} - ${at(start)}))` }}
                    />
                    <span className="gantt__today" style={{ left: at(toDay(plan.data.today)) }} />
                  </div>
                </li>
              );
            })}
          </ol>
        </>
      ) : null}
    </div>
  );
}
