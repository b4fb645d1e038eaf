import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import { defaultSections, periodKinds, unitReportStates } from '../../../shared/contracts/reports.js';
import { recordAudit } from '../../lib/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { readDemoSeed } from '../../lib/seed-files.js';
import { units } from '../identity/schema.js';
import { gatherNarratives } from './compiled.js';
import { cityFigures, unitFigures, windowOf } from './figures.js';
import { calendarDates, calendarPeriod } from './periods.js';
import { compiledReports, reportPeriods, reportRegimes, reportRegimeUnits, unitReports } from './schema.js';
import { reportsSettings } from './settings.js';

const reportsSeed = z.object({
  version: z.literal(1),
  regimes: z.array(
    z.object({
      code: z.string(),
      nameVi: z.string(),
      nameEn: z.string(),
      periodKind: z.enum(periodKinds).exclude(['phase']),
      issuerCode: z.string(),
      unitCodes: z.array(z.string()).min(1),
      dueDayOfMonth: z.int().min(1).max(28),
      periods: z.array(
        z.object({
          label: z.string(),
          reports: z.array(
            z.object({
              unitCode: z.string(),
              state: z.enum(unitReportStates),
              documentNumber: z.string().optional(),
              submittedAt: z.iso.datetime().optional(),
              decidedAt: z.iso.datetime().optional(),
              returnReason: z.string().optional(),
              sections: z.record(z.string(), z.string()),
            }),
          ),
          compiled: z.object({ summary: z.string() }).optional(),
        }),
      ),
    }),
  ),
});

/** The demo's quarterly regime, one quarter with its units' reports in different states, and a compiled draft. */
export async function seedReports(ctx: ServiceContext): Promise<void> {
  const seed = readDemoSeed('reports.json', reportsSeed);
  const codes = [...new Set(seed.regimes.flatMap((r) => [r.issuerCode, ...r.unitCodes]))];
  const unitRows = await ctx.db.select().from(units).where(inArray(units.code, codes));
  const unitOf = (code: string) => {
    const unit = unitRows.find((u) => u.code === code);
    if (!unit) throw new Error(`seed reports.json: unit ${code} is not in units.json`);
    return unit;
  };
  const now = ctx.clock.now().toISOString();
  for (const spec of seed.regimes) {
    const [regime] = await ctx.db
      .insert(reportRegimes)
      .values({
        code: spec.code,
        nameVi: spec.nameVi,
        nameEn: spec.nameEn,
        periodKind: spec.periodKind,
        issuerUnitId: unitOf(spec.issuerCode).id,
        sections: defaultSections,
        dueDayOfMonth: spec.dueDayOfMonth,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await ctx.db.insert(reportRegimeUnits).values(spec.unitCodes.map((code) => ({ regimeId: regime!.id, unitId: unitOf(code).id })));
    for (const periodSpec of spec.periods) {
      const calendar = calendarPeriod(spec.periodKind, periodSpec.label);
      if (!calendar) throw new Error(`seed reports.json: period ${periodSpec.label} is not a ${spec.periodKind}`);
      const [period] = await ctx.db
        .insert(reportPeriods)
        .values({
          regimeId: regime!.id,
          label: calendar.label,
          nameVi: calendar.name.vi,
          nameEn: calendar.name.en,
          ...calendarDates(calendar, spec.dueDayOfMonth),
          createdAt: now,
        })
        .returning();
      // Figures stand at the end of the cut-off, the quarter being over.
      const window = windowOf(period!, period!.cutoffTo);
      for (const report of periodSpec.reports) {
        const unit = unitOf(report.unitCode);
        await ctx.db.insert(unitReports).values({
          periodId: period!.id,
          unitId: unit.id,
          state: report.state,
          sections: report.sections,
          figures: report.submittedAt ? await unitFigures(ctx, unit.id, window) : null,
          documentNumber: report.documentNumber ?? null,
          firstSubmittedAt: report.submittedAt ?? null,
          submittedAt: report.submittedAt ?? null,
          decidedAt: report.decidedAt ?? null,
          returnReason: report.returnReason ?? null,
          createdAt: now,
          updatedAt: now,
        });
      }
      if (periodSpec.compiled) {
        const issuer = unitOf(spec.issuerCode).nameVi;
        const [compiled] = await ctx.db
          .insert(compiledReports)
          .values({
            periodId: period!.id,
            revision: 1,
            issuer,
            summary: periodSpec.compiled.summary,
            sections: await gatherNarratives(ctx, period!.id, regime!),
            figures: await cityFigures(ctx, window),
            signature: { capacity: 'KT.', onBehalfOf: 'Giám đốc', position: 'Phó Giám đốc', name: '' },
            recipients: reportsSettings.cityRecipients,
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: compiledReports.id });
        await recordAudit(ctx, {
          action: 'reports.compiled.create',
          entityType: 'compiled_report',
          entityId: compiled!.id,
          after: { periodId: period!.id, revision: 1 },
        });
      }
    }
    await recordAudit(ctx, {
      action: 'reports.regime.create',
      entityType: 'report_regime',
      entityId: regime!.id,
      after: { code: spec.code },
    });
  }
}
