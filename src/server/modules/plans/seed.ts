import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { ServiceContext } from '../../lib/context.js';
import { recordAudit } from '../../lib/audit.js';
import { indexDocument } from '../../lib/search.js';
import { readDemoSeed } from '../../lib/seed-files.js';
import { units } from '../identity/schema.js';
import { plans, taskGroups } from './schema.js';

const plansSeed = z.object({
  version: z.literal(1),
  plans: z.array(
    z.object({
      code: z.string(),
      titleVi: z.string(),
      titleEn: z.string(),
      issuingBodyVi: z.string(),
      issuingBodyEn: z.string(),
      issuedOn: z.iso.date().nullable(),
      periodStart: z.number().int(),
      periodEnd: z.number().int(),
      sourceDocument: z.string().nullable().optional(),
      summaryVi: z.string().default(''),
      summaryEn: z.string().default(''),
      leadUnitCode: z.string().nullable().optional(),
      isPublic: z.boolean(),
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
  for (const plan of seed.plans) {
    const [lead] = plan.leadUnitCode ? await ctx.db.select({ id: units.id }).from(units).where(eq(units.code, plan.leadUnitCode)) : [];
    const [row] = await ctx.db
      .insert(plans)
      .values({ ...plan, sourceDocument: plan.sourceDocument ?? null, leadUnitId: lead?.id ?? null })
      .returning();
    if (plan.taskGroups.length > 0) {
      await ctx.db.insert(taskGroups).values(plan.taskGroups.map(({ order, ...group }) => ({ ...group, position: order, planId: row!.id })));
    }
    await indexDocument(ctx.db, {
      entityType: 'plan',
      entityId: row!.id,
      title: `${plan.code} — ${plan.titleVi}`,
      body: [plan.summaryVi, ...plan.taskGroups.map((g) => g.titleVi), plan.titleEn].join(' · '),
      url: `/ke-hoach/${encodeURIComponent(plan.code)}`,
      isPublic: plan.isPublic,
    });
    await recordAudit(ctx, { action: 'plans.seed', entityType: 'plan', entityId: row!.id, after: { code: plan.code, taskGroups: plan.taskGroups.length } });
  }
}
