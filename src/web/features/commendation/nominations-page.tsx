import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { nominationStates, type NominationState, type NominationSummary } from '../../../shared/contracts/commendation.js';
import { DataTable, type Column } from '../../components/data-table/data-table.js';
import { EmptyState } from '../../components/empty-state/empty-state.js';
import { LabelledSelect } from '../../components/form/field-shell.js';
import { Page } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { useLocalized } from '../../i18n/use-locale.js';
import { RequireSignedIn } from '../identity/require-signed-in.js';
import { useNominations } from './api.js';
import { CommendationLinks, NominationStateTag, useTrail } from './common.js';
import { commendationPaths, manageStateParam } from './paths.js';

/** The nominations the signed-in person works on, by state (kept in the URL, so a view can be shared). */
export function NominationsPage() {
  const { t } = useTranslation();
  return (
    <Page width="wide">
      <PageHeader
        title={t('commendation.list.heading')}
        documentTitle={t('commendation.list.pageTitle')}
        subtitle={t('commendation.list.intro')}
        breadcrumbs={useTrail()}
      />
      <RequireSignedIn>
        {(user) => (
          <>
            <CommendationLinks user={user} />
            <NominationList />
          </>
        )}
      </RequireSignedIn>
    </Page>
  );
}

function NominationList() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const [params, setParams] = useSearchParams();
  const wanted = params.get(manageStateParam) ?? '';
  const state: NominationState | '' = (nominationStates as readonly string[]).includes(wanted) ? (wanted as NominationState) : '';
  const list = useNominations(state);
  const columns: Array<Column<NominationSummary>> = [
    { key: 'code', header: t('commendation.columns.code'), cell: (n) => n.code, sortValue: (n) => n.code },
    {
      key: 'nominee',
      header: t('commendation.columns.nominee'),
      isRowHeader: true,
      cell: (n) => <Link to={commendationPaths.nomination(n.id)}>{n.nomineeName}</Link>,
      sortValue: (n) => n.nomineeName,
    },
    {
      key: 'title',
      header: t('commendation.columns.title'),
      cell: (n) => localized(n.title.name),
      sortValue: (n) => localized(n.title.name),
    },
    { key: 'year', header: t('commendation.columns.year'), cell: (n) => String(n.year), sortValue: (n) => n.year, align: 'end' },
    { key: 'unit', header: t('commendation.columns.unit'), cell: (n) => localized(n.unit.name) },
    {
      key: 'state',
      header: t('commendation.columns.state'),
      cell: (n) => <NominationStateTag state={n.state} />,
      sortValue: (n) => t(`commendation.states.${n.state}`),
    },
  ];
  return (
    <>
      <LabelledSelect
        label={t('commendation.list.filter')}
        value={state}
        onChange={(event) => setParams(event.target.value ? { [manageStateParam]: event.target.value } : {}, { replace: true })}
        emptyOption={t('commendation.list.all')}
        options={nominationStates.map((s) => ({ value: s, label: t(`commendation.states.${s}`) }))}
      />
      {list.isPending ? <Loading /> : null}
      {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data ? (
        <DataTable
          caption={t('commendation.list.heading')}
          isCaptionHidden
          name="nominations"
          rows={list.data.items}
          rowKey={(n) => n.id}
          columns={columns}
          isStackedOnPhone
          empty={<EmptyState title={t('commendation.list.empty')}>{t('commendation.list.emptyNext')}</EmptyState>}
        />
      ) : null}
    </>
  );
}
