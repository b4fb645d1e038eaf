import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PublicIndicator } from '../../../shared/contracts/indicators.js';
import { ApiError } from '../../api/client.js';
import { Loading, QueryError } from '../../components/query-status.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { usePublicIndicator } from './api.js';
import { IndicatorDataTable } from './data-table.js';
import { formatTarget, formatValue } from './format.js';
import { indicatorPaths } from './paths.js';
import { isIllustrative, StatusTag } from './status-tag.js';
import { TrajectoryChart } from './trajectory-chart.js';

/** One public indicator: what it measures, its targets, status, projection, chart and table. */
export function IndicatorPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const localized = useLocalized();
  const indicator = usePublicIndicator(code);
  useDocumentTitle(indicator.data ? `${localized(indicator.data.name)} — doimoi` : t('indicators.dashboard.documentTitle'));
  const isNotFound = indicator.error instanceof ApiError && indicator.error.status === 404;

  return (
    <div className="container page" aria-busy={indicator.isPending}>
      <p>
        <Link to={indicatorPaths.dashboard}>← {t('indicators.detail.back')}</Link>
      </p>
      {indicator.isPending ? <Loading /> : null}
      {isNotFound ? (
        <>
          <h1>{t('indicators.detail.notFound')}</h1>
        </>
      ) : indicator.isError ? (
        <QueryError error={indicator.error} onRetry={() => void indicator.refetch()} />
      ) : null}
      {indicator.data ? <IndicatorDetail indicator={indicator.data} /> : null}
    </div>
  );
}

function IndicatorDetail({ indicator }: { indicator: PublicIndicator }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const unit = localized(indicator.unit);
  const { assessment } = indicator;

  return (
    <>
      <h1>{localized(indicator.name)}</h1>
      <p className="indicator-card__tags">
        <StatusTag status={assessment.status} />
        {isIllustrative(indicator) ? <span className="badge badge--illustrative">{t('indicators.illustrative')}</span> : null}
      </p>
      {isIllustrative(indicator) ? <p className="muted">{t('indicators.illustrativeHint')}</p> : null}
      {indicator.missingPeriods.length > 0 ? (
        <div className="panel indicator-missing-panel">
          <h2>{t('indicators.detail.missingHeading')}</h2>
          <p>{t('indicators.detail.missingText', { periods: indicator.missingPeriods.join(', ') })}</p>
        </div>
      ) : null}

      <section className="section" aria-labelledby="indicator-assessment">
        <h2 id="indicator-assessment">{t('indicators.detail.assessment')}</h2>
        <dl className="summary-list">
          {assessment.expected !== null ? (
            <div className="summary-list__row">
              <dt>{t('indicators.detail.expected')}</dt>
              <dd>{formatValue(Math.round(assessment.expected * 100) / 100, unit, locale)}</dd>
            </div>
          ) : null}
          {assessment.projected !== null && assessment.targetYear !== null ? (
            <div className="summary-list__row">
              <dt>{t('indicators.detail.projected', { year: String(assessment.targetYear) })}</dt>
              <dd>
                {formatValue(Math.round(assessment.projected * 100) / 100, unit, locale)} (
                {assessment.isProjectedToMeet ? t('indicators.detail.meets') : t('indicators.detail.misses')})
              </dd>
            </div>
          ) : null}
        </dl>
      </section>

      <section className="section" aria-labelledby="indicator-chart">
        <h2 id="indicator-chart">{t('indicators.detail.chartHeading')}</h2>
        <TrajectoryChart indicator={indicator} />
        <IndicatorDataTable indicator={indicator} />
      </section>

      <section className="section" aria-labelledby="indicator-facts">
        <h2 id="indicator-facts">{t('indicators.detail.facts')}</h2>
        <dl className="summary-list">
          <Fact label={t('indicators.detail.code')} value={indicator.code} />
          <Fact label={t('indicators.detail.unit')} value={unit} />
          <Fact label={t('indicators.detail.direction')} value={t(`indicators.direction.${indicator.direction}`)} />
          <Fact
            label={t('indicators.detail.targets')}
            value={indicator.targets.length ? indicator.targets.map((x) => `${x.year}: ${formatTarget(x, unit, locale)}`).join('; ') : t('indicators.detail.none')}
          />
          <Fact
            label={t('indicators.detail.baseline')}
            value={
              indicator.baseline
                ? `${indicator.baseline.year}: ${formatValue(indicator.baseline.value, unit, locale)}${indicator.baseline.isIllustrative ? ` (${t('indicators.illustrative')})` : ''}`
                : t('indicators.detail.none')
            }
          />
          <Fact label={t('indicators.detail.responsibleUnit')} value={indicator.responsibleUnit ? localized(indicator.responsibleUnit.name) : t('indicators.detail.none')} />
          <Fact label={t('indicators.detail.frequency')} value={t(`indicators.frequency.${indicator.frequency}`)} />
          <Fact label={t('indicators.detail.method')} value={indicator.method ? localized(indicator.method) : t('indicators.detail.none')} />
          <Fact label={t('indicators.detail.dataSource')} value={indicator.dataSource ? localized(indicator.dataSource) : t('indicators.detail.none')} />
          <Fact label={t('indicators.detail.sourceNote')} value={indicator.sourceNote ?? t('indicators.detail.none')} />
          <Fact label={t('indicators.detail.planTasks')} value={indicator.planTaskCodes.length ? indicator.planTaskCodes.join(', ') : t('indicators.detail.noPlanTasks')} />
        </dl>
      </section>
    </>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div className="summary-list__row">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
