import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Form, Link, useLocation, useParams, useSearchParams } from 'react-router';
import { taskStatuses, taskStatusLabels, type TaskSummary } from '../../../shared/contracts/plans.js';
import { Loading, QueryError, describeError } from '../../components/query-status.js';
import { useCurrentUser } from '../identity/api.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { RequireSignedIn } from '../identity/require-signed-in.js';
import { formatDate, formatNumber } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { useCreateCalendarFeed, useMyUnitTasks, usePlan, usePlanTasks, useUnits } from './api.js';
import { PlanHeader } from './plan-page.js';
import { planCodeParam, planPaths } from './paths.js';
import { ProgressBar, StatusBadge } from './status-badge.js';

const filterNames = ['q', 'groupId', 'unitId', 'status', 'dueFrom', 'dueTo'] as const;

function useFilters() {
  const [params] = useSearchParams();
  return Object.fromEntries(filterNames.map((name) => [name, params.get(name) || undefined])) as Partial<
    Record<(typeof filterNames)[number], string>
  >;
}

/** A plan's tasks with filters (group, unit, status, deadline range) and search; the filters live in the URL. */
export function PlanTasksPage() {
  const { t } = useTranslation();
  const code = planCodeParam(useParams().code);
  const plan = usePlan(code);
  const filters = useFilters();
  const tasks = usePlanTasks(code, { ...filters, limit: 500 });
  useDocumentTitle(t('app.pageTitle', { page: `${t('plans.nav.tasks')} — ${code}` }));
  return (
    <div className="container page">
      {plan.data ? <PlanHeader plan={plan.data} current="tasks" /> : <h1>{t('plans.nav.tasks')}</h1>}
      <TaskFilters groups={plan.data?.groups.map((g) => ({ id: g.id, order: g.order, title: g.title })) ?? []} />
      <TaskResults query={tasks} />
    </div>
  );
}

/** "My unit's tasks": what the officer's units lead or cooperate on. */
export function MyTasksPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.pageTitle', { page: t('plans.myTasksHeading') }));
  return (
    <div className="container page">
      <h1>{t('plans.myTasksHeading')}</h1>
      <RequireSignedIn>{() => <MyTasks />}</RequireSignedIn>
    </div>
  );
}

function MyTasks() {
  const filters = useFilters();
  const tasks = useMyUnitTasks({ ...filters, limit: 500 });
  return (
    <>
      <CalendarFeed />
      <TaskFilters groups={[]} />
      <TaskResults query={tasks} />
    </>
  );
}

/** The officer's unit calendar: a private address to paste into a calendar app (shown once, a new one revokes the old). */
function CalendarFeed() {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const user = useCurrentUser();
  const create = useCreateCalendarFeed();
  const grants = (user?.grants ?? []).filter((g) => g.role === 'unit_officer');
  if (grants.length === 0) return null;
  return (
    <section className="section" aria-labelledby="calendar-heading">
      <h2 id="calendar-heading">{t('plans.calendar.heading')}</h2>
      <p>{t('plans.calendar.intro')}</p>
      <ul className="plain-list">
        {grants.map((g) => (
          <li key={g.id}>
            <button type="button" className="button button--secondary" onClick={() => create.mutate(g.unitId)}>
              {t('plans.calendar.create', { unit: localized(g.unitName) })}
            </button>
          </li>
        ))}
      </ul>
      <p role="status">{create.data ? t('plans.calendar.created') : ''}</p>
      {create.data ? <p className="calendar-url">{create.data.url}</p> : null}
      {create.isError ? <p role="alert">{describeError(create.error, locale, t)}</p> : null}
    </section>
  );
}

type GroupOption = { id: string; order: number; title: { vi: string; en: string } };

