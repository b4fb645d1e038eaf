import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { EmptyState } from '../../components/empty-state/empty-state.js';
import { Page } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { formatDate } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { usePlan, usePlanTasks } from './api.js';
import { PlanHeader } from './plan-header.js';
import { planCodeParam, planPaths } from './paths.js';
import { TaskStatusTag } from './status-tag.js';
import styles from './plans.module.css';

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
  if (plan.isError) {
    return (
      <Page>
        <QueryError error={plan.error} />
      </Page>
    );
  }
  const dated = (tasks.data?.items ?? []).filter((task) => task.dueOn !== null);
  const today = plan.data ? toDay(plan.data.today) : null;
  const first = Math.min(...dated.map((task) => toDay(task.startOn ?? task.dueOn!)), today ?? Infinity);
  const last = Math.max(...dated.map((task) => toDay(task.dueOn!)), today ?? -Infinity);
  const span = Math.max(1, last - first);
  const at = (day: number) => `${(((day - first) / span) * 100).toFixed(2)}%`;
  return (
    <Page>
      {plan.data ? <PlanHeader plan={plan.data} current="timeline" /> : <PageHeader title={t('plans.nav.timeline')} />}
      {tasks.isPending || plan.isPending ? <Loading /> : null}
      {tasks.isError ? <QueryError error={tasks.error} onRetry={() => void tasks.refetch()} /> : null}
      {plan.data && tasks.data && dated.length === 0 ? (
        <EmptyState title={t('plans.timeline.none')}>{t('plans.timeline.noneNext')}</EmptyState>
      ) : null}
      {plan.data && dated.length > 0 ? (
        <>
          <p>{t('plans.timeline.today', { date: formatDate(plan.data.today, locale) })}</p>
          <ol className={styles.gantt} data-gantt="">
            {dated.map((task) => {
              const start = toDay(task.startOn ?? task.dueOn!);
              const end = toDay(task.dueOn!);
              return (
                <li key={task.id} className={styles.ganttRow}>
                  <div className={styles.ganttLabel}>
                    <Link to={planPaths.task(task.id)}>
                      <span className={styles.code}>{task.code}</span> {localized(task.title)}
                    </Link>
                    <span className={styles.meta}>
                      {task.startOn ? `${formatDate(task.startOn, locale)} – ` : ''}
                      {formatDate(task.dueOn!, locale)}
                    </span>
                    <TaskStatusTag status={task.status} isDueSoon={task.isDueSoon} />
                  </div>
                  <div className={styles.track} aria-hidden="true">
                    <span
                      className={styles.bar}
                      data-status={task.status}
                      style={{ left: at(start), width: `max(4px, calc(${at(end + 1)} - ${at(start)}))` }}
                    />
                    {today !== null ? <span className={styles.today} style={{ left: at(today) }} /> : null}
                  </div>
                </li>
              );
            })}
          </ol>
        </>
      ) : null}
    </Page>
  );
}
