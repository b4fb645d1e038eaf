import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TaskSummary } from '../../../shared/contracts/plans.js';
import { Page, Section } from '../../components/page/page.js';
import { Progress } from '../../components/progress/progress.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { formatDate } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { usePlan, usePlanTasks } from './api.js';
import { PlanHeader } from './plan-header.js';
import { planCodeParam, planPaths } from './paths.js';
import { TaskStatusTag } from './status-tag.js';
import styles from './plans.module.css';

/** The plan as a tree: its ordered task groups with their progress roll-up, and each group's tasks and sub-tasks. */
export function PlanPage() {
  const { t } = useTranslation();
  const code = planCodeParam(useParams().code);
  const plan = usePlan(code);
  const tasks = usePlanTasks(code, { limit: 500 });
  const localized = useLocalized();

  if (plan.isPending || plan.isError) {
    return <Page>{plan.isPending ? <Loading /> : <QueryError error={plan.error} onRetry={() => void plan.refetch()} />}</Page>;
  }
  return (
    <Page>
      <PlanHeader plan={plan.data} />
      <Section title={t('plans.groupsHeading', { total: plan.data.groups.length })}>
        {tasks.isError ? <QueryError error={tasks.error} onRetry={() => void tasks.refetch()} /> : null}
        <ol className={styles.tree}>
          {plan.data.groups.map((group) => (
            <li key={group.id} className={styles.group} value={group.order}>
              <h3>{localized(group.title)}</h3>
              <p className={styles.groupMeta}>
                <Progress percent={group.progressPercent} label={t('plans.groupProgress', { group: localized(group.title) })} />
                <span>{t('plans.taskCount', { total: group.taskCount })}</span>
              </p>
              <TaskTree tasks={(tasks.data?.items ?? []).filter((task) => task.groupId === group.id)} />
            </li>
          ))}
        </ol>
      </Section>
    </Page>
  );
}

function TaskTree({ tasks }: { tasks: TaskSummary[] }) {
  const top = tasks.filter((task) => task.parentId === null);
  if (top.length === 0) return null;
  return (
    <ul className={styles.tasks}>
      {top.map((task) => (
        <li key={task.id}>
          <TaskLine task={task} />
          {tasks.some((s) => s.parentId === task.id) ? (
            <ul className={`${styles.tasks} ${styles.subTasks}`}>
              {tasks
                .filter((s) => s.parentId === task.id)
                .map((sub) => (
                  <li key={sub.id}>
                    <TaskLine task={sub} />
                  </li>
                ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** A task on one line: code and title (linking to it), lead unit and deadline, status. */
export function TaskLine({ task }: { task: TaskSummary }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  return (
    <div className={styles.taskLine} data-task-line="">
      <Link to={planPaths.task(task.id)} className={styles.taskTitle}>
        <span className={styles.code}>{task.code}</span> {localized(task.title)}
      </Link>
      <span className={styles.meta}>
        {localized(task.leadUnit.name)} · {task.dueOn ? t('plans.dueOn', { date: formatDate(task.dueOn, locale) }) : t('plans.noDeadline')}
      </span>
      <TaskStatusTag status={task.status} isDueSoon={task.isDueSoon} />
    </div>
  );
}
