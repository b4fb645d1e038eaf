import { lazy, Suspense, useCallback, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Form, useLocation, useParams, useSearchParams } from 'react-router';
import type { ScorecardRow } from '../../../shared/contracts/plans.js';
import { Loading, QueryError } from '../../components/query-status.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { formatNumber } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { usePlan, useScorecard } from './api.js';
import { PlanHeader } from './plan-page.js';
import { planCodeParam } from './paths.js';

// ECharts is large: it loads with this page only, and the table is there before it.
const ScorecardChart = lazy(() => import('./scorecard-chart.js').then((m) => ({ default: m.ScorecardChart })));

/** Per unit and period: assigned, completed on time, late, overdue, on-time rate; the city roll-up first. */
export function ScorecardPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const code = planCodeParam(useParams().code);
  const plan = usePlan(code);
  const [params] = useSearchParams();
  const location = useLocation();
  const filters = {
    from: params.get('from') || undefined,
    to: params.get('to') || undefined,
    unitKind: params.get('unitKind') || undefined,
  };
  const card = useScorecard(plan.data?.id, filters);
  const id = useId();
  useDocumentTitle(t('app.pageTitle', { page: `${t('plans.nav.scorecard')} — ${code}` }));
  const labels = useMemo(
    () => ({
      onTime: t('plans.score.onTime'),
      late: t('plans.score.late'),
      overdue: t('plans.score.overdue'),
      inProgress: t('plans.score.inProgress'),
    }),
    [t],
  );
  const unitName = useCallback((row: ScorecardRow) => localized(row.unit.name), [localized]);
  const rate = (value: number | null) => (value === null ? '—' : `${formatNumber(Math.round(value * 1000) / 10, locale)} %`);

  if (plan.isError)
    return (
      <div className="container page">
        <QueryError error={plan.error} />
      </div>
    );
  return (
    <div className="container page">
      {plan.data ? <PlanHeader plan={plan.data} current="scorecard" /> : <Loading />}
      <Form method="get" action={location.pathname} className="task-filters" aria-label={t('plans.filters.label')} key={location.search}>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-from`}>
            {t('plans.filters.dueFrom')}
          </label>
          <input className="field__input" id={`${id}-from`} name="from" type="date" defaultValue={filters.from} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-to`}>
            {t('plans.filters.dueTo')}
          </label>
          <input className="field__input" id={`${id}-to`} name="to" type="date" defaultValue={filters.to} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-kind`}>
            {t('plans.score.unitKind')}
          </label>
          <select className="field__input field__select" id={`${id}-kind`} name="unitKind" defaultValue={filters.unitKind ?? ''}>
            <option value="">{t('plans.filters.all')}</option>
            <option value="department">{t('plans.score.kinds.department')}</option>
            <option value="agency">{t('plans.score.kinds.agency')}</option>
            <option value="ward">{t('plans.score.kinds.ward')}</option>
            <option value="commune">{t('plans.score.kinds.commune')}</option>
            <option value="special_zone">{t('plans.score.kinds.special_zone')}</option>
          </select>
        </div>
        <div className="task-filters__actions">
          <button type="submit" className="button">
            {t('plans.filters.apply')}
          </button>
        </div>
      </Form>
      {card.isPending && plan.data ? <Loading /> : null}
      {card.isError ? <QueryError error={card.error} onRetry={() => void card.refetch()} /> : null}
      {card.data ? (
        <>
          <section className="section" aria-labelledby="city-heading">
            <h2 id="city-heading">{t('plans.score.city')}</h2>
            <dl className="stat-grid">
              {(
                [
                  ['assigned', card.data.city.assigned],
                  ['onTime', card.data.city.completedOnTime],
                  ['late', card.data.city.completedLate],
                  ['overdue', card.data.city.overdue],
                ] as const
              ).map(([key, value]) => (
                <div key={key} className="stat">
                  <dt className="stat__label">{t(`plans.score.${key}`)}</dt>
                  <dd className="stat__value">{formatNumber(value, locale)}</dd>
                </div>
              ))}
              <div className="stat">
                <dt className="stat__label">{t('plans.score.rate')}</dt>
                <dd className="stat__value">{rate(card.data.city.onTimeRate)}</dd>
              </div>
            </dl>
          </section>
          <section className="section" aria-labelledby="units-heading">
            <h2 id="units-heading">{t('plans.score.units')}</h2>
            <p>{t('plans.score.chartNote')}</p>
            <Suspense fallback={null}>
              <ScorecardChart rows={card.data.rows} labels={labels} unitName={unitName} />
            </Suspense>
            <div className="table-scroll" role="region" aria-labelledby="units-heading" tabIndex={0}>
              <table className="data-table">
                <caption className="visually-hidden">{t('plans.score.units')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('plans.score.unit')}</th>
                    <th scope="col">{t('plans.score.assigned')}</th>
                    <th scope="col">{t('plans.score.onTime')}</th>
                    <th scope="col">{t('plans.score.late')}</th>
                    <th scope="col">{t('plans.score.overdue')}</th>
                    <th scope="col">{t('plans.score.rate')}</th>
                  </tr>
                </thead>
                <tbody>
                  {card.data.rows.map((row) => (
                    <tr key={row.unit.id}>
                      <th scope="row">{localized(row.unit.name)}</th>
                      <td>{formatNumber(row.assigned, locale)}</td>
                      <td>{formatNumber(row.completedOnTime, locale)}</td>
                      <td>{formatNumber(row.completedLate, locale)}</td>
                      <td>{formatNumber(row.overdue, locale)}</td>
                      <td>{rate(row.onTimeRate)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      ) : null}
    </div>
  );
}
