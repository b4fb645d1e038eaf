import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { InitiativeState, PhaseReport, RecognitionScope } from '../../../shared/contracts/movement.js';
import { paths } from '../../app/paths.js';
import { Chart } from '../../components/chart/chart.js';
import type { ChartSpec } from '../../components/chart/chart-model.js';
import { DataTable } from '../../components/data-table/data-table.js';
import { EmptyState } from '../../components/empty-state/empty-state.js';
import { Page, Section } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { StatCard, StatGrid } from '../../components/stat-card/stat-card.js';
import { formatDateRange, formatNumber } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { RequireSignedIn } from '../identity/require-signed-in.js';
import { useCampaigns } from './api.js';
import { usePhaseReport } from './pages-api.js';
import { movementPaths } from './paths.js';
import { useFieldNames } from './use-field-names.js';
import styles from './movement.module.css';

/** The interim or final review of a phase (báo cáo sơ kết / tổng kết): charts, their tables, downloads. */
export function PhaseReportPage() {
  const { phaseId = '' } = useParams();
  return (
    <Page>
      <RequireSignedIn>{() => <Report phaseId={phaseId} />}</RequireSignedIn>
    </Page>
  );
}

type Count = { key: string; label: string; count: number };

/** One count per category as a bar chart (one series), with its table. */
function CountChart({ name, title, keyLabel, counts }: { name: string; title: string; keyLabel: string; counts: Count[] }) {
  const { t } = useTranslation();
  const spec = useMemo<ChartSpec>(
    () => ({
      kind: 'bar',
      categories: counts.map((c) => ({ key: c.key, label: c.label })),
      series: [{ key: 'count', name: t('movement.phaseReport.count'), values: counts.map((c) => c.count) }],
    }),
    [counts, t],
  );
  return (
    <Section title={title}>
      {counts.length === 0 ? (
        <EmptyState title={t('movement.common.noneYet')} />
      ) : (
        <Chart
          spec={spec}
          name={name}
          caption={t('movement.phaseReport.tableCaption', { chart: title })}
          categoryHeader={keyLabel}
          isTableOpen
        />
      )}
    </Section>
  );
}

function Report({ phaseId }: { phaseId: string }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const locale = useLocale();
  const fieldName = useFieldNames();
  const report = usePhaseReport(phaseId);
  const campaigns = useCampaigns();
  const data: PhaseReport | undefined = report.data;
  const charts = useMemo(
    () =>
      data
        ? [
            {
              name: 'by-field',
              title: t('movement.phaseReport.byField'),
              keyLabel: t('movement.common.field'),
              counts: data.byField.map((r) => ({ key: r.key, label: fieldName(r.key), count: r.count })),
            },
            {
              name: 'by-unit',
              title: t('movement.phaseReport.byUnit'),
              keyLabel: t('movement.common.unit'),
              counts: data.byUnit.map((r) => ({ key: r.key, label: localized(r.name), count: r.count })),
            },
            {
              name: 'by-state',
              title: t('movement.phaseReport.byState'),
              keyLabel: t('movement.common.state'),
              counts: data.byState.map((r) => ({ key: r.key, label: t(`movement.states.${r.key as InitiativeState}`), count: r.count })),
            },
            {
              name: 'awards',
              title: t('movement.phaseReport.awards'),
              keyLabel: t('movement.phaseReport.awardType'),
              counts: data.awards.map((r) => ({ key: r.type, label: localized(r.name), count: r.count })),
            },
          ]
        : [],
    [data, t, fieldName, localized],
  );
  if (report.isPending) return <Loading />;
  if (report.isError || !data) return <QueryError error={report.error} onRetry={() => void report.refetch()} />;
  const campaign = campaigns.data?.campaigns.find((c) => c.phases.some((p) => p.id === phaseId));
  const kind = data.phase.review === 'final' ? t('movement.phaseReport.final') : t('movement.phaseReport.interim');
  return (
    <>
      <PageHeader
        title={`${kind}: ${localized(data.phase.name)}`}
        documentTitle={t('movement.phaseReport.pageTitle')}
        subtitle={formatDateRange(data.phase.startsOn, data.phase.endsOn, locale)}
        breadcrumbs={[
          { label: t('nav.home'), to: paths.home },
          { label: t('movement.campaign.listTitle'), to: movementPaths.campaigns },
          ...(campaign ? [{ label: localized(campaign.title), to: movementPaths.campaign(campaign.code) }] : []),
        ]}
        actions={
          <span className={styles.downloads}>
            <a href={`/api/movement/phases/${phaseId}/report.docx`} download>
              {t('movement.phaseReport.docx')}
            </a>
            <a href={`/api/movement/phases/${phaseId}/report.xlsx`} download>
              {t('movement.phaseReport.xlsx')}
            </a>
          </span>
        }
      />
      <StatGrid>
        <StatCard label={t('movement.phaseReport.registrations')} value={formatNumber(data.registrations, locale)} name="registrations" />
        <StatCard label={t('movement.phaseReport.replications')} value={formatNumber(data.replications, locale)} name="replications" />
      </StatGrid>
      <div className="columns">
        {charts.map((chart) => (
          <CountChart key={chart.name} {...chart} />
        ))}
      </div>
      <Section title={t('movement.phaseReport.top')}>
        <DataTable
          caption={t('movement.phaseReport.top')}
          isCaptionHidden
          rows={data.top}
          rowKey={(row) => row.code}
          empty={<EmptyState title={t('movement.common.noneYet')} />}
          columns={[
            { key: 'code', header: t('movement.common.code'), cell: (row) => row.code },
            { key: 'title', header: t('movement.common.title'), isRowHeader: true, cell: (row) => row.title },
            {
              key: 'scope',
              header: t('movement.common.scope'),
              cell: (row) => (row.scope ? t(`movement.scopes.${row.scope as RecognitionScope}`) : '—'),
            },
            {
              key: 'supports',
              header: t('movement.common.supports'),
              align: 'end',
              cell: (row) => formatNumber(row.supportCount, locale),
              sortValue: (row) => row.supportCount,
            },
            {
              key: 'replications',
              header: t('movement.common.replications'),
              align: 'end',
              cell: (row) => formatNumber(row.replicationCount, locale),
              sortValue: (row) => row.replicationCount,
            },
          ]}
        />
      </Section>
    </>
  );
}
