import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { InitiativeState, PhaseReport, RecognitionScope } from '../../../shared/contracts/movement.js';
import { Loading, QueryError } from '../../components/query-status.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { formatDate, formatNumber } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { RequireSignedIn } from '../identity/require-signed-in.js';
import { useCampaigns } from './api.js';
import { usePhaseReport } from './pages-api.js';
import { ReportBarChart, type Bar } from './phase-report-chart.js';
import { movementPaths } from './paths.js';
import { useFieldNames } from './use-field-names.js';

/** The interim or final review of a phase (báo cáo sơ kết / tổng kết): charts, their tables, downloads. */
export function PhaseReportPage() {
  const { phaseId = '' } = useParams();
  const { t } = useTranslation();
  useDocumentTitle(t('app.pageTitle', { page: t('movement.phaseReport.pageTitle') }));
  return (
    <div className="container page">
      <RequireSignedIn>{() => <Report phaseId={phaseId} />}</RequireSignedIn>
    </div>
  );
}

function Report({ phaseId }: { phaseId: string }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const locale = useLocale();
  const fieldName = useFieldNames();
  const report = usePhaseReport(phaseId);
  const campaigns = useCampaigns();
  if (report.isPending) return <Loading />;
  if (report.isError) return <QueryError error={report.error} onRetry={() => void report.refetch()} />;
  const data: PhaseReport = report.data;
  const campaign = campaigns.data?.campaigns.find((c) => c.phases.some((p) => p.id === phaseId));
  const kind = data.phase.review === 'final' ? t('movement.phaseReport.final') : t('movement.phaseReport.interim');
  const charts: Array<{ id: string; title: string; keyLabel: string; bars: Bar[] }> = [
    { id: 'by-field', title: t('movement.phaseReport.byField'), keyLabel: t('movement.common.field'), bars: data.byField.map((r) => ({ label: fieldName(r.key), count: r.count })) },
    { id: 'by-unit', title: t('movement.phaseReport.byUnit'), keyLabel: t('movement.common.unit'), bars: data.byUnit.map((r) => ({ label: localized(r.name), count: r.count })) },
    { id: 'by-state', title: t('movement.phaseReport.byState'), keyLabel: t('movement.common.state'), bars: data.byState.map((r) => ({ label: t(`movement.states.${r.key as InitiativeState}`), count: r.count })) },
    { id: 'awards', title: t('movement.phaseReport.awards'), keyLabel: t('movement.phaseReport.awardType'), bars: data.awards.map((r) => ({ label: localized(r.name), count: r.count })) },
  ];
  return (
    <>
      <h1>
        {kind}: {localized(data.phase.name)}
      </h1>
      {campaign ? (
        <p>
          <Link to={movementPaths.campaign(campaign.code)}>{localized(campaign.title)}</Link>
        </p>
      ) : null}
      <p>{t('movement.campaign.period', { from: formatDate(data.phase.startsOn, locale), to: formatDate(data.phase.endsOn, locale) })}</p>
      <ul className="plain-list movement-downloads">
        <li>
          <a href={`/api/movement/phases/${phaseId}/report.docx`} download>
            {t('movement.phaseReport.docx')}
          </a>
        </li>
        <li>
          <a href={`/api/movement/phases/${phaseId}/report.xlsx`} download>
            {t('movement.phaseReport.xlsx')}
          </a>
        </li>
      </ul>
      <dl className="movement-facts">
        <dt>{t('movement.phaseReport.registrations')}</dt>
        <dd data-figure="registrations">{formatNumber(data.registrations, locale)}</dd>
        <dt>{t('movement.phaseReport.replications')}</dt>
        <dd data-figure="replications">{formatNumber(data.replications, locale)}</dd>
      </dl>
      <div className="movement-report-grid">
        {charts.map((chart) => (
          <section key={chart.id} className="section" aria-labelledby={`${chart.id}-heading`}>
            <h2 id={`${chart.id}-heading`}>{chart.title}</h2>
            {chart.bars.length === 0 ? (
              <p>{t('movement.common.noneYet')}</p>
            ) : (
              <>
                <ReportBarChart name={chart.id} bars={chart.bars} />
                <div className="movement-table-wrap">
                  <table className="movement-table" data-table={chart.id}>
                    <caption>{t('movement.phaseReport.tableCaption', { chart: chart.title })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{chart.keyLabel}</th>
                        <th scope="col" className="data-table__number">
                          {t('movement.phaseReport.count')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {chart.bars.map((bar) => (
                        <tr key={bar.label}>
                          <th scope="row">{bar.label}</th>
                          <td className="data-table__number">{formatNumber(bar.count, locale)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            )}
          </section>
        ))}
      </div>
      <section className="section" aria-labelledby="top-heading">
        <h2 id="top-heading">{t('movement.phaseReport.top')}</h2>
        {data.top.length === 0 ? (
          <p>{t('movement.common.noneYet')}</p>
        ) : (
          <div className="movement-table-wrap">
            <table className="movement-table">
              <thead>
                <tr>
                  <th scope="col">{t('movement.common.code')}</th>
                  <th scope="col">{t('movement.common.title')}</th>
                  <th scope="col">{t('movement.common.scope')}</th>
                  <th scope="col">{t('movement.common.supports')}</th>
                  <th scope="col">{t('movement.common.replications')}</th>
                </tr>
              </thead>
              <tbody>
                {data.top.map((row) => (
                  <tr key={row.code}>
                    <td>{row.code}</td>
                    <th scope="row">{row.title}</th>
                    <td>{row.scope ? t(`movement.scopes.${row.scope as RecognitionScope}`) : '—'}</td>
                    <td>{formatNumber(row.supportCount, locale)}</td>
                    <td>{formatNumber(row.replicationCount, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
