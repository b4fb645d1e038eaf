import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { PublicIndicator } from '../../../shared/contracts/indicators.js';
import { ApiError } from '../../api/client.js';
import { paths } from '../../app/paths.js';
import { Localized, vietnameseContent } from '../../components/content-language/content-language.js';
import { Notice } from '../../components/notice/notice.js';
import { Page, Section } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { StatusTag, TagGroup } from '../../components/status-tag/status-tag.js';
import { SummaryList } from '../../components/summary-list/summary-list.js';
import { formatBounds, formatFigure, formatPeriod, formatQuantity } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { DirectoryCountSection } from '../ecosystem/indicator-count.js';
import { usePublicIndicator } from './api.js';
import { indicatorPaths } from './paths.js';
import { IndicatorStatusTag, isIllustrative } from './status-tag.js';
import { TrajectoryChart } from './trajectory-chart.js';

/** One public indicator: what it measures, its targets, status, projection, chart and table. */
export function IndicatorPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const indicator = usePublicIndicator(code);
  const isNotFound = indicator.error instanceof ApiError && indicator.error.status === 404;
  const breadcrumbs = [
    { label: t('nav.home'), to: paths.home },
    { label: t('indicators.dashboard.heading'), to: indicatorPaths.dashboard },
  ];

  return (
    <Page isBusy={indicator.isPending}>
      {indicator.isPending ? <Loading /> : null}
      {isNotFound ? (
        <PageHeader title={t('indicators.detail.notFound')} breadcrumbs={breadcrumbs} />
      ) : indicator.isError ? (
        <QueryError error={indicator.error} onRetry={() => void indicator.refetch()} />
      ) : null}
      {indicator.data ? <IndicatorDetail indicator={indicator.data} breadcrumbs={breadcrumbs} /> : null}
    </Page>
  );
}

function IndicatorDetail({ indicator, breadcrumbs }: { indicator: PublicIndicator; breadcrumbs: Array<{ label: string; to: string }> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const unit = localized(indicator.unit);
  const { assessment } = indicator;
  const none = t('indicators.detail.none');
  const round = (value: number) => Math.round(value * 100) / 100;

  return (
    <>
      <PageHeader
        title={localized(indicator.name)}
        kicker={indicator.code}
        breadcrumbs={breadcrumbs}
        meta={
          <TagGroup>
            <IndicatorStatusTag status={assessment.status} />
            {isIllustrative(indicator) ? <StatusTag tone="warning">{t('indicators.illustrative')}</StatusTag> : null}
          </TagGroup>
        }
      />
      {isIllustrative(indicator) ? <p className="muted">{t('indicators.illustrativeHint')}</p> : null}
      {indicator.missingPeriods.length > 0 ? (
        <Notice tone="warning">
          <h2>{t('indicators.detail.missingHeading')}</h2>
          <p>{t('indicators.detail.missingText', { periods: indicator.missingPeriods.map((p) => formatPeriod(p, locale)).join(', ') })}</p>
        </Notice>
      ) : null}

      <Section title={t('indicators.detail.assessment')}>
        <SummaryList
          items={[
            assessment.expected !== null && {
              label: t('indicators.detail.expected'),
              value: formatQuantity(round(assessment.expected), unit, locale),
            },
            assessment.projected !== null &&
              assessment.targetYear !== null && {
                label: t('indicators.detail.projected', { year: String(assessment.targetYear) }),
                value: `${formatQuantity(round(assessment.projected), unit, locale)} (${assessment.isProjectedToMeet ? t('indicators.detail.meets') : t('indicators.detail.misses')})`,
              },
          ]}
        />
      </Section>

      <DirectoryCountSection code={indicator.code} />

      <Section title={t('indicators.detail.chartHeading')}>
        <TrajectoryChart indicator={indicator} />
      </Section>

      <Section title={t('indicators.detail.facts')}>
        <SummaryList
          items={[
            { label: t('indicators.detail.code'), value: indicator.code },
            { label: t('indicators.detail.unit'), value: unit },
            { label: t('indicators.detail.direction'), value: t(`indicators.direction.${indicator.direction}`) },
            {
              label: t('indicators.detail.targets'),
              value: indicator.targets.length
                ? indicator.targets.map((x) => `${x.year}: ${formatBounds(x, unit, locale) ?? '—'}`).join('; ')
                : none,
            },
            {
              label: t('indicators.detail.baseline'),
              value: indicator.baseline
                ? `${indicator.baseline.year}: ${formatFigure(indicator.baseline.value, unit, locale, indicator.baseline.qualifier)}${indicator.baseline.isIllustrative ? ` (${t('indicators.illustrative')})` : ''}`
                : none,
            },
            {
              label: t('indicators.detail.responsibleUnit'),
              value: indicator.responsibleUnit ? localized(indicator.responsibleUnit.name) : none,
            },
            { label: t('indicators.detail.frequency'), value: t(`indicators.frequency.${indicator.frequency}`) },
            { label: t('indicators.detail.method'), value: indicator.method ? <Localized text={indicator.method} /> : none },
            { label: t('indicators.detail.dataSource'), value: indicator.dataSource ? <Localized text={indicator.dataSource} /> : none },
            { label: t('indicators.detail.projection'), value: t(`indicators.projection.${indicator.projectionMethod}`) },
            {
              label: t('indicators.detail.sourceNote'),
              value: indicator.sourceNote ? <span {...vietnameseContent}>{indicator.sourceNote}</span> : none,
            },
            {
              label: t('indicators.detail.planTasks'),
              value: indicator.planTaskCodes.length ? indicator.planTaskCodes.join(', ') : t('indicators.detail.noPlanTasks'),
            },
          ]}
        />
      </Section>
    </>
  );
}
