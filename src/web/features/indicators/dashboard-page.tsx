import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { indicatorStatuses, type IndicatorStatus, type PublicIndicator } from '../../../shared/contracts/indicators.js';
import { Loading, QueryError } from '../../components/query-status.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { useIndicatorDashboard } from './api.js';
import { IndicatorDataTable } from './data-table.js';
import { formatTarget, formatValue } from './format.js';
import { indicatorPath } from './paths.js';
import { isIllustrative, StatusTag } from './status-tag.js';
import { TrajectoryChart } from './trajectory-chart.js';

const frameworkParam = 'khung';
const statusParam = 'trang-thai';

/** The public dashboard: every public indicator, filtered by framework and status, as small multiples. */
export function IndicatorDashboardPage() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const dashboard = useIndicatorDashboard();
  const [params, setParams] = useSearchParams();
  const frameworkId = useId();
  const statusId = useId();
  useDocumentTitle(t('indicators.dashboard.documentTitle'));

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
    <div className="container page" aria-busy={dashboard.isPending}>
      <h1>{t('indicators.dashboard.heading')}</h1>
      <p className="lead">{t('indicators.dashboard.lead')}</p>
      <p className="muted">{t('indicators.dashboard.method')}</p>
      {dashboard.isPending ? <Loading /> : null}
      {dashboard.isError ? <QueryError error={dashboard.error} onRetry={() => void dashboard.refetch()} /> : null}
      {dashboard.data ? (
        <>
          <form className="indicator-filters" role="search" aria-label={t('indicators.dashboard.filters')} onSubmit={(event) => event.preventDefault()}>
            <div className="field">
              <label htmlFor={frameworkId} className="field__label">
                {t('indicators.dashboard.framework')}
              </label>
              <select id={frameworkId} className="field__input field__select" value={framework} onChange={(event) => setFilter(frameworkParam, event.target.value)}>
                <option value="">{t('indicators.dashboard.all')}</option>
                {dashboard.data.frameworks.map((f) => (
                  <option key={f.code} value={f.code}>
                    {localized(f.name)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={statusId} className="field__label">
                {t('indicators.dashboard.statusFilter')}
              </label>
              <select id={statusId} className="field__input field__select" value={status} onChange={(event) => setFilter(statusParam, event.target.value)}>
                <option value="">{t('indicators.dashboard.all')}</option>
                {indicatorStatuses.map((s) => (
                  <option key={s} value={s}>
                    {t(`indicators.status.${s}`)}
                  </option>
                ))}
              </select>
            </div>
          </form>
          <p role="status" className="indicator-count">
            {t('indicators.dashboard.shown', { count: shown.length, total: all.length })}
          </p>
          {shown.length === 0 ? <p>{t('indicators.dashboard.none')}</p> : null}
          {dashboard.data.frameworks
            .filter((f) => shown.some((i) => i.frameworkCode === f.code))
            .map((f) => (
              <section key={f.code} className="section" aria-labelledby={`framework-${f.code}`}>
                <h2 id={`framework-${f.code}`}>{localized(f.name)}</h2>
                {f.sourceDocument ? <p className="muted">{f.sourceDocument}</p> : null}
                <ul className="plain-list indicator-grid">
                  {shown
                    .filter((i) => i.frameworkCode === f.code)
                    .map((indicator) => (
                      <li key={indicator.id}>
                        <IndicatorCard indicator={indicator} />
                      </li>
                    ))}
                </ul>
              </section>
            ))}
          <section className="section" aria-labelledby="indicator-downloads">
            <h2 id="indicator-downloads">{t('indicators.dashboard.download')}</h2>
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
          </section>
        </>
      ) : null}
    </div>
  );
}

/** One indicator as a small multiple: status, target, latest value, a small chart and its table. */
function IndicatorCard({ indicator }: { indicator: PublicIndicator }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const unit = localized(indicator.unit);
  const latest = indicator.series.at(-1) ?? null;
  const target = indicator.targets.find((x) => x.year === indicator.assessment.targetYear) ?? indicator.targets.at(-1) ?? null;
  const headingId = `indicator-${indicator.code}`;

  return (
    <article className="card indicator-card" aria-labelledby={headingId}>
      <h3 id={headingId} className="indicator-card__name">
        <Link to={indicatorPath(indicator.code)}>{localized(indicator.name)}</Link>
      </h3>
      <p className="indicator-card__tags">
        <StatusTag status={indicator.assessment.status} />
        {isIllustrative(indicator) ? (
          <span className="badge badge--illustrative" title={t('indicators.illustrativeHint')}>
            {t('indicators.illustrative')}
          </span>
        ) : null}
      </p>
      <dl className="indicator-card__figures">
        <div>
          <dt>{target ? t('indicators.dashboard.target', { year: String(target.year) }) : t('indicators.dashboard.noTarget')}</dt>
          <dd>{target ? formatTarget(target, unit, locale) : '—'}</dd>
        </div>
        <div>
          <dt>
            {latest
              ? t('indicators.dashboard.latest', { period: latest.period })
              : indicator.baseline
                ? t('indicators.dashboard.baseline', { year: String(indicator.baseline.year) })
                : t('indicators.dashboard.noValue')}
          </dt>
          <dd>{latest ? formatValue(latest.value, unit, locale) : indicator.baseline ? formatValue(indicator.baseline.value, unit, locale) : '—'}</dd>
        </div>
      </dl>
      {indicator.missingPeriods.length > 0 ? (
        <p className="indicator-missing">{t('indicators.dashboard.missing', { periods: indicator.missingPeriods.join(', ') })}</p>
      ) : null}
      <TrajectoryChart indicator={indicator} isCompact />
      <details className="indicator-card__table">
        <summary>{t('indicators.chart.showTable')}</summary>
        <IndicatorDataTable indicator={indicator} />
      </details>
    </article>
  );
}
