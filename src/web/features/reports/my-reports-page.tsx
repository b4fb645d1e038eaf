import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { UnitReportSummary } from '../../../shared/contracts/reports.js';
import { paths } from '../../app/paths.js';
import { DataTable } from '../../components/data-table/data-table.js';
import { Page } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { formatDate } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { RequireSignedIn } from '../identity/require-signed-in.js';
import { reportPaths, useMyReports } from './api.js';
import { StateTag, TimelinessTag } from './parts.js';

/** The reports of the units a person is an officer or a leader of, latest period first. */
export function MyReportsPage() {
  const { t } = useTranslation();
  return (
    <Page width="wide">
      <PageHeader
        title={t('reports.mine.heading')}
        documentTitle={t('reports.mine.pageTitle')}
        breadcrumbs={[
          { label: t('nav.home'), to: paths.home },
          { label: t('reports.regimes.pageTitle'), to: reportPaths.regimes },
        ]}
      />
      <RequireSignedIn>{() => <MyReports />}</RequireSignedIn>
    </Page>
  );
}

function MyReports() {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const reports = useMyReports();
  if (reports.isPending) return <Loading />;
  if (reports.isError) return <QueryError error={reports.error} onRetry={() => void reports.refetch()} />;
  return (
    <DataTable<UnitReportSummary>
      name="my-reports"
      caption={t('reports.mine.heading')}
      isCaptionHidden
      rows={reports.data}
      rowKey={(r) => r.id}
      empty={<p>{t('reports.mine.empty')}</p>}
      columns={[
        {
          key: 'period',
          header: t('reports.common.period'),
          isRowHeader: true,
          cell: (r) => <Link to={reportPaths.unitReport(r.id)}>{`${localized(r.period.regimeName)} · ${localized(r.period.name)}`}</Link>,
        },
        { key: 'unit', header: t('reports.common.unit'), cell: (r) => localized(r.unit.name) },
        {
          key: 'due',
          header: t('reports.common.dueOn'),
          cell: (r) => formatDate(r.period.dueOn, locale),
          sortValue: (r) => r.period.dueOn,
        },
        { key: 'state', header: t('reports.common.state'), cell: (r) => <StateTag state={r.state} /> },
        { key: 'timeliness', header: t('reports.common.timeliness'), cell: (r) => <TimelinessTag timeliness={r.timeliness} /> },
      ]}
    />
  );
}
