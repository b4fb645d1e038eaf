import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { councilRoles } from '../../../shared/contracts/movement.js';
import { isoDateSchema } from '../../../shared/contracts/dates.js';
import { recordAudit } from '../../lib/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { units, users } from '../identity/schema.js';
import { campaignCriteria, campaignPhases, councilMembers, reviewAssignments, reviewCouncils, reviewScores } from './schema.js';

/** A demo council: its members by e-mail, and the initiatives it reviews with each reviewer's sheet, sent or still waiting. */
export const councilSeedSchema = z.object({
  nameVi: z.string(),
  nameEn: z.string(),
  phaseOrder: z.number().int(),
  approvalThresholdPercent: z.number().int(),
  setUpOn: isoDateSchema,
  /** [e-mail, role, code of the member's own unit]. */
  members: z.array(z.tuple([z.email(), z.enum(councilRoles), z.string()])),
  reviews: z.array(
    z.object({
      /** The title of a demo initiative under review. */
      initiative: z.string(),
      assignedOn: isoDateSchema,
      sheets: z.array(
        z.object({
          reviewer: z.email(),
          /** Null while the reviewer has not sent their sheet. */
          submittedOn: isoDateSchema.nullable(),
          scores: z.record(z.string(), z.number().int()).optional(),
          comment: z.string().default(''),
        }),
      ),
    }),
  ),
});

/** 10:00 in the city on that day: every row of the demo is dated in its own calendar, not by the clock. */
const cityMorning = (day: string) => `${day}T03:00:00.000Z`;

/** Seeds demo councils of a campaign, so the reviewers' workspace, score pages and the council's ranking are not empty. */
export async function seedCouncils(
  ctx: ServiceContext,
  campaignId: string,
  councils: Array<z.output<typeof councilSeedSchema>>,
  initiativeIdByTitle: ReadonlyMap<string, string>,
): Promise<void> {
  const phases = await ctx.db.select().from(campaignPhases).where(eq(campaignPhases.campaignId, campaignId));
  const criteria = await ctx.db.select().from(campaignCriteria).where(eq(campaignCriteria.campaignId, campaignId));
  for (const council of councils) {
    const at = cityMorning(council.setUpOn);
    const [row] = await ctx.db
      .insert(reviewCouncils)
      .values({
        campaignId,
        phaseId: phases.find((p) => p.position === council.phaseOrder)?.id ?? null,
        nameVi: council.nameVi,
        nameEn: council.nameEn,
        approvalThresholdPercent: council.approvalThresholdPercent,
        createdAt: at,
        updatedAt: at,
      })
      .returning();
    const userIds = new Map<string, string>();
    for (const [email, role, unitCode] of council.members) {
      const userId = await userIdOf(ctx, email);
      userIds.set(email, userId);
      await ctx.db
        .insert(councilMembers)
        .values({ councilId: row!.id, userId, unitId: await unitIdOf(ctx, unitCode), role, createdAt: at, updatedAt: at });
    }
    for (const review of council.reviews) {
      const initiativeId = initiativeIdByTitle.get(review.initiative);
      if (!initiativeId) throw new Error(`movement.json: council reviews '${review.initiative}', which is not a demo initiative`);
      for (const sheet of review.sheets) {
        const reviewerId = userIds.get(sheet.reviewer);
        if (!reviewerId) throw new Error(`movement.json: reviewer '${sheet.reviewer}' is not a member of '${council.nameVi}'`);
        // Sent in the afternoon, so a sheet sent on the day it was assigned still follows the assignment.
        const submittedAt = sheet.submittedOn ? new Date(Date.parse(cityMorning(sheet.submittedOn)) + 5 * 3_600_000).toISOString() : null;
        const [assignment] = await ctx.db
          .insert(reviewAssignments)
          .values({
            councilId: row!.id,
            initiativeId,
            reviewerId,
            submittedAt,
            createdAt: cityMorning(review.assignedOn),
            updatedAt: submittedAt ?? cityMorning(review.assignedOn),
          })
          .returning();
        if (!submittedAt) continue;
        await ctx.db.insert(reviewScores).values(
          criteria.map((criterion) => {
            const score = sheet.scores?.[criterion.code];
            if (score === undefined)
              throw new Error(`movement.json: ${sheet.reviewer} has no score for '${criterion.code}' on '${review.initiative}'`);
            return {
              assignmentId: assignment!.id,
              criterionId: criterion.id,
              score,
              comment: sheet.comment,
              createdAt: submittedAt,
              updatedAt: submittedAt,
            };
          }),
        );
      }
    }
    const [{ count } = { count: 0 }] = await ctx.db
      .select({ count: sql<number>`count(*)::int` })
      .from(reviewAssignments)
      .where(eq(reviewAssignments.councilId, row!.id));
    await recordAudit(ctx, {
      action: 'councils.seed',
      entityType: 'review_council',
      entityId: row!.id,
      after: { members: council.members.length, assignments: count },
    });
  }
}

async function userIdOf(ctx: ServiceContext, email: string): Promise<string> {
  const [user] = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  if (!user) throw new Error(`movement.json: account '${email}' is not in accounts.json`);
  return user.id;
}

async function unitIdOf(ctx: ServiceContext, code: string): Promise<string> {
  const [unit] = await ctx.db.select({ id: units.id }).from(units).where(eq(units.code, code));
  if (!unit) throw new Error(`movement.json: unit '${code}' is not in units.json`);
  return unit.id;
}
