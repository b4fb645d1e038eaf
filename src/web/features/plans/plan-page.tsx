import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PlanDetail, TaskSummary } from '../../../shared/contracts/plans.js';
import { Loading, QueryError } from '../../components/query-status.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { formatDate } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { useCurrentUser } from '../identity/api.js';
import { usePlan, usePlanTasks } from './api.js';
import { planCodeParam, planPaths } from './paths.js';
import { ProgressBar, StatusBadge } from './status-badge.js';

/** The plan as a tree: its ordered task groups with their progress roll-up, and each group's tasks and sub-tasks. */
export function PlanPage() {
  const { t } = useTranslation();
  const code = planCodeParam(useParams().code);
  const plan = usePlan(code);
  const tasks = usePlanTasks(code, { limit: 500 });
  const localized = useLocalized();
  useDocumentTitle(t('app.pageTitle', { page: plan.data ? `${plan.data.code} — ${localized(plan.data.title)}` : t('plans.planHeading') }));

  if (plan.isPending)
    return (
      <div className="container page">
        <Loading />
      </div>
    );
  if (plan.isError)
    return (
      <div className="container page">
        <QueryError error={plan.error} onRetry={() => void plan.refetch()} />
      </div>
    );
  return (
    <div className="container page">
      <PlanHeader plan={plan.data} />
      <section className="section" aria-labelledby="plan-tree-heading">
        <h2 id="plan-tree-heading">{t('plans.groupsHeading', { total: plan.data.groups.length })}</h2>
        {tasks.isError ? <QueryError error={tasks.error} onRetry={() => void tasks.refetch()} /> : null}
        <ol className="plan-tree">
          {plan.data.groups.map((group) => (
            <li key={group.id} className="plan-tree__group" value={group.order}>
              <h3 className="plan-tree__title">{localized(group.title)}</h3>
              <p className="plan-tree__meta">
                <ProgressBar percent={group.progressPercent} label={t('plans.groupProgress', { group: localized(group.title) })} />
                <span>{t('plans.taskCount', { total: group.taskCount })}</span>
              </p>
              <TaskTree tasks={(tasks.data?.items ?? []).filter((task) => task.groupId === group.id)} />
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

export function PlanHeader({ plan, current }: { plan: PlanDetail; current?: 'plan' | 'tasks' | 'scorecard' | 'timeline' | 'assign' }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const user = useCurrentUser();
  const isManager = user?.grants.some((g) => g.role === 'programme_manager' || g.role === 'administrator') ?? false;
  const links: Array<{ key: NonNullable<typeof current>; to: string; label: string }> = [
    { key: 'plan', to: planPaths.plan(plan.code), label: t('plans.nav.tree') },
    { key: 'tasks', to: planPaths.tasks(plan.code), label: t('plans.nav.tasks') },
    { key: 'timeline', to: planPaths.timeline(plan.code), label: t('plans.nav.timeline') },
    { key: 'scorecard', to: planPaths.scorecard(plan.code), label: t('plans.nav.scorecard') },
    ...(isManager ? [{ key: 'assign' as const, to: planPaths.assign(plan.code), label: t('plans.nav.assign') }] : []),
  ];
  return (
    <header className="plan-header">
      <p className="plan__code">{plan.code}</p>
      <h1>
        {current && current !== 'plan'
          ? `${links.find((l) => l.key === current)?.label ?? ''}: ${localized(plan.title)}`
          : localized(plan.title)}
      </h1>
      <ul className="meta-list">
        <li>{t('home.plans.period', { start: String(plan.periodStart), end: String(plan.periodEnd) })}</li>
        <li>{t('home.plans.issuedBy', { body: localized(plan.issuingBody) })}</li>
        {plan.issuedOn ? <li>{t('home.plans.issuedOn', { date: formatDate(plan.issuedOn, locale) })}</li> : null}
        <li>{plan.isPublic ? t('plans.public') : t('plans.internal')}</li>
      </ul>
      <p className="plan-header__progress">
        {t('plans.overallProgress')} <ProgressBar percent={plan.progressPercent} label={t('plans.overallProgress')} />
      </p>
      <p className="plan-header__files">
        <a href={`/api/plans/${plan.id}/export.xlsx`}>{t('plans.files.export')}</a>
        {isManager ? <a href="/api/plans/import-template.xlsx">{t('plans.files.template')}</a> : null}
      </p>
      <nav aria-label={t('plans.nav.label')}>
        <ul className="plan-nav">
          {links.map((link) => (
            <li key={link.key}>
              <Link to={link.to} className="plan-nav__link" aria-current={link.key === (current ?? 'plan') ? 'page' : undefined}>
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}

function TaskTree({ tasks }: { tasks: TaskSummary[] }) {
  const top = tasks.filter((task) => task.parentId === null);
  if (top.length === 0) return null;
  return (
    <ul className="plain-list task-tree">
      {top.map((task) => (
        <li key={task.id}>
          <TaskLine task={task} />
          {tasks.some((s) => s.parentId === task.id) ? (
            <ul className="plain-list task-tree task-tree--sub">
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

function TaskLine({ task }: { task: TaskSummary }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  return (
    <div className="task-line">
      <Link to={planPaths.task(task.id)} className="task-line__title">
        <span className="task-line__code">{task.code}</span> {localized(task.title)}
      </Link>
      <span className="task-line__meta">
        {localized(task.leadUnit.name)} · {task.dueOn ? t('plans.dueOn', { date: formatDate(task.dueOn, locale) }) : t('plans.noDeadline')}
      </span>
      <StatusBadge status={task.status} isDueSoon={task.isDueSoon} />
    </div>
  );
}
