import { planPaths } from '../../../shared/web-paths.js';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { ServiceContext } from '../../lib/context.js';
import { recordAudit } from '../../lib/audit.js';
import { indexDocument } from '../../lib/search.js';
import { readDemoSeed } from '../../lib/seed-files.js';
import { units } from '../identity/schema.js';
import { taskCreateBodySchema } from '../../../shared/contracts/plans.js';
import { isoDateSchema } from '../../../shared/contracts/dates.js';
import { plans, progressReports, taskExtensions, taskGroups, tasks } from './schema.js';
import { addDays, cityDate } from './status.js';
import { insertTask } from './tasks-service.js';

/** A demo task; dates are days relative to the day the demo is loaded, so the spread of statuses holds whenever it is. */
const demoTask = z.object({
  group: z.number().int(),
  code: z.string(),
  titleVi: z.string(),
  titleEn: z.string(),
  leadUnitCode: z.string(),
  cooperatingUnitCodes: z.array(z.string()).default([]),
  startInDays: z.number().int().nullable(),
  dueInDays: z.number().int().nullable(),
  extendedDueInDays: z.number().int().optional(),
  productVi: z.string().default(''),
  productEn: z.string().default(''),
  priority: z.enum(['high', 'normal', 'low']).default('normal'),
  lifecycle: z.enum(['active', 'suspended', 'withdrawn']).default('active'),
  reports: z.array(z.object({ daysAgo: z.number().int(), percent: z.number().int().min(0).max(100), narrativeVi: z.string() })).default([]),
});

const plansSeed = z.object({
  version: z.literal(1),
  plans: z.array(
    z.object({
      code: z.string(),
      titleVi: z.string(),
      titleEn: z.string(),
      issuingBodyVi: z.string(),
      issuingBodyEn: z.string(),
      issuedOn: isoDateSchema.nullable(),
      periodStart: z.number().int(),
      periodEnd: z.number().int(),
      sourceDocument: z.string().nullable().optional(),
      summaryVi: z.string().default(''),
      summaryEn: z.string().default(''),
      leadUnitCode: z.string().nullable().optional(),
      isPublic: z.boolean(),
      tasksNote: z.string().optional(),
      tasks: z.array(demoTask).default([]),
      taskGroups: z.array(
        z.object({
          order: z.number().int(),
          titleVi: z.string(),
          titleEn: z.string(),
          descriptionVi: z.string().default(''),
          descriptionEn: z.string().default(''),
        }),
      ),
    }),
  ),
});

/** Plans and their task groups (seeds/demo/plans.json). */
export async function seedPlans(ctx: ServiceContext): Promise<void> {
  const seed = readDemoSeed('plans.json', plansSeed);
  for (const { tasks: demoTasks, tasksNote: _note, ...plan } of seed.plans) {
    const [lead] = plan.leadUnitCode ? await ctx.db.select({ id: units.id }).from(units).where(eq(units.code, plan.leadUnitCode)) : [];
    const [row] = await ctx.db
      .insert(plans)
      .values({ ...plan, sourceDocument: plan.sourceDocument ?? null, leadUnitId: lead?.id ?? null })
      .returning();
    const groups =
      plan.taskGroups.length > 0
        ? await ctx.db
            .insert(taskGroups)
            .values(plan.taskGroups.map(({ order, ...group }) => ({ ...group, position: order, planId: row!.id })))
            .returning()
        : [];
    await seedTasks(ctx, row!, groups, demoTasks);
    await indexDocument(ctx.db, {
      entityType: 'plan',
      entityId: row!.id,
      title: `${plan.code} — ${plan.titleVi}`,
      body: [plan.summaryVi, ...plan.taskGroups.map((g) => g.titleVi), plan.titleEn].join(' · '),
      url: planPaths.plan(plan.code),
      isPublic: plan.isPublic,
    });
    await recordAudit(ctx, {
      action: 'plans.seed',
      entityType: 'plan',
      entityId: row!.id,
      after: { code: plan.code, taskGroups: plan.taskGroups.length },
    });
  }
}

async function seedTasks(
  ctx: ServiceContext,
  plan: typeof plans.$inferSelect,
  groups: Array<typeof taskGroups.$inferSelect>,
  demoTasks: Array<z.infer<typeof demoTask>>,
) {
  const now = ctx.clock.now();
  const today = cityDate(now);
  const day = (offset: number | null | undefined) => (offset === null || offset === undefined ? null : addDays(today, offset));
  const unitRows = await ctx.db.select({ id: units.id, code: units.code }).from(units);
  const unitId = (code: string) => {
    const found = unitRows.find((u) => u.code === code);
    if (!found) throw new Error(`plans.json: unknown unit code ${code}`);
    return found.id;
  };
  for (const [index, demo] of demoTasks.entries()) {
    const task = await insertTask(
      ctx,
      plan,
      taskCreateBodySchema.parse({
        code: demo.code,
        titleVi: demo.titleVi,
        titleEn: demo.titleEn,
        groupId: groups.find((g) => g.position === demo.group)?.id ?? null,
        leadUnitId: unitId(demo.leadUnitCode),
        cooperatingUnitIds: demo.cooperatingUnitCodes.map(unitId),
        startOn: day(demo.startInDays),
        dueOn: day(demo.dueInDays),
        productVi: demo.productVi,
        productEn: demo.productEn,
        priority: demo.priority,
      }),
      index + 1,
    );
    let last: { at: Date; percent: number } | null = null;
    for (const report of [...demo.reports].sort((a, b) => b.daysAgo - a.daysAgo)) {
      const at = new Date(now.getTime() - report.daysAgo * 86_400_000);
      await ctx.db
        .insert(progressReports)
        .values({
          taskId: task.id,
          unitId: task.leadUnitId,
          period: at.toISOString().slice(0, 7),
          percent: report.percent,
          narrative: report.narrativeVi,
          createdAt: at.toISOString(),
        });
      last = { at, percent: report.percent };
    }
    await ctx.db
      .update(tasks)
      .set({
        progressPercent: last?.percent ?? 0,
        lastReportedAt: last?.at.toISOString() ?? null,
        completedOn: last?.percent === 100 ? cityDate(last.at) : null,
        lifecycle: demo.lifecycle,
        ...(demo.extendedDueInDays !== undefined ? { dueOn: day(demo.extendedDueInDays) } : {}),
      })
      .where(eq(tasks.id, task.id));
    if (demo.extendedDueInDays !== undefined) {
      await ctx.db.insert(taskExtensions).values({
        taskId: task.id,
        kind: 'postpone',
        unitId: task.leadUnitId,
        currentDueOn: task.dueOn,
        requestedDueOn: day(demo.extendedDueInDays),
        reason: 'Cần thêm thời gian lấy ý kiến các sở, ngành và chuyên gia.',
        status: 'approved',
        decidedAt: now.toISOString(),
        decisionDocument: 'Công văn minh hoạ / illustrative letter',
      });
    }
  }
}
