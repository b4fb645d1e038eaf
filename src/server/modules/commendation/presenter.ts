import { asc, eq, inArray } from 'drizzle-orm';
import type { NominationDto, NominationRole, NominationSummary } from '../../../shared/contracts/commendation.js';
import type { ServiceContext } from '../../lib/context.js';
import { units } from '../identity/schema.js';
import type { NominationRow } from './access.js';
import { nominationFiles } from './attachments.js';
import { evaluateEligibility } from './eligibility.js';
import { factsOf } from './facts.js';
import { issuerOf } from './rules.js';
import { commendationDecisions, commendationTitles, nominationTransitions } from './schema.js';
import { voteViewOf } from './votes.js';
import { actionsFor, editableStates } from './workflow.js';

type UnitRow = typeof units.$inferSelect;
type TitleRow = typeof commendationTitles.$inferSelect;

const unitRef = (unit: UnitRow) => ({ id: unit.id, code: unit.code, name: { vi: unit.nameVi, en: unit.nameEn } });

/** Many nominations as list rows, with their titles and units read once. */
export async function presentSummaries(ctx: ServiceContext, rows: readonly NominationRow[]): Promise<NominationSummary[]> {
  if (rows.length === 0) return [];
  const titles = await ctx.db.select().from(commendationTitles);
  const unitRows = await ctx.db
    .select()
    .from(units)
    .where(inArray(units.id, [...new Set(rows.map((r) => r.unitId))]));
  return rows.map((row) =>
    summaryOf(
      row,
      titles.find((t) => t.id === row.titleId)!,
      unitRows.find((u) => u.id === row.unitId)!,
    ),
  );
}

function summaryOf(row: NominationRow, title: TitleRow, unit: UnitRow): NominationSummary {
  return {
    id: row.id,
    code: row.code,
    state: row.state,
    title: { code: title.code, name: { vi: title.nameVi, en: title.nameEn } },
    level: row.level,
    year: row.year,
    subject: row.subject,
    nomineeName: row.nomineeName,
    unit: unitRef(unit),
    submittedAt: row.submittedAt,
    updatedAt: row.updatedAt,
  };
}

/** The whole dossier as the caller may see it: the checks with their reasons, the files, the vote, the history and the steps open to them. */
export async function presentNomination(ctx: ServiceContext, row: NominationRow, roles: readonly NominationRole[]): Promise<NominationDto> {
  const [title] = await ctx.db.select().from(commendationTitles).where(eq(commendationTitles.id, row.titleId));
  const unitRows = await ctx.db
    .select()
    .from(units)
    .where(inArray(units.id, [row.unitId, row.nomineeUnitId]));
  const unit = unitRows.find((u) => u.id === row.unitId)!;
  const nomineeUnit = unitRows.find((u) => u.id === row.nomineeUnitId)!;
  const [decision] = row.decisionId
    ? await ctx.db
        .select({ id: commendationDecisions.id, number: commendationDecisions.number, signedOn: commendationDecisions.signedOn })
        .from(commendationDecisions)
        .where(eq(commendationDecisions.id, row.decisionId))
    : [];
  const history = await ctx.db
    .select({
      action: nominationTransitions.action,
      fromState: nominationTransitions.fromState,
      toState: nominationTransitions.toState,
      reason: nominationTransitions.reason,
      occurredAt: nominationTransitions.occurredAt,
    })
    .from(nominationTransitions)
    .where(eq(nominationTransitions.nominationId, row.id))
    .orderBy(asc(nominationTransitions.occurredAt), asc(nominationTransitions.seq));
  const vote = await voteViewOf(ctx, row);
  const transitionActions = new Set(['submit', 'withdraw', 'return', 'open_vote']);
  return {
    ...summaryOf(row, title!, unit),
    issuer: issuerOf(row.level, unit.kind),
    nomineeJobTitle: row.nomineeJobTitle,
    nomineeUnit: unitRef(nomineeUnit),
    achievementReport: row.achievementReport,
    ratings: row.ratings,
    priorTitles: row.priorTitles,
    scienceWorks: row.scienceWorks,
    collective: row.collective,
    isUnderReview: row.isUnderReview,
    eligibility: evaluateEligibility(await factsOf(ctx, row)),
    attachments: await nominationFiles(ctx, row.id),
    vote,
    decision: decision ?? null,
    history,
    can: {
      edit: roles.includes('unit_officer') && editableStates.includes(row.state),
      actions: actionsFor(row.state, roles).filter((a) => transitionActions.has(a)),
      vote: vote?.myBallot === 'not_voted' && vote.closedAt === null,
    },
  };
}
