import { and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, lt, lte, ne, sql, type SQL } from 'drizzle-orm';
import { organisationKindNames, type OrganisationKind } from '../../../shared/contracts/ecosystem.js';
import { taskStatuses, taskStatusLabels, type TaskStatus } from '../../../shared/contracts/plans.js';
import type { CityFigures, TaskTally, UnitFigures } from '../../../shared/contracts/reports.js';
import type { ServiceContext } from '../../lib/context.js';
import { ecoOrganisations } from '../ecosystem/schema.js';
import { units } from '../identity/schema.js';
import { getDashboard } from '../indicators/dashboard.js';
import { indicatorObservations, indicators } from '../indicators/schema.js';
import { assessIndicator } from '../indicators/status.js';
import { awards, awardTypes, campaignPhases, campaigns, initiatives, replications, unitRegistrations } from '../movement/schema.js';
import { stateName } from '../movement/workflow.js';
import { datasetResources, datasets } from '../opendata/schema.js';
import { plans, taskGroups, tasks } from '../plans/schema.js';
import { statusSql } from '../plans/status.js';
import { addDays } from './periods.js';

/** The days the figures cover: the data cut-off, and the day they stand at (its end, or today while it lasts). */
export type Window = { from: string; to: string; asOf: string };

export const windowOf = (period: { cutoffFrom: string; cutoffTo: string }, today: string): Window => ({
  from: period.cutoffFrom,
  to: period.cutoffTo,
  asOf: today < period.cutoffTo ? today : period.cutoffTo,
});

/** An instant column within the window's days, in the city's time (UTC+7). */
const within = (column: SQL | Parameters<typeof gte>[0], window: Window): SQL =>
  and(gte(column, `${window.from}T00:00:00+07:00`), lt(column, `${addDays(window.asOf, 1)}T00:00:00+07:00`))!;
/** An instant column up to the end of the day the figures stand at. */
const upTo = (column: Parameters<typeof lt>[0], window: Window): SQL => lt(column, `${addDays(window.asOf, 1)}T00:00:00+07:00`);
const dayWithin = (column: Parameters<typeof gte>[0], window: Window): SQL => and(gte(column, window.from), lte(column, window.asOf))!;
const submittedStates = ['recognised', 'awarded', 'replicated'] as const;

async function countOf(ctx: ServiceContext, query: Promise<Array<{ n: number }>>): Promise<number> {
  const [row] = await query;
  return row?.n ?? 0;
}

/** Counts of the movement in the window, for one unit or for the whole city. */
async function movementCounts(ctx: ServiceContext, window: Window, unitId: string | null) {
  const ofUnit = (column: Parameters<typeof eq>[0]) => (unitId ? eq(column, unitId) : sql`true`);
  const n = count();
  const [newInitiatives, recognised, awardCount, replicationCount, registrations] = await Promise.all([
    countOf(
      ctx,
      ctx.db
        .select({ n })
        .from(initiatives)
        .where(and(ofUnit(initiatives.unitId), within(initiatives.submittedAt, window))),
    ),
    countOf(
      ctx,
      ctx.db
        .select({ n })
        .from(initiatives)
        .where(and(ofUnit(initiatives.unitId), inArray(initiatives.state, [...submittedStates]), within(initiatives.decidedAt, window))),
    ),
    countOf(
      ctx,
      ctx.db
        .select({ n })
        .from(awards)
        .innerJoin(initiatives, eq(initiatives.id, awards.initiativeId))
        .where(and(ofUnit(initiatives.unitId), dayWithin(awards.awardedOn, window))),
    ),
    countOf(
      ctx,
      ctx.db
        .select({ n })
        .from(replications)
        .where(and(ofUnit(replications.unitId), dayWithin(replications.adoptedOn, window))),
    ),
    countOf(
      ctx,
      ctx.db
        .select({ n })
        .from(unitRegistrations)
        .innerJoin(campaignPhases, eq(campaignPhases.id, unitRegistrations.phaseId))
        .where(
          and(
            ofUnit(unitRegistrations.unitId),
            lte(campaignPhases.startsOn, window.to),
            gte(campaignPhases.endsOn, window.from),
            upTo(unitRegistrations.createdAt, window),
          ),
        ),
    ),
  ]);
  return { newInitiatives, recognised, awards: awardCount, replications: replicationCount, registrations };
}

