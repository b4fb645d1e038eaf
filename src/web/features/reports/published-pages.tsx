import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PublishedReport } from '../../../shared/contracts/reports.js';
import { paths } from '../../app/paths.js';
import { DataTable } from '../../components/data-table/data-table.js';
import { Page, Section } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { SummaryList } from '../../components/summary-list/summary-list.js';
import { formatDate } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { documentUrls, reportPaths, usePublished, usePublishedList } from './api.js';
import { Downloads } from './parts.js';

/** The city's published reports, for everyone. */
export function PublishedListPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const list = usePublishedList();
  return (
    <Page>
      <PageHeader
        title={t('reports.published.heading')}
        documentTitle={t('reports.published.pageTitle')}
        subtitle={t('reports.published.intro')}
        breadcrumbs={[{ label: t('nav.home'), to: paths.home }]}
      />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DataTable<PublishedReport>
          name="published"
          caption={t('reports.published.heading')}
          isCaptionHidden
          rows={list.data}
          rowKey={(r) => r.id}
          empty={<p>{t('reports.published.empty')}</p>}
          columns={[
            {
              key: 'title',
              header: t('reports.regimes.name'),
              isRowHeader: true,
              cell: (r) => <Link to={reportPaths.publishedReport(r.id)}>{localized(r.title)}</Link>,
            },
            { key: 'number', header: t('reports.published.number'), cell: (r) => r.documentNumber },
            {
              key: 'issuedOn',
              header: t('reports.published.issuedOn'),
              cell: (r) => formatDate(r.issuedOn, locale),
              sortValue: (r) => r.issuedOn,
            },
          ]}
        />
      )}
    </Page>
  );
}

/** One published report: its summary and its document to download. */
export function PublishedPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const localized = useLocalized();
  const report = usePublished(id);
  return (
    <Page>
      <PageHeader
        title={report.data ? localized(report.data.title) : t('reports.published.pageTitle')}
        documentTitle={t('reports.published.pageTitle')}
        breadcrumbs={[
          { label: t('nav.home'), to: paths.home },
          { label: t('reports.published.heading'), to: reportPaths.published },
        ]}
      />
      {report.isPending ? (
        <Loading />
      ) : report.isError ? (
        <QueryError error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <Published report={report.data} />
      )}
    </Page>
  );
}

function Published({ report: r }: { report: PublishedReport }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  return (
    <>
      <SummaryList
        items={[
          { label: t('reports.published.issuedBy'), value: r.issuer },
          { label: t('reports.published.number'), value: r.documentNumber },
          { label: t('reports.published.issuedOn'), value: formatDate(r.issuedOn, locale) },
          { label: t('reports.common.period'), value: localized(r.periodName) },
        ]}
      />
      {r.summary ? (
        <Section title={t('reports.compiled.summary')}>
          <p className="prewrap">{r.summary}</p>
        </Section>
      ) : null}
      <Section title={t('reports.common.download')}>
        <Downloads urls={documentUrls('published', r.id)} />
      </Section>
    </>
  );
}
