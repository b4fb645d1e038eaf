import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { taskStatuses, taskStatusLabels, type TaskSummary } from '../../../shared/contracts/plans.js';
import { paths } from '../../app/paths.js';
import { Button } from '../../components/button/button.js';
import { DataTable } from '../../components/data-table/data-table.js';
import { EmptyState } from '../../components/empty-state/empty-state.js';
import { LabelledInput, LabelledSelect } from '../../components/form/field-shell.js';
import { FilterBar } from '../../components/form/filter-bar.js';
import { WriteError } from '../../components/notice/notice.js';
import { Page, Section } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Progress } from '../../components/progress/progress.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { formatDate, formatNumber } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { useCurrentUser } from '../identity/session.js';
import { RequireSignedIn } from '../identity/require-signed-in.js';
import { useCreateCalendarFeed, useMyUnitTasks, usePlan, usePlanTasks, useUnits } from './api.js';
import { PlanHeader } from './plan-header.js';
import { planCodeParam, planPaths } from './paths.js';
import { TaskStatusTag } from './status-tag.js';
import styles from './plans.module.css';

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
  return (
    <Page>
      {plan.data ? <PlanHeader plan={plan.data} current="tasks" /> : <PageHeader title={t('plans.nav.tasks')} />}
      <TaskFilters groups={plan.data?.groups.map((g) => ({ id: g.id, order: g.order, title: g.title })) ?? []} />
      <TaskResults query={tasks} />
    </Page>
  );
}

/** "My unit's tasks": what the officer's units lead or cooperate on. */
export function MyTasksPage() {
  const { t } = useTranslation();
  return (
    <Page>
      <PageHeader
        title={t('plans.myTasksHeading')}
        breadcrumbs={[
          { label: t('nav.home'), to: paths.home },
          { label: t('plans.plansHeading'), to: planPaths.plans },
        ]}
      />
      <RequireSignedIn>{() => <MyTasks />}</RequireSignedIn>
    </Page>
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
  const localized = useLocalized();
  const user = useCurrentUser();
  const create = useCreateCalendarFeed();
  const grants = (user?.grants ?? []).filter((g) => g.role === 'unit_officer');
  if (grants.length === 0) return null;
  return (
    <Section title={t('plans.calendar.heading')} intro={t('plans.calendar.intro')}>
      <ul className="plain-list">
        {grants.map((g) => (
          <li key={g.id}>
            <Button variant="secondary" isBusy={create.isPending} onClick={() => create.mutate(g.unitId)}>
              {t('plans.calendar.create', { unit: localized(g.unitName) })}
            </Button>
          </li>
        ))}
      </ul>
      <p role="status">{create.data ? t('plans.calendar.created') : ''}</p>
      {create.data ? <p className={styles.calendarUrl}>{create.data.url}</p> : null}
      <WriteError error={create.error} />
    </Section>
  );
}

type GroupOption = { id: string; order: number; title: { vi: string; en: string } };

function TaskFilters({ groups }: { groups: GroupOption[] }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const location = useLocation();
  const filters = useFilters();
  const units = useUnits();
  const all = t('plans.filters.all');
  return (
    <FilterBar
      key={location.search}
      label={t('plans.filters.label')}
      action={location.pathname}
      applyLabel={t('plans.filters.apply')}
      clear={{ to: location.pathname, label: t('plans.filters.clear') }}
    >
      <LabelledInput label={t('plans.filters.q')} name="q" type="search" defaultValue={filters.q} maxLength={200} />
      {groups.length > 0 ? (
        <>
          <LabelledSelect
            label={t('plans.filters.group')}
            name="groupId"
            defaultValue={filters.groupId ?? ''}
            emptyOption={all}
            options={groups.map((g) => ({ value: g.id, label: `${g.order}. ${localized(g.title)}` }))}
          />
          <LabelledSelect
            label={t('plans.filters.unit')}
            name="unitId"
            defaultValue={filters.unitId ?? ''}
            emptyOption={all}
            options={(units.data?.items ?? []).filter((u) => u.kind !== 'city').map((u) => ({ value: u.id, label: localized(u.name) }))}
          />
        </>
      ) : null}
      <LabelledSelect
        label={t('plans.filters.status')}
        name="status"
        defaultValue={filters.status ?? ''}
        emptyOption={all}
        options={taskStatuses.map((s) => ({ value: s, label: localized(taskStatusLabels[s]) }))}
      />
      <LabelledInput label={t('plans.filters.dueFrom')} name="dueFrom" type="date" defaultValue={filters.dueFrom} />
      <LabelledInput label={t('plans.filters.dueTo')} name="dueTo" type="date" defaultValue={filters.dueTo} />
    </FilterBar>
  );
}

function TaskResults({ query }: { query: ReturnType<typeof usePlanTasks> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (query.isPending) return <Loading />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const { items, total } = query.data;
  return (
    <Section title={t('plans.results')} isTitleHidden>
      <p role="status">{t('plans.resultCount', { total: formatNumber(total, locale) })}</p>
      <TaskTable tasks={items} caption={t('plans.results')} />
    </Section>
  );
}

/** Tasks as a sortable table: code, title (linking to the task), lead unit, deadline, progress, status. */
export function TaskTable({ tasks, caption }: { tasks: TaskSummary[]; caption: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  return (
    <DataTable
      caption={caption}
      isCaptionHidden
      rows={tasks}
      rowKey={(task) => task.id}
      empty={<EmptyState title={t('plans.noResults')}>{t('plans.noResultsNext')}</EmptyState>}
      columns={[
        { key: 'code', header: t('plans.columns.code'), cell: (task: TaskSummary) => task.code, sortValue: (task) => task.code },
        {
          key: 'title',
          header: t('plans.columns.title'),
          cell: (task) => <Link to={planPaths.task(task.id)}>{localized(task.title)}</Link>,
          sortValue: (task) => localized(task.title),
        },
        {
          key: 'leadUnit',
          header: t('plans.columns.leadUnit'),
          cell: (task) => localized(task.leadUnit.name),
          sortValue: (task) => localized(task.leadUnit.name),
        },
        {
          key: 'dueOn',
          header: t('plans.columns.dueOn'),
          cell: (task) => (task.dueOn ? formatDate(task.dueOn, locale) : t('plans.noDeadline')),
          sortValue: (task) => task.dueOn,
        },
        {
          key: 'progress',
          header: t('plans.columns.progress'),
          cell: (task) => <Progress percent={task.progressPercent} label={t('plans.taskProgress', { code: task.code })} />,
          sortValue: (task) => task.progressPercent,
        },
        {
          key: 'status',
          header: t('plans.columns.status'),
          cell: (task) => <TaskStatusTag status={task.status} isDueSoon={task.isDueSoon} />,
        },
      ]}
    />
  );
}