function TaskFilters({ groups }: { groups: GroupOption[] }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const location = useLocation();
  const filters = useFilters();
  const units = useUnits();
  const id = useId();
  const field = (name: string) => `${id}-${name}`;
  return (
    <Form
      method="get"
      action={location.pathname}
      className="task-filters"
      role="search"
      aria-label={t('plans.filters.label')}
      key={location.search}
    >
      <div className="field">
        <label className="field__label" htmlFor={field('q')}>
          {t('plans.filters.q')}
        </label>
        <input className="field__input" id={field('q')} name="q" type="search" defaultValue={filters.q} maxLength={200} />
      </div>
      {groups.length > 0 ? (
        <div className="field">
          <label className="field__label" htmlFor={field('groupId')}>
            {t('plans.filters.group')}
          </label>
          <select className="field__input field__select" id={field('groupId')} name="groupId" defaultValue={filters.groupId ?? ''}>
            <option value="">{t('plans.filters.all')}</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>{`${g.order}. ${localized(g.title)}`}</option>
            ))}
          </select>
        </div>
      ) : null}
      {groups.length > 0 ? (
        <div className="field">
          <label className="field__label" htmlFor={field('unitId')}>
            {t('plans.filters.unit')}
          </label>
          <select className="field__input field__select" id={field('unitId')} name="unitId" defaultValue={filters.unitId ?? ''}>
            <option value="">{t('plans.filters.all')}</option>
            {(units.data?.items ?? [])
              .filter((u) => u.kind !== 'city')
              .map((u) => (
                <option key={u.id} value={u.id}>
                  {localized(u.name)}
                </option>
              ))}
          </select>
        </div>
      ) : null}
      <div className="field">
        <label className="field__label" htmlFor={field('status')}>
          {t('plans.filters.status')}
        </label>
        <select className="field__input field__select" id={field('status')} name="status" defaultValue={filters.status ?? ''}>
          <option value="">{t('plans.filters.all')}</option>
          {taskStatuses.map((s) => (
            <option key={s} value={s}>
              {localized(taskStatusLabels[s])}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={field('dueFrom')}>
          {t('plans.filters.dueFrom')}
        </label>
        <input className="field__input" id={field('dueFrom')} name="dueFrom" type="date" defaultValue={filters.dueFrom} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={field('dueTo')}>
          {t('plans.filters.dueTo')}
        </label>
        <input className="field__input" id={field('dueTo')} name="dueTo" type="date" defaultValue={filters.dueTo} />
      </div>
      <div className="task-filters__actions">
        <button type="submit" className="button">
          {t('plans.filters.apply')}
        </button>
        <Link to={location.pathname} className="button button--secondary">
          {t('plans.filters.clear')}
        </Link>
      </div>
    </Form>
  );
}

function TaskResults({ query }: { query: ReturnType<typeof usePlanTasks> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (query.isPending) return <Loading />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const { items, total } = query.data;
  return (
    <section aria-labelledby="task-results-heading">
      <h2 id="task-results-heading" className="visually-hidden">
        {t('plans.results')}
      </h2>
      <p role="status">{t('plans.resultCount', { total: formatNumber(total, locale) })}</p>
      {items.length > 0 ? <TaskTable tasks={items} /> : null}
    </section>
  );
}

export function TaskTable({ tasks }: { tasks: TaskSummary[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  return (
    <div className="table-scroll" role="region" aria-label={t('plans.results')} tabIndex={0}>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('plans.columns.code')}</th>
            <th scope="col">{t('plans.columns.title')}</th>
            <th scope="col">{t('plans.columns.leadUnit')}</th>
            <th scope="col">{t('plans.columns.dueOn')}</th>
            <th scope="col">{t('plans.columns.progress')}</th>
            <th scope="col">{t('plans.columns.status')}</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((task) => (
            <tr key={task.id}>
              <td>{task.code}</td>
              <td>
                <Link to={planPaths.task(task.id)}>{localized(task.title)}</Link>
              </td>
              <td>{localized(task.leadUnit.name)}</td>
              <td>{task.dueOn ? formatDate(task.dueOn, locale) : t('plans.noDeadline')}</td>
              <td>
                <ProgressBar percent={task.progressPercent} label={t('plans.taskProgress', { code: task.code })} />
              </td>
              <td>
                <StatusBadge status={task.status} isDueSoon={task.isDueSoon} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
