import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams, useSearchParams } from 'react-router';
import type { Scorecard } from '../../../shared/contracts/plans.js';
import { Chart } from '../../components/chart/chart.js';
import type { ChartSpec } from '../../components/chart/chart-model.js';
import { EmptyState } from '../../components/empty-state/empty-state.js';
import { LabelledInput, LabelledSelect } from '../../components/form/field-shell.js';
import { FilterBar } from '../../components/form/filter-bar.js';
import { Page, Section } from '../../components/page/page.js';
import { PageHeader } from '../../components/page-header/page-header.js';
import { Loading, QueryError } from '../../components/query-status/query-status.js';
import { StatCard, StatGrid } from '../../components/stat-card/stat-card.js';
import { formatNumber, formatPercent } from '../../i18n/format.js';
import { useLocale, useLocalized } from '../../i18n/use-locale.js';
import { usePlan, useScorecard } from './api.js';
import { PlanHeader } from './plan-header.js';
import { planCodeParam } from './paths.js';

const unitKinds = ['department', 'agency', 'ward', 'commune', 'special_zone'] as const;

/** Per unit and period: assigned, completed on time, late, overdue, on-time rate; the city roll-up first. */
export function ScorecardPage() {
  const { t } = useTranslation();
  const locale = useLocale();
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
  // No task due yet is not 0 %: it says so.
  const rate = (value: number | null) => (value === null ? t('plans.score.noneDue') : formatPercent(value * 100, locale));

  if (plan.isError) {
    return (
      <Page>
        <QueryError error={plan.error} />
      </Page>
    );
  }
  return (
    <Page>
      {plan.data ? <PlanHeader plan={plan.data} current="scorecard" /> : <PageHeader title={t('plans.nav.scorecard')} />}
      <FilterBar key={location.search} label={t('plans.filters.label')} action={location.pathname} applyLabel={t('plans.filters.apply')}>
        <LabelledInput label={t('plans.filters.dueFrom')} name="from" type="date" defaultValue={filters.from} />
        <LabelledInput label={t('plans.filters.dueTo')} name="to" type="date" defaultValue={filters.to} />
        <LabelledSelect
          label={t('plans.score.unitKind')}
          name="unitKind"
          defaultValue={filters.unitKind ?? ''}
          emptyOption={t('plans.filters.all')}
          options={unitKinds.map((kind) => ({ value: kind, label: t(`plans.score.kinds.${kind}`) }))}
        />
      </FilterBar>
      {card.isPending && plan.data ? <Loading /> : null}
      {card.isError ? <QueryError error={card.error} onRetry={() => void card.refetch()} /> : null}
      {card.data ? (
        <>
          <Section title={t('plans.score.city')}>
            <StatGrid>
              <StatCard label={t('plans.score.assigned')} value={formatNumber(card.data.city.assigned, locale)} />
              <StatCard label={t('plans.score.onTime')} value={formatNumber(card.data.city.completedOnTime, locale)} />
              <StatCard label={t('plans.score.late')} value={formatNumber(card.data.city.completedLate, locale)} />
              <StatCard label={t('plans.score.overdue')} value={formatNumber(card.data.city.overdue, locale)} />
              <StatCard label={t('plans.score.rate')} value={rate(card.data.city.onTimeRate)} />
            </StatGrid>
            <p className="muted">{t('plans.score.rateNote')}</p>
          </Section>
          <Section title={t('plans.score.units')}>
            {card.data.rows.length === 0 ? (
              <EmptyState title={t('plans.score.none')}>{t('plans.score.noneNext')}</EmptyState>
            ) : (
              <UnitsChart card={card.data} rate={rate} />
            )}
          </Section>
        </>
      ) : null}
    </Page>
  );
}

/** Stacked bars per unit, with the table of every figure (assigned first, the on-time rate last). */
function UnitsChart({ card, rate }: { card: Scorecard; rate: (value: number | null) => string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localized = useLocalized();
  const spec = useMemo<ChartSpec>(
    () => ({
      kind: 'bar',
      isStacked: true,
      categories: card.rows.map((row) => ({ key: row.unit.id, label: localized(row.unit.name) })),
      series: [
        { key: 'onTime', name: t('plans.score.onTime'), values: card.rows.map((row) => row.completedOnTime) },
        { key: 'late', name: t('plans.score.late'), values: card.rows.map((row) => row.completedLate) },
        { key: 'overdue', name: t('plans.score.overdue'), values: card.rows.map((row) => row.overdue) },
        { key: 'inProgress', name: t('plans.score.inProgress'), values: card.rows.map((row) => row.inProgress) },
      ],
    }),
    [card, localized, t],
  );
  return (
    <Chart
      spec={spec}
      name="scorecard"
      caption={t('plans.score.units')}
      categoryHeader={t('plans.score.unit')}
      isTableOpen
      extraColumns={[
        {
          key: 'assigned',
          header: t('plans.score.assigned'),
          isFirst: true,
          align: 'end',
          values: card.rows.map((row) => formatNumber(row.assigned, locale)),
        },
        { key: 'rate', header: t('plans.score.rate'), align: 'end', values: card.rows.map((row) => rate(row.onTimeRate)) },
      ]}
    />
  );
}