/** What a unit's report is prefilled with: its tasks and their status, its indicators' values, its part in the movement, its data and ecosystem entries. */
export async function unitFigures(ctx: ServiceContext, unitId: string, window: Window): Promise<UnitFigures> {
  const status = statusSql(window.asOf);
  const taskRows = await ctx.db
    .select({
      code: tasks.code,
      titleVi: tasks.titleVi,
      titleEn: tasks.titleEn,
      dueOn: tasks.dueOn,
      progressPercent: tasks.progressPercent,
      status,
    })
    .from(tasks)
    .where(and(eq(tasks.leadUnitId, unitId), isNull(tasks.parentId), ne(tasks.lifecycle, 'withdrawn')))
    .orderBy(asc(tasks.dueOn), asc(tasks.code))
    .limit(500);
  const counts = Object.fromEntries(taskStatuses.map((s) => [s, taskRows.filter((t) => t.status === s).length])) as Record<
    TaskStatus,
    number
  >;
  const values = await ctx.db
    .selectDistinctOn([indicators.id], {
      code: indicators.code,
      nameVi: indicators.nameVi,
      nameEn: indicators.nameEn,
      unitVi: indicators.unitVi,
      unitEn: indicators.unitEn,
      period: indicatorObservations.period,
      value: indicatorObservations.value,
    })
    .from(indicators)
    .innerJoin(indicatorObservations, eq(indicatorObservations.indicatorId, indicators.id))
    .where(
      and(
        eq(indicators.responsibleUnitId, unitId),
        ne(indicatorObservations.status, 'returned'),
        upTo(indicatorObservations.enteredAt, window),
      ),
    )
    .orderBy(asc(indicators.id), desc(indicatorObservations.periodEnd), desc(indicatorObservations.revision));
  const n = count();
  const [publishedDatasets, organisations] = await Promise.all([
    countOf(
      ctx,
      ctx.db
        .select({ n })
        .from(datasets)
        .where(and(eq(datasets.publisherUnitId, unitId), eq(datasets.state, 'published'), upTo(datasets.publishedAt, window))),
    ),
    countOf(
      ctx,
      ctx.db
        .select({ n })
        .from(ecoOrganisations)
        .where(
          and(eq(ecoOrganisations.wardUnitId, unitId), isNotNull(ecoOrganisations.verifiedAt), upTo(ecoOrganisations.verifiedAt, window)),
        ),
    ),
  ]);
  return {
    asOf: window.asOf,
    tasks: {
      counts,
      rows: taskRows.map((t) => ({
        code: t.code,
        title: { vi: t.titleVi, en: t.titleEn || t.titleVi },
        dueOn: t.dueOn,
        progressPercent: t.progressPercent,
        status: t.status,
      })),
    },
    indicators: values
      .map((v) => ({
        code: v.code,
        name: { vi: v.nameVi, en: v.nameEn },
        unit: { vi: v.unitVi, en: v.unitEn },
        period: v.period,
        value: v.value,
      }))
      .sort((a, b) => a.code.localeCompare(b.code)),
    movement: await movementCounts(ctx, window, unitId),
    opendata: { publishedDatasets },
    ecosystem: { organisations },
  };
}

const tallyColumns = (status: SQL<TaskStatus>) => ({
  total: sql<number>`count(*) filter (where ${status} <> 'withdrawn')::int`,
  completedOnTime: sql<number>`count(*) filter (where ${status} = 'completed_on_time')::int`,
  completedLate: sql<number>`count(*) filter (where ${status} = 'completed_late')::int`,
  overdue: sql<number>`count(*) filter (where ${status} = 'in_progress_overdue')::int`,
  extended: sql<number>`count(*) filter (where ${status} = 'extended')::int`,
  inProgress: sql<number>`count(*) filter (where ${status} in ('not_started', 'in_progress_on_time', 'recurring'))::int`,
});

/** The city's indicators with a 2030 target, judged on the values approved up to the day the figures stand at. */
async function indicatorFigures(ctx: ServiceContext, window: Window): Promise<CityFigures['indicators']> {
  const dashboard = await getDashboard(ctx);
  const asOfEnd = window.asOf;
  return dashboard.indicators
    .filter((i) => i.targets.some((t) => t.year === 2030) && i.series.length > 0)
    .map((i) => {
      const series = i.series.filter((s) => s.periodEnd <= asOfEnd);
      const latest = series.at(-1) ?? null;
      const target = i.targets.find((t) => t.year === 2030)!;
      const assessment = assessIndicator({
        direction: i.direction,
        baseline: i.baseline,
        targets: i.targets,
        observations: series.map((s) => ({ at: s.at, value: s.value })),
        method: i.projectionMethod,
      });
      return {
        code: i.code,
        name: i.name,
        unit: i.unit,
        latest: latest ? { period: latest.period, value: latest.value } : null,
        target: { year: target.year, min: target.min, max: target.max },
        status: assessment.status,
      };
    });
}

