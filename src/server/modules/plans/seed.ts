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
import { cityDate } from './status.js';

/** 10:00 in Ho Chi Minh City on that day: when a demo report or decision is dated. */
const officeHoursOn = (date: string) => new Date(`${date}T03:00:00.000Z`);
import { insertTask } from './tasks-service.js';

/** A demo task; its dates are fixed in the plan's calendar, so the demo reads the same whatever day it is loaded. */
const demoTask = z.object({
  group: z.number().int(),
  code: z.string(),
  titleVi: z.string(),
  titleEn: z.string(),
  leadUnitCode: z.string(),
  cooperatingUnitCodes: z.array(z.string()).default([]),
  startOn: isoDateSchema.nullable(),
  dueOn: isoDateSchema.nullable(),
  extendedDueOn: isoDateSchema.optional(),
  extensionDecidedOn: isoDateSchema.optional(),
  productVi: z.string().default(''),
  productEn: z.string().default(''),
  priority: z.enum(['high', 'normal', 'low']).default('normal'),
  lifecycle: z.enum(['active', 'suspended', 'withdrawn']).default('active'),
  reports: z.array(z.object({ reportedOn: isoDateSchema, percent: z.number().int().min(0).max(100), narrativeVi: z.string() })).default([]),
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
      titleEn: `${plan.code} — ${plan.titleEn}`,
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
        startOn: demo.startOn,
        dueOn: demo.dueOn,
        productVi: demo.productVi,
        productEn: demo.productEn,
        priority: demo.priority,
      }),
      index + 1,
    );
    let last: { at: Date; percent: number } | null = null;
    for (const report of [...demo.reports].sort((a, b) => a.reportedOn.localeCompare(b.reportedOn))) {
      const at = officeHoursOn(report.reportedOn);
      await ctx.db.insert(progressReports).values({
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
        ...(demo.extendedDueOn !== undefined ? { dueOn: demo.extendedDueOn } : {}),
      })
      .where(eq(tasks.id, task.id));
    if (demo.extendedDueOn !== undefined) {
      await ctx.db.insert(taskExtensions).values({
        taskId: task.id,
        kind: 'postpone',
        unitId: task.leadUnitId,
        currentDueOn: task.dueOn,
        requestedDueOn: demo.extendedDueOn,
        reason: 'Cần thêm thời gian lấy ý kiến các sở, ngành và chuyên gia.',
        status: 'approved',
        createdAt: officeHoursOn(demo.extensionDecidedOn ?? demo.extendedDueOn).toISOString(),
        decidedAt: officeHoursOn(demo.extensionDecidedOn ?? demo.extendedDueOn).toISOString(),
        decisionDocument: 'Công văn minh hoạ / illustrative letter',
      });
    }
  }
}
