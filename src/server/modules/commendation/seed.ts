import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import {
  collectiveFactsSchema,
  commendationSubjects,
  commendationTitleCodes,
  councilMemberRoles,
  nominationLevels,
  nominationStates,
  priorTitleSchema,
  ratingEntrySchema,
  scienceWorkSchema,
  type NominationAction,
  type NominationState,
} from '../../../shared/contracts/commendation.js';
import { isoDateSchema } from '../../../shared/contracts/dates.js';
import { recordAudit } from '../../lib/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { readDemoSeed } from '../../lib/seed-files.js';
import { units, users } from '../identity/schema.js';
import { nomineeKeyOf } from './facts.js';
import { issuerOf } from './rules.js';
import {
  commendationCouncilMembers,
  commendationCouncils,
  commendationDecisions,
  commendationTitles,
  nominations,
  nominationTransitions,
  nominationVoters,
  nominationVotes,
} from './schema.js';

const seedSchema = z.object({
  version: z.literal(1),
  councils: z.array(
    z.object({
      key: z.string(),
      unitCode: z.string(),
      nameVi: z.string(),
      nameEn: z.string(),
      members: z.array(z.tuple([z.string(), z.enum(councilMemberRoles)])),
    }),
  ),
  nominations: z.array(
    z.object({
      unitCode: z.string(),
      titleCode: z.enum(commendationTitleCodes),
      level: z.enum(nominationLevels),
      year: z.number().int(),
      subject: z.enum(commendationSubjects),
      nomineeName: z.string(),
      nomineeJobTitle: z.string(),
      nomineeUnitCode: z.string(),
      achievementReport: z.string(),
      ratings: z.array(ratingEntrySchema),
      priorTitles: z.array(priorTitleSchema),
      scienceWorks: z.array(scienceWorkSchema),
      collective: collectiveFactsSchema.nullable(),
      state: z.enum(nominationStates),
      createdBy: z.string().nullable(),
      createdOn: isoDateSchema,
      submittedOn: isoDateSchema.optional(),
      returnedOn: isoDateSchema.optional(),
      returnReason: z.string().optional(),
      vote: z
        .object({
          council: z.string(),
          openedOn: isoDateSchema,
          closedOn: isoDateSchema.optional(),
          voted: z.array(z.string()),
          for: z.number().int(),
          against: z.number().int(),
          abstain: z.number().int(),
        })
        .optional(),
      decision: z.object({ number: z.string(), signedOn: isoDateSchema, signerName: z.string(), signerPosition: z.string() }).optional(),
    }),
  ),
});

type SeedNomination = z.infer<typeof seedSchema>['nominations'][number];

/** 10:00 in the city on a day of the seed's own calendar, so the demo reads the same whenever it is loaded. */
const at = (day: string) => `${day}T03:00:00.000Z`;

/** The steps each demo nomination took to reach its state, with the day each was taken. */
function pathOf(n: SeedNomination): Array<{ action: NominationAction; to: NominationState; on: string; reason?: string }> {
  const steps: Array<{ action: NominationAction; to: NominationState; on: string; reason?: string }> = [];
  if (n.state === 'draft') return steps;
  steps.push({ action: 'submit', to: 'submitted', on: n.submittedOn! });
  if (n.state === 'returned') steps.push({ action: 'return', to: 'returned', on: n.returnedOn!, reason: n.returnReason! });
  if (n.vote) steps.push({ action: 'open_vote', to: 'voting', on: n.vote.openedOn });
  if (n.vote?.closedOn)
    steps.push({ action: 'close_vote', to: n.state === 'not_approved' ? 'not_approved' : 'approved', on: n.vote.closedOn });
  if (n.decision) steps.push({ action: 'issue', to: 'issued', on: n.decision.signedOn, reason: `Quyết định số ${n.decision.number}` });
  return steps;
}

