import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { initiativeKinds, initiativeStates, recognitionScopes, type InitiativeState } from '../../../shared/contracts/movement.js';
import { isoDateSchema } from '../../../shared/contracts/dates.js';
import type { ServiceContext } from '../../lib/context.js';
import { recordAudit } from '../../lib/audit.js';
import { indexDocument } from '../../lib/search.js';
import { readDemoSeed } from '../../lib/seed-files.js';
import { units } from '../identity/schema.js';
import { addMonths, cityDate, decisionDeadlineSettings } from './decision-deadline.js';
import { searchColumns, syncSearchIndex } from './initiatives.js';
import { councilSeedSchema, seedCouncils } from './seed-council.js';
import {
  awards,
  awardTypes,
  campaignCalls,
  campaignCriteria,
  campaignPhases,
  campaigns,
  initiativeAuthors,
  initiatives,
  initiativeTransitions,
  replications,
} from './schema.js';

const movementSeed = z.object({
  version: z.literal(1),
  campaigns: z.array(
    z.object({
      code: z.string(),
      titleVi: z.string(),
      titleEn: z.string(),
      kind: z.enum(['thematic', 'ongoing']),
      launchingBodyVi: z.string(),
      launchingBodyEn: z.string(),
      decision: z.string().nullable().optional(),
      periodStart: isoDateSchema,
      periodEnd: isoDateSchema,
      descriptionVi: z.string().default(''),
      descriptionEn: z.string().default(''),
      eligibleParticipants: z.array(z.string()).default([]),
      phases: z.array(
        z.object({
          order: z.number().int(),
          nameVi: z.string(),
          nameEn: z.string(),
          startsOn: isoDateSchema,
          endsOn: isoDateSchema,
          review: z.enum(['interim', 'final']).nullable(),
          reviewOn: isoDateSchema.nullable(),
        }),
      ),
      fields: z.array(z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() })).default([]),
      criteria: z
        .array(
          z.object({
            code: z.string(),
            nameVi: z.string(),
            nameEn: z.string(),
            weight: z.number().int(),
            scaleMin: z.number().int(),
            scaleMax: z.number().int(),
          }),
        )
        .default([]),
      calls: z
        .array(
          z.object({
            phaseOrder: z.number().int().nullable(),
            titleVi: z.string(),
            titleEn: z.string(),
            opensOn: isoDateSchema,
            closesOn: isoDateSchema,
          }),
        )
        .default([]),
    }),
  ),
  awardTypes: z
    .array(z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string(), issuerVi: z.string(), issuerEn: z.string() }))
    .default([]),
  initiatives: z
    .array(
      z.object({
        title: z.string(),
        fieldCode: z.string(),
        unitCode: z.string(),
        state: z.enum(initiativeStates),
        kind: z.enum(initiativeKinds),
        firstAppliedOn: isoDateSchema,
        /** The day the dossier was sent; every later step is dated from it, so the demo reads the same on any day. */
        submittedOn: isoDateSchema,
        essence: z.string(),
        conditions: z.string(),
        benefits: z.string(),
        confidentialInfo: z.string(),
        authors: z.array(z.tuple([z.string(), z.string(), z.string(), z.number().int()])),
        scope: z.enum(recognitionScopes).nullable(),
        award: z.string().nullable(),
        replications: z.array(z.tuple([z.string(), isoDateSchema, z.string()])),
      }),
    )
    .default([]),
  councils: z.array(councilSeedSchema).default([]),
});

/** The path each demo initiative took through the workflow to reach its state. */
/** Days after sending on which each step of `pathTo` happens: screened the next day, accepted the day after, decided on day 25, awarded on day 27. */
const stepDays = [0, 1, 2, 25, 27, 40];

const pathTo: Record<InitiativeState, Array<[string, InitiativeState]>> = {
  draft: [],
  submitted: [['submit', 'submitted']],
  screening: [
    ['submit', 'submitted'],
    ['start_screening', 'screening'],
  ],
  returned: [
    ['submit', 'submitted'],
    ['start_screening', 'screening'],
    ['return', 'returned'],
  ],
  under_review: [
    ['submit', 'submitted'],
    ['start_screening', 'screening'],
    ['accept_for_review', 'under_review'],
  ],
  recognised: [
    ['submit', 'submitted'],
    ['start_screening', 'screening'],
    ['accept_for_review', 'under_review'],
    ['recognise', 'recognised'],
  ],
  not_recognised: [
    ['submit', 'submitted'],
    ['start_screening', 'screening'],
    ['accept_for_review', 'under_review'],
    ['refuse', 'not_recognised'],
  ],
  awarded: [
    ['submit', 'submitted'],
    ['start_screening', 'screening'],
    ['accept_for_review', 'under_review'],
    ['recognise', 'recognised'],
    ['award', 'awarded'],
  ],
  replicated: [
    ['submit', 'submitted'],
    ['start_screening', 'screening'],
    ['accept_for_review', 'under_review'],
    ['recognise', 'recognised'],
    ['award', 'awarded'],
    ['replicate', 'replicated'],
  ],
  withdrawn: [['withdraw', 'withdrawn']],
};

