import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { indicatorStatuses, type IndicatorStatus, type PublicIndicator } from '../../../shared/contracts/indicators.js';
import { paths } from '../../app/paths.js';
import { vietnameseContent } from '../../components/content-language/content-language.js';
import { Card, CardList } from '../../components/card/card.js';
import { EmptyState } from '../../components/empty-state/empty-state.js';
import { LabelledSelect } from '../../components/form/field-shell.js';
import { filterGridClass } from '../../components/form/filter-bar.js';
import { Page, Section } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { StatusTag, TagGroup } from '../../components/status-tag/status-tag.js';
import { formatBounds, formatFigure, formatPeriod, formatQuantity } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { useDeferredQuery } from '../../api/deferred-query.js';
import { useIndicatorDashboard } from './api.js';
import { assessedTarget } from './chart-spec.js';
import { indicatorPath } from './paths.js';
import { IndicatorStatusTag, isIllustrative } from './status-tag.js';
import { TrajectoryChart } from './trajectory-chart.js';
import styles from './indicators.module.css';

const frameworkParam = 'khung';
const statusParam = 'trang-thai';

/** The public dashboard: every public indicator, filtered by framework and status, as small multiples. */
export function IndicatorDashboardPage() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const dashboard = useDeferredQuery(useIndicatorDashboard());
  const [params, setParams] = useSearchParams();

  const framework = params.get(frameworkParam) ?? '';
  const statusValue = params.get(statusParam) ?? '';
  const status = (indicatorStatuses as readonly string[]).includes(statusValue) ? (statusValue as IndicatorStatus) : '';
  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value === '') next.delete(name);
    else next.set(name, value);
    setParams(next, { replace: true });
  };

  const all = dashboard.data?.indicators ?? [];
  const shown = all.filter((i) => (framework === '' || i.frameworkCode === framework) && (status === '' || i.assessment.status === status));

  return (
    <Page isBusy={dashboard.isPending}>
      <PageHeader
        title={t('indicators.dashboard.heading')}
        subtitle={t('indicators.dashboard.lead')}
        breadcrumbs={[{ label: t('nav.home'), to: paths.home }]}
      />
      <p className="muted">{t('indicators.dashboard.method')}</p>
      {dashboard.isPending ? <Loading /> : null}
      {dashboard.isError ? <QueryError error={dashboard.error} onRetry={() => void dashboard.refetch()} /> : null}
      {dashboard.data ? (
        <>
          <form
            className={filterGridClass}
            role="search"
            aria-label={t('indicators.dashboard.filters')}
            onSubmit={(event) => event.preventDefault()}
          >
            <LabelledSelect
              label={t('indicators.dashboard.framework')}
              value={framework}
              onChange={(event) => setFilter(frameworkParam, event.target.value)}
              emptyOption={t('indicators.dashboard.all')}
              options={dashboard.data.frameworks.map((f) => ({ value: f.code, label: localized(f.name) }))}
            />
            <LabelledSelect
              label={t('indicators.dashboard.statusFilter')}
              value={status}
              onChange={(event) => setFilter(statusParam, event.target.value)}
              emptyOption={t('indicators.dashboard.all')}
              options={indicatorStatuses.map((s) => ({ value: s, label: t(`indicators.status.${s}`) }))}
            />
          </form>
          <p role="status">{t('indicators.dashboard.shown', { count: shown.length, total: all.length })}</p>
          {shown.length === 0 ? <EmptyState title={t('indicators.dashboard.none')}>{t('indicators.dashboard.noneNext')}</EmptyState> : null}
          {dashboard.data.frameworks
            .filter((f) => shown.some((i) => i.frameworkCode === f.code))
            .map((f) => (
              <Section
                key={f.code}
                title={localized(f.name)}
                intro={f.sourceDocument ? <span {...vietnameseContent}>{f.sourceDocument}</span> : undefined}
              >
                <CardList items={shown.filter((i) => i.frameworkCode === f.code)} itemKey={(indicator) => indicator.id}>
                  {(indicator) => <IndicatorCard indicator={indicator} />}
                </CardList>
              </Section>
            ))}
          <Section title={t('indicators.dashboard.download')}>
            <ul className="link-list">
              <li>
                <a href="/api/indicators/export?format=csv" download>
                  {t('indicators.dashboard.downloadCsv')}
                </a>
              </li>
              <li>
                <a href="/api/indicators/export?format=xlsx" download>
                  {t('indicators.dashboard.downloadXlsx')}
                </a>
              </li>
            </ul>
          </Section>
        </>
      ) : null}
    </Page>
  );
}

/** One indicator as a small multiple: status, target, latest value, a small chart and its table. */
function IndicatorCard({ indicator }: { indicator: PublicIndicator }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const unit = localized(indicator.unit);
  const latest = indicator.series.at(-1) ?? null;
  const target = assessedTarget(indicator);

  return (
    <Card name="indicator" title={<Link to={indicatorPath(indicator.code)}>{localized(indicator.name)}</Link>}>
      <TagGroup>
        <IndicatorStatusTag status={indicator.assessment.status} />
        {isIllustrative(indicator) ? (
          <StatusTag tone="warning" title={t('indicators.illustrativeHint')}>
            {t('indicators.illustrative')}
          </StatusTag>
        ) : null}
      </TagGroup>
      <dl className={styles.figures}>
        <div>
          <dt>{target ? t('indicators.dashboard.target', { year: String(target.year) }) : t('indicators.dashboard.noTarget')}</dt>
          <dd>{target ? (formatBounds(target, unit, locale) ?? '—') : '—'}</dd>
        </div>
        <div>
          <dt>
            {latest
              ? t('indicators.dashboard.latest', { period: formatPeriod(latest.period, locale) })
              : indicator.baseline
                ? t('indicators.dashboard.baseline', { year: String(indicator.baseline.year) })
                : t('indicators.dashboard.noValue')}
          </dt>
          <dd>
            {latest
              ? formatQuantity(latest.value, unit, locale)
              : indicator.baseline
                ? formatFigure(indicator.baseline.value, unit, locale, indicator.baseline.qualifier)
                : '—'}
          </dd>
        </div>
      </dl>
      {indicator.missingPeriods.length > 0 ? (
        <p className={styles.missing}>
          {t('indicators.dashboard.missing', { periods: indicator.missingPeriods.map((p) => formatPeriod(p, locale)).join(', ') })}
        </p>
      ) : null}
      <TrajectoryChart indicator={indicator} isCompact />
    </Card>
  );
}