/** A demo council, a few nominations in each state and one decision (seeds/demo/commendation.json; illustrative). */
export async function seedCommendation(ctx: ServiceContext): Promise<void> {
  const seed = readDemoSeed('commendation.json', seedSchema);
  const unitRows = await ctx.db.select({ id: units.id, code: units.code, kind: units.kind }).from(units);
  const unitOf = (code: string) => {
    const unit = unitRows.find((u) => u.code === code);
    if (!unit) throw new Error(`commendation.json: unit '${code}' is not in units.json`);
    return unit;
  };
  const emails = [
    ...new Set([
      ...seed.councils.flatMap((c) => c.members.map(([email]) => email)),
      ...seed.nominations.flatMap((n) => (n.createdBy ? [n.createdBy] : [])),
    ]),
  ];
  const people = await ctx.db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails));
  const personOf = (email: string) => {
    const person = people.find((p) => p.email === email);
    if (!person) throw new Error(`commendation.json: account '${email}' is not in accounts.json`);
    return person.id;
  };
  const titles = await ctx.db.select().from(commendationTitles);
  const councilIds = new Map<string, string>();
  for (const council of seed.councils) {
    const [row] = await ctx.db
      .insert(commendationCouncils)
      .values({ unitId: unitOf(council.unitCode).id, nameVi: council.nameVi, nameEn: council.nameEn })
      .returning();
    await ctx.db
      .insert(commendationCouncilMembers)
      .values(council.members.map(([email, role]) => ({ councilId: row!.id, userId: personOf(email), role })));
    councilIds.set(council.key, row!.id);
  }
  const decisionIds = new Map<string, string>();
  for (const [index, n] of seed.nominations.entries()) {
    const title = titles.find((t) => t.code === n.titleCode)!;
    const unit = unitOf(n.unitCode);
    let decisionId: string | null = null;
    if (n.decision) {
      decisionId = decisionIds.get(n.decision.number) ?? null;
      if (!decisionId) {
        const issuer = issuerOf(n.level, unit.kind);
        const [decision] = await ctx.db
          .insert(commendationDecisions)
          .values({
            ...n.decision,
            titleId: title.id,
            year: n.year,
            issuer,
            issuerUnitId: issuer === 'city_chairman' ? unitOf('79').id : unit.id,
            createdAt: at(n.decision.signedOn),
            updatedAt: at(n.decision.signedOn),
          })
          .returning();
        decisionId = decision!.id;
        decisionIds.set(n.decision.number, decisionId);
      }
    }
    const steps = pathOf(n);
    const lastDay = steps.at(-1)?.on ?? n.createdOn;
    const [row] = await ctx.db
      .insert(nominations)
      .values({
        code: `KT-${n.year}-DEMO${String(index + 1).padStart(3, '0')}`,
        unitId: unit.id,
        titleId: title.id,
        level: n.level,
        year: n.year,
        subject: n.subject,
        nomineeName: n.nomineeName,
        nomineeKey: nomineeKeyOf(n.nomineeName),
        nomineeJobTitle: n.nomineeJobTitle,
        nomineeUnitId: unitOf(n.nomineeUnitCode).id,
        achievementReport: n.achievementReport,
        ratings: n.ratings,
        priorTitles: n.priorTitles,
        scienceWorks: n.scienceWorks,
        collective: n.collective,
        state: n.state,
        councilId: n.vote ? councilIds.get(n.vote.council)! : null,
        decisionId,
        submittedAt: n.submittedOn ? at(n.submittedOn) : null,
        createdBy: n.createdBy ? personOf(n.createdBy) : null,
        createdAt: at(n.createdOn),
        updatedAt: at(lastDay),
      })
      .returning();
    let from: NominationState = 'draft';
    for (const step of steps) {
      await ctx.db.insert(nominationTransitions).values({
        nominationId: row!.id,
        action: step.action,
        fromState: from,
        toState: step.to,
        actorId: null,
        actorRole: 'system',
        reason: step.reason ?? 'Dữ liệu mẫu / demo data',
        occurredAt: at(step.on),
      });
      from = step.to;
    }
    if (n.vote) {
      const council = seed.councils.find((c) => c.key === n.vote!.council)!;
      await ctx.db.insert(nominationVotes).values({
        nominationId: row!.id,
        councilId: councilIds.get(council.key)!,
        votesFor: n.vote.for,
        votesAgainst: n.vote.against,
        votesAbstain: n.vote.abstain,
        thresholdPercent: title.voteThresholdPercent,
        isThresholdStrict: title.isThresholdStrict,
        quorumNumerator: title.quorumNumerator,
        quorumDenominator: title.quorumDenominator,
        openedAt: at(n.vote.openedOn),
        closedAt: n.vote.closedOn ? at(n.vote.closedOn) : null,
      });
      const votedOn = n.vote.closedOn ?? n.vote.openedOn;
      await ctx.db.insert(nominationVoters).values(
        council.members.map(([email]) => ({
          nominationId: row!.id,
          userId: personOf(email),
          votedAt: n.vote!.voted.includes(email) ? at(votedOn) : null,
        })),
      );
    }
  }
  await recordAudit(ctx, {
    action: 'commendation.seed',
    entityType: 'nomination',
    entityId: null,
    after: { councils: seed.councils.length, nominations: seed.nominations.length, decisions: decisionIds.size },
  });
}