/** Emulation movements, their phases, criteria and calls, award types and demo initiatives (seeds/demo/movement.json). */
export async function seedMovement(ctx: ServiceContext): Promise<void> {
  const seed = readDemoSeed('movement.json', movementSeed);
  let campaignId = '';
  let firstPhaseId: string | null = null;
  let firstCallId: string | null = null;
  for (const { phases, criteria, calls, ...campaign } of seed.campaigns) {
    const [row] = await ctx.db
      .insert(campaigns)
      .values({ ...campaign, decision: campaign.decision ?? null })
      .returning();
    const phaseRows = await ctx.db
      .insert(campaignPhases)
      .values(phases.map(({ order, ...phase }) => ({ ...phase, position: order, campaignId: row!.id })))
      .returning();
    if (criteria.length)
      await ctx.db.insert(campaignCriteria).values(criteria.map((c, i) => ({ ...c, position: i + 1, campaignId: row!.id })));
    const callRows = calls.length
      ? await ctx.db
          .insert(campaignCalls)
          .values(
            calls.map(({ phaseOrder, ...call }) => ({
              ...call,
              campaignId: row!.id,
              phaseId: phaseRows.find((p) => p.position === phaseOrder)?.id ?? null,
            })),
          )
          .returning()
      : [];
    campaignId ||= row!.id;
    firstPhaseId ??= phaseRows.find((p) => p.position === 1)?.id ?? null;
    firstCallId ??= callRows[0]?.id ?? null;
    await indexDocument(ctx.db, {
      entityType: 'campaign',
      entityId: row!.id,
      title: campaign.titleVi,
      titleEn: campaign.titleEn,
      body: [campaign.descriptionVi, campaign.titleEn, ...phases.map((p) => p.nameVi)].join(' · '),
      url: `/phong-trao/${encodeURIComponent(campaign.code)}`,
      isPublic: true,
    });
    await recordAudit(ctx, {
      action: 'campaigns.seed',
      entityType: 'campaign',
      entityId: row!.id,
      after: { code: campaign.code, phases: phases.length },
    });
  }
  // The certificate of recognition's type comes with the migrations; the demo adds the others.
  if (seed.awardTypes.length) await ctx.db.insert(awardTypes).values(seed.awardTypes).onConflictDoNothing({ target: awardTypes.code });
  const typeRows = await ctx.db.select().from(awardTypes);
  let n = 0;
  const initiativeIdByTitle = new Map<string, string>();
  for (const item of seed.initiatives) {
    n++;
    const unitId = await unitIdOf(ctx, item.unitCode);
    const decided = ['recognised', 'awarded', 'replicated', 'not_recognised'].includes(item.state);
    // 10:00 in the city on the day `days` after the dossier was sent.
    const at = (days: number) => new Date(Date.parse(`${item.submittedOn}T03:00:00.000Z`) + days * 86_400_000).toISOString();
    const [row] = await ctx.db
      .insert(initiatives)
      .values({
        code: `SK-2026-DEMO${String(n).padStart(3, '0')}`,
        campaignId,
        phaseId: firstPhaseId,
        callId: firstCallId,
        unitId,
        title: item.title,
        kind: item.kind,
        fieldCode: item.fieldCode,
        ownerName: '',
        firstAppliedOn: item.firstAppliedOn,
        essence: item.essence,
        confidentialInfo: item.confidentialInfo,
        conditions: item.conditions,
        benefits: item.benefits,
        state: item.state,
        scope: item.scope,
        submittedAt: item.state === 'draft' ? null : at(0),
        decidedAt: decided ? at(25) : null,
        // Accepted (sent to the council) two days after it was sent, as its history below says.
        decisionDueOn: item.state === 'under_review' ? addMonths(cityDate(new Date(at(2))), decisionDeadlineSettings.decisionMonths) : null,
        ...searchColumns(item.title, item.essence),
        replicationCount: item.replications.length,
        createdAt: at(0),
        updatedAt: at(0),
      })
      .returning();
    initiativeIdByTitle.set(item.title, row!.id);
    await ctx.db.insert(initiativeAuthors).values(
      item.authors.map(([fullName, workplace, jobTitle, contributionPercent], position) => ({
        initiativeId: row!.id,
        position,
        fullName,
        workplace,
        jobTitle,
        contributionPercent,
      })),
    );
    let from: InitiativeState = 'draft';
    for (const [i, [action, to]] of pathTo[item.state].entries()) {
      await ctx.db.insert(initiativeTransitions).values({
        initiativeId: row!.id,
        action,
        fromState: from,
        toState: to,
        actorId: null,
        actorRole: 'system',
        reason: 'Dữ liệu mẫu / demo data',
        occurredAt: at(stepDays[i] ?? 40 + i),
      });
      from = to;
    }
    const type = typeRows.find((t) => t.code === item.award);
    if (type)
      await ctx.db.insert(awards).values({
        initiativeId: row!.id,
        awardTypeId: type.id,
        phaseId: firstPhaseId,
        decisionRef: `Quyết định số ${100 + n}/QĐ-UBND (minh họa)`,
        awardedOn: at(27).slice(0, 10),
        recipients: item.authors.map((a) => a[0]).join(', '),
      });
    for (const [unitCode, adoptedOn, results] of item.replications) {
      await ctx.db.insert(replications).values({ initiativeId: row!.id, unitId: (await unitIdOf(ctx, unitCode))!, adoptedOn, results });
    }
    await syncSearchIndex(ctx, row!);
  }
  await seedCouncils(ctx, campaignId, seed.councils, initiativeIdByTitle);
  if (seed.initiatives.length)
    await recordAudit(ctx, {
      action: 'initiatives.seed',
      entityType: 'initiative',
      entityId: null,
      after: { count: seed.initiatives.length },
    });
}

async function unitIdOf(ctx: ServiceContext, code: string): Promise<string | null> {
  const [unit] = await ctx.db.select({ id: units.id }).from(units).where(eq(units.code, code));
  if (!unit) throw new Error(`movement.json: unit '${code}' is not in units.json`);
  return unit.id;
}