/** The city's figures for its compiled report: plans, indicators, the movement, the ecosystem and open data. */
export async function cityFigures(ctx: ServiceContext, window: Window): Promise<CityFigures> {
  const status = statusSql(window.asOf);
  const topLevel = isNull(tasks.parentId);
  const byGroup = await ctx.db
    .select({
      planCode: plans.code,
      position: taskGroups.position,
      titleVi: taskGroups.titleVi,
      titleEn: taskGroups.titleEn,
      ...tallyColumns(status),
    })
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .innerJoin(taskGroups, eq(taskGroups.id, tasks.groupId))
    .where(topLevel)
    .groupBy(plans.code, taskGroups.position, taskGroups.titleVi, taskGroups.titleEn)
    .orderBy(asc(plans.code), asc(taskGroups.position));
  const byUnit = await ctx.db
    .select({ code: units.code, nameVi: units.nameVi, nameEn: units.nameEn, ...tallyColumns(status) })
    .from(tasks)
    .innerJoin(units, eq(units.id, tasks.leadUnitId))
    .where(topLevel)
    .groupBy(units.code, units.nameVi, units.nameEn)
    .orderBy(asc(units.nameVi), asc(units.code));
  type Counts = Omit<TaskTally, 'label'>;
  const tally = (row: Counts): Counts => ({
    total: row.total,
    completedOnTime: row.completedOnTime,
    completedLate: row.completedLate,
    overdue: row.overdue,
    extended: row.extended,
    inProgress: row.inProgress,
  });
  const n = count();
  const submitted = and(isNotNull(initiatives.submittedAt), upTo(initiatives.submittedAt, window));
  const [fieldRows, stateRows, campaignFields, awardRows, kindRows, [datasetCount], [resourceCount]] = await Promise.all([
    ctx.db
      .select({ code: initiatives.fieldCode, n })
      .from(initiatives)
      .where(submitted)
      .groupBy(initiatives.fieldCode)
      .orderBy(desc(n), asc(initiatives.fieldCode)),
    ctx.db
      .select({ state: initiatives.state, n })
      .from(initiatives)
      .where(submitted)
      .groupBy(initiatives.state)
      .orderBy(desc(n), asc(initiatives.state)),
    ctx.db.select({ fields: campaigns.fields }).from(campaigns),
    ctx.db
      .select({ nameVi: awardTypes.nameVi, nameEn: awardTypes.nameEn, n })
      .from(awards)
      .innerJoin(awardTypes, eq(awardTypes.id, awards.awardTypeId))
      .where(dayWithin(awards.awardedOn, window))
      .groupBy(awardTypes.nameVi, awardTypes.nameEn)
      .orderBy(desc(n), asc(awardTypes.nameVi)),
    ctx.db
      .select({ kind: ecoOrganisations.kind, n })
      .from(ecoOrganisations)
      .where(and(isNotNull(ecoOrganisations.verifiedAt), upTo(ecoOrganisations.verifiedAt, window)))
      .groupBy(ecoOrganisations.kind)
      .orderBy(desc(n), asc(ecoOrganisations.kind)),
    ctx.db
      .select({ n })
      .from(datasets)
      .where(and(eq(datasets.state, 'published'), upTo(datasets.publishedAt, window))),
    ctx.db
      .select({ n })
      .from(datasetResources)
      .innerJoin(datasets, eq(datasets.id, datasetResources.datasetId))
      .where(and(eq(datasets.state, 'published'), upTo(datasets.publishedAt, window))),
  ]);
  const fieldNames = new Map(campaignFields.flatMap((c) => c.fields.map((f) => [f.code, { vi: f.nameVi, en: f.nameEn }] as const)));
  return {
    asOf: window.asOf,
    tasksByGroup: byGroup.map((g) => ({
      label: { vi: `${g.planCode} · ${g.titleVi}`, en: `${g.planCode} · ${g.titleEn}` },
      ...tally(g),
    })),
    tasksByUnit: byUnit.map((u) => ({ label: { vi: u.nameVi, en: u.nameEn }, ...tally(u) })),
    indicators: await indicatorFigures(ctx, window),
    movement: {
      byField: fieldRows.map((r) => ({ name: fieldNames.get(r.code) ?? { vi: r.code, en: r.code }, count: r.n })),
      byState: stateRows.map((r) => ({ name: stateName(r.state), count: r.n })),
      ...(({ newInitiatives, recognised, replications: replicationCount, registrations }) => ({
        newInitiatives,
        recognised,
        replications: replicationCount,
        registrations,
      }))(await movementCounts(ctx, window, null)),
      awards: awardRows.map((r) => ({ name: { vi: r.nameVi, en: r.nameEn }, count: r.n })),
    },
    ecosystem: kindRows.map((r) => ({ name: organisationKindNames[r.kind as OrganisationKind], count: r.n })),
    opendata: { datasets: datasetCount?.n ?? 0, resources: resourceCount?.n ?? 0 },
  };
}

export const taskStatusName = (status: TaskStatus) => taskStatusLabels[status];
