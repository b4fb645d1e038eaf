import { indicatorPaths } from '../../../shared/web-paths.js';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { ServiceContext } from '../../lib/context.js';
import { recordAudit } from '../../lib/audit.js';
import { indexDocument } from '../../lib/search.js';
import { readDemoSeed } from '../../lib/seed-files.js';
import { units } from '../identity/schema.js';
import { figureQualifierSchema, parsePeriod, periodEndDate, projectionMethodSchema } from '../../../shared/contracts/indicators.js';
import { indicatorFrameworks, indicatorObservations, indicators, indicatorTargets } from './schema.js';

export const indicatorsSeed = z.object({
  version: z.literal(1),
  frameworks: z.array(
    z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string(), sourceDocument: z.string().nullable().optional() }),
  ),
  indicators: z.array(
    z.object({
      code: z.string(),
      frameworkCode: z.string(),
      nameVi: z.string(),
      nameEn: z.string(),
      unitVi: z.string(),
      unitEn: z.string(),
      direction: z.enum(['higher', 'lower']),
      measureKey: z.string().regex(/^[a-z0-9][a-z0-9_]{0,79}$/),
      projectionMethod: projectionMethodSchema,
      isHeadline: z.boolean().default(false),
      isPublic: z.boolean().default(true),
      baseline: z
        .object({
          value: z.number(),
          year: z.number().int(),
          qualifier: figureQualifierSchema.nullable().default(null),
          isIllustrative: z.boolean(),
        })
        .nullable(),
      targets: z.array(
        z.object({
          year: z.number().int(),
          min: z.number().nullable(),
          max: z.number().nullable(),
          qualifier: figureQualifierSchema.nullable().default(null),
          isIllustrative: z.boolean(),
        }),
      ),
      responsibleUnitCode: z.string().nullable().optional(),
      frequency: z.enum(['month', 'quarter', 'half_year', 'year']),
      sourceNote: z.string().nullable().optional(),
      methodVi: z.string().optional(),
      methodEn: z.string().optional(),
      dataSourceVi: z.string().optional(),
      dataSourceEn: z.string().optional(),
      planTaskCodes: z.array(z.string()).default([]),
      reportingFromYear: z.number().int().nullable().default(null),
      /** Approved values; those not in the sources are marked illustrative. */
      observations: z
        .array(
          z.object({ period: z.string(), value: z.number(), isIllustrative: z.boolean(), sourceNote: z.string().nullable().optional() }),
        )
        .default([]),
    }),
  ),
});

/** Indicator frameworks, indicators and their targets (seeds/demo/indicators.json). */
export async function seedIndicators(ctx: ServiceContext): Promise<void> {
  const seed = readDemoSeed('indicators.json', indicatorsSeed);
  const frameworkIds = new Map<string, string>();
  for (const framework of seed.frameworks) {
    const [row] = await ctx.db
      .insert(indicatorFrameworks)
      .values({ ...framework, sourceDocument: framework.sourceDocument ?? null })
      .returning();
    frameworkIds.set(framework.code, row!.id);
  }
  for (const item of seed.indicators) {
    const frameworkId = frameworkIds.get(item.frameworkCode);
    if (!frameworkId) throw new Error(`indicators.json: indicator ${item.code} names unknown framework ${item.frameworkCode}`);
    const [unit] = item.responsibleUnitCode
      ? await ctx.db.select({ id: units.id }).from(units).where(eq(units.code, item.responsibleUnitCode))
      : [];
    const [row] = await ctx.db
      .insert(indicators)
      .values({
        code: item.code,
        frameworkId,
        nameVi: item.nameVi,
        nameEn: item.nameEn,
        unitVi: item.unitVi,
        unitEn: item.unitEn,
        direction: item.direction,
        measureKey: item.measureKey,
        projectionMethod: item.projectionMethod,
        baselineValue: item.baseline?.value ?? null,
        baselineYear: item.baseline?.year ?? null,
        baselineQualifier: item.baseline?.qualifier ?? null,
        isBaselineIllustrative: item.baseline?.isIllustrative ?? false,
        responsibleUnitId: unit?.id ?? null,
        frequency: item.frequency,
        sourceNote: item.sourceNote ?? null,
        isHeadline: item.isHeadline,
        isPublic: item.isPublic,
        methodVi: item.methodVi ?? null,
        methodEn: item.methodEn ?? null,
        dataSourceVi: item.dataSourceVi ?? null,
        dataSourceEn: item.dataSourceEn ?? null,
        planTaskCodes: item.planTaskCodes,
        reportingFromYear: item.reportingFromYear,
      })
      .returning();
    if (item.observations.length > 0) {
      await ctx.db.insert(indicatorObservations).values(
        item.observations.map((o) => {
          const period = parsePeriod(o.period, item.frequency);
          if (!period) throw new Error(`indicators.json: ${item.code} has period ${o.period}, not a ${item.frequency}`);
          // Dated at the period's end (10:00 in the city), not the load day: the demo reads the same on any day.
          const enteredAt = `${periodEndDate(period)}T03:00:00.000Z`;
          return {
            indicatorId: row!.id,
            period: o.period,
            periodEnd: periodEndDate(period),
            value: o.value,
            isIllustrative: o.isIllustrative,
            sourceNote: o.sourceNote ?? null,
            status: 'approved' as const,
            enteredAt,
            reviewedAt: enteredAt,
          };
        }),
      );
    }
    if (item.targets.length > 0) {
      await ctx.db.insert(indicatorTargets).values(
        item.targets.map((t) => ({
          indicatorId: row!.id,
          year: t.year,
          minValue: t.min,
          maxValue: t.max,
          qualifier: t.qualifier,
          isIllustrative: t.isIllustrative,
        })),
      );
    }
    await indexDocument(ctx.db, {
      entityType: 'indicator',
      entityId: row!.id,
      title: item.nameVi,
      titleEn: item.nameEn,
      body: `${item.nameEn} · ${item.code}`,
      url: indicatorPaths.indicator(item.code),
      isPublic: true,
    });
  }
  await recordAudit(ctx, { action: 'indicators.seed', entityType: 'indicator', entityId: null, after: { count: seed.indicators.length } });
}
