import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { initiativeStates, type InitiativeState, type InitiativeSummary } from '../../../shared/contracts/movement.js';
import { paths } from '../../app/paths.js';
import { buttonClass } from '../../components/button/button.js';
import { DataTable, type Column } from '../../components/data-table/data-table.js';
import { EmptyState } from '../../components/empty-state/empty-state.js';
import { LabelledSelect } from '../../components/form/field-shell.js';
import { Page } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { StatusTag } from '../../components/status-tag/status-tag.js';
import { formatDate } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { RequirePermission } from '../identity/require-permission.js';
import { RequireSignedIn } from '../identity/require-signed-in.js';
import { isProgrammeManager } from '../identity/roles.js';
import { useManageList, useMyInitiatives } from './api.js';
import { ManagerLinks } from './manager-links.js';
import { manageStateParam, movementPaths } from './paths.js';
import { InitiativeStateTag } from './state-tag.js';
import { useFieldNames } from './use-field-names.js';

/** Initiatives as a sortable table; `showDecisionDue`: the managers' queue shows when each decision is due. */
function InitiativeTable({
  items,
  caption,
  empty,
  showDecisionDue = false,
}: {
  items: InitiativeSummary[];
  caption: string;
  empty: ReactNode;
  showDecisionDue?: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const fieldName = useFieldNames();
  const localized = useLocalized();
  const columns: Array<Column<InitiativeSummary>> = [
    { key: 'code', header: t('movement.common.code'), cell: (item) => item.code, sortValue: (item) => item.code },
    {
      key: 'title',
      header: t('movement.common.title'),
      cell: (item) => <Link to={movementPaths.dossier(item.id)}>{item.title || item.code}</Link>,
      sortValue: (item) => item.title,
    },
    { key: 'field', header: t('movement.common.field'), cell: (item) => (item.fieldCode ? fieldName(item.fieldCode) : '—') },
    { key: 'unit', header: t('movement.common.unit'), cell: (item) => (item.unitName ? localized(item.unitName) : '—') },
    {
      key: 'state',
      header: t('movement.common.state'),
      cell: (item) => <InitiativeStateTag state={item.state} />,
      sortValue: (item) => t(`movement.states.${item.state}`),
    },
    ...(showDecisionDue
      ? [
          {
            key: 'due',
            header: t('movement.deadline.column'),
            sortValue: (item: InitiativeSummary) => item.decisionDueOn,
            cell: (item: InitiativeSummary) => (
              <span className="cluster">
                {item.decisionDueOn ? formatDate(item.decisionDueOn, locale) : '—'}
                {item.isDecisionOverdue ? <StatusTag tone="danger">{t('movement.deadline.overdue')}</StatusTag> : null}
              </span>
            ),
          },
        ]
      : []),
  ];
  return <DataTable caption={caption} isCaptionHidden rows={items} rowKey={(item) => item.id} columns={columns} empty={empty} />;
}

const breadcrumbs = (t: (key: 'nav.home' | 'nav.movement') => string) => [
  { label: t('nav.home'), to: paths.home },
  { label: t('nav.movement'), to: movementPaths.gallery },
];

/** The signed-in person's initiatives. */
export function MyInitiativesPage() {
  const { t } = useTranslation();
  return (
    <Page>
      <PageHeader
        title={t('movement.mine.heading')}
        documentTitle={t('movement.mine.pageTitle')}
        breadcrumbs={breadcrumbs(t)}
        actions={
          <Link className={buttonClass()} to={movementPaths.submit}>
            {t('movement.mine.newOne')}
          </Link>
        }
      />
      <RequireSignedIn>{() => <MyList />}</RequireSignedIn>
    </Page>
  );
}

function MyList() {
  const { t } = useTranslation();
  const mine = useMyInitiatives();
  if (mine.isPending) return <Loading />;
  if (mine.isError) return <QueryError error={mine.error} onRetry={() => void mine.refetch()} />;
  return (
    <InitiativeTable
      items={mine.data.items}
      caption={t('movement.mine.heading')}
      empty={
        <EmptyState
          title={t('movement.mine.empty')}
          action={
            <Link className={buttonClass()} to={movementPaths.submit}>
              {t('movement.mine.newOne')}
            </Link>
          }
        >
          {t('movement.mine.emptyNext')}
        </EmptyState>
      }
    />
  );
}

/** The programme managers' queue, by state (kept in the URL, so a view can be shared). */
export function ManagePage() {
  const { t } = useTranslation();
  return (
    <Page>
      <PageHeader title={t('movement.manage.heading')} documentTitle={t('movement.manage.pageTitle')} breadcrumbs={breadcrumbs(t)} />
      <RequirePermission allows={isProgrammeManager}>
        {() => (
          <>
            <ManagerLinks />
            <ManageList />
          </>
        )}
      </RequirePermission>
    </Page>
  );
}

function ManageList() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const wanted = params.get(manageStateParam);
  const state: InitiativeState | '' =
    wanted === null ? 'submitted' : (initiativeStates as readonly string[]).includes(wanted) ? (wanted as InitiativeState) : '';
  const list = useManageList(state);
  return (
    <>
      <LabelledSelect
        label={t('movement.manage.filter')}
        value={state}
        onChange={(event) => setParams({ [manageStateParam]: event.target.value }, { replace: true })}
        emptyOption={t('movement.common.all')}
        options={initiativeStates.filter((s) => s !== 'draft').map((s) => ({ value: s, label: t(`movement.states.${s}`) }))}
      />
      {list.isPending ? <Loading /> : null}
      {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data ? (
        <InitiativeTable
          items={list.data.items}
          caption={t('movement.manage.heading')}
          showDecisionDue
          empty={<EmptyState title={t('movement.manage.empty')}>{t('movement.manage.emptyNext')}</EmptyState>}
        />
      ) : null}
    </>
  );
}
