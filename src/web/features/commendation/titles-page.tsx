import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table/data-table.js';
import { Page } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { StatusTag, TagGroup } from '../../components/status-tag/status-tag.js';
import { useLocalized } from '../../i18n/use-locale.js';
import { useTitles } from './api.js';
import { useTrail } from './common.js';

/** The titles and forms, public: who gives each, the criteria the platform checks, the vote it needs, and on what basis. */
export function TitlesPage() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const titles = useTitles();
  return (
    <Page width="wide">
      <PageHeader
        title={t('commendation.titles.heading')}
        documentTitle={t('commendation.titles.pageTitle')}
        subtitle={t('commendation.titles.intro')}
        breadcrumbs={useTrail()}
      />
      {titles.isPending ? <Loading /> : null}
      {titles.isError ? <QueryError error={titles.error} onRetry={() => void titles.refetch()} /> : null}
      {titles.data ? (
        <DataTable
          caption={t('commendation.titles.heading')}
          isCaptionHidden
          name="titles"
          rows={titles.data.titles}
          rowKey={(x) => x.code}
          columns={[
            { key: 'name', header: t('commendation.columns.title'), isRowHeader: true, cell: (x) => localized(x.name) },
            {
              key: 'kind',
              header: t('commendation.titles.kind'),
              cell: (x) => `${t(`commendation.kinds.${x.kind}`)} · ${t(`commendation.titleSubjects.${x.subject}`)}`,
            },
            {
              key: 'issuers',
              header: t('commendation.titles.issuers'),
              cell: (x) => x.issuers.map((i) => t(`commendation.issuers.${i}`)).join('; '),
            },
            { key: 'criteria', header: t('commendation.titles.criteria'), cell: (x) => localized(x.criteria) },
            { key: 'basis', header: t('commendation.titles.basis'), cell: (x) => localized(x.legalBasis) },
            {
              key: 'vote',
              header: t('commendation.titles.vote'),
              cell: (x) => (
                <>
                  <p>
                    {t(x.isThresholdStrict ? 'commendation.titles.moreThan' : 'commendation.titles.atLeast', {
                      percent: x.voteThresholdPercent,
                    })}
                  </p>
                  <TagGroup>
                    {x.isThresholdConfirmed ? null : (
                      <StatusTag tone="warning" title={localized(x.thresholdBasis)}>
                        {t('commendation.titles.unconfirmed')}
                      </StatusTag>
                    )}
                    {x.requiresInitiative ? <StatusTag tone="info">{t('commendation.titles.requiresInitiative')}</StatusTag> : null}
                  </TagGroup>
                  <p className="muted">{localized(x.thresholdBasis)}</p>
                </>
              ),
            },
          ]}
        />
      ) : null}
    </Page>
  );
}
