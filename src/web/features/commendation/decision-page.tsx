import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../api/client.js';
import { buttonClass } from '../../components/button/button.js';
import { DataTable } from '../../components/data-table/data-table.js';
import { Notice } from '../../components/notice/notice.js';
import { Page, Section } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { sentenceAround, vietnameseContent } from '../../components/content-language/content-language.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { SummaryList } from '../../components/summary-list/summary-list.js';
import { formatDate } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { useDecision } from './api.js';
import { useTrail } from './common.js';
import { commendationPaths } from './paths.js';

/** One decision, public: what it gives, who decided, and the list of those it commends, with the DOCX. */
export function DecisionPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const trail = [...useTrail(), { label: t('commendation.links.decisions'), to: commendationPaths.decisions }];
  const decision = useDecision(id);
  if (decision.isPending || decision.isError) {
    const isMissing = decision.error instanceof ApiError && (decision.error.status === 404 || decision.error.status === 400);
    return (
      <Page>
        <PageHeader title={t('commendation.decision.pageTitle')} breadcrumbs={trail} />
        {decision.isPending ? (
          <Loading />
        ) : isMissing ? (
          <Notice tone="info">{t('commendation.decision.notFound')}</Notice>
        ) : (
          <QueryError error={decision.error} onRetry={() => void decision.refetch()} />
        )}
      </Page>
    );
  }
  const d = decision.data;
  return (
    <Page width="wide">
      <PageHeader
        kicker={localized(d.issuer.unit.name)}
        title={t('commendation.decision.heading', { number: d.number })}
        titleContent={sentenceAround((number) => t('commendation.decision.heading', { number }), d.number)}
        documentTitle={`${t('commendation.decision.heading', { number: d.number })} — ${t('commendation.decision.pageTitle')}`}
        breadcrumbs={trail}
        actions={
          <a className={buttonClass('secondary')} href={d.docxUrl}>
            {t('commendation.decision.docx')}
          </a>
        }
      />
      <SummaryList
        items={[
          { label: t('commendation.decision.summaryTitle'), value: localized(d.title.name) },
          { label: t('commendation.decision.year'), value: String(d.year) },
          { label: t('commendation.decision.issuer'), value: t(`commendation.issuers.${d.issuer.kind}`) },
          { label: t('commendation.decision.signedOn'), value: formatDate(d.signedOn, locale) },
          {
            label: t('commendation.decision.signer'),
            value: <span {...vietnameseContent}>{`${d.signerName} (${d.signerPosition})`}</span>,
          },
        ]}
      />
      <Section title={t('commendation.decision.list')}>
        <DataTable
          caption={t('commendation.decision.list')}
          isCaptionHidden
          name="commended"
          rows={d.commended}
          rowKey={(c) => c.nominationId}
          columns={[
            {
              key: 'name',
              header: t('commendation.decision.name'),
              isRowHeader: true,
              cell: (c) => <span {...vietnameseContent}>{c.name}</span>,
              sortValue: (c) => c.name,
            },
            {
              key: 'job',
              header: t('commendation.decision.jobTitle'),
              cell: (c) => (c.jobTitle ? <span {...vietnameseContent}>{c.jobTitle}</span> : '—'),
            },
            { key: 'unit', header: t('commendation.decision.unit'), cell: (c) => localized(c.unit.name) },
          ]}
        />
      </Section>
    </Page>
  );
}
