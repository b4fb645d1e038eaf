import { asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { councilBodySchema } from '../../../shared/contracts/commendation.js';
import { recordAudit } from '../../lib/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, forbidden, notFound } from '../../lib/errors.js';
import { inTransaction } from '../../lib/tx.js';
import { units, users } from '../identity/schema.js';
import { councilWord, isProgrammeManager, requireUserId } from './access.js';
import { commendationCouncilMembers, commendationCouncils } from './schema.js';

type CouncilRow = typeof commendationCouncils.$inferSelect;

export async function loadCouncil(ctx: ServiceContext, id: string): Promise<CouncilRow> {
  const [row] = await ctx.db.select().from(commendationCouncils).where(eq(commendationCouncils.id, id));
  if (!row) throw notFound(councilWord, id);
  return row;
}

export async function councilMembersOf(ctx: ServiceContext, councilId: string) {
  return ctx.db
    .select({ userId: commendationCouncilMembers.userId, role: commendationCouncilMembers.role, displayName: users.displayName })
    .from(commendationCouncilMembers)
    .innerJoin(users, eq(users.id, commendationCouncilMembers.userId))
    .where(eq(commendationCouncilMembers.councilId, councilId))
    .orderBy(asc(commendationCouncilMembers.role), asc(users.displayName), asc(commendationCouncilMembers.userId));
}

async function presentCouncils(ctx: ServiceContext, rows: CouncilRow[]) {
  const unitRows = rows.length
    ? await ctx.db
        .select()
        .from(units)
        .where(inArray(units.id, [...new Set(rows.map((r) => r.unitId))]))
    : [];
  const councils = [];
  for (const row of rows) {
    const unit = unitRows.find((u) => u.id === row.unitId)!;
    councils.push({
      id: row.id,
      unit: { id: unit.id, code: unit.code, name: { vi: unit.nameVi, en: unit.nameEn } },
      name: { vi: row.nameVi, en: row.nameEn },
      members: await councilMembersOf(ctx, row.id),
    });
  }
  return councils;
}

/** Sets up a unit's emulation and commendation council with its chair and members: programme managers. */
export async function createCouncil(ctx: ServiceContext, input: z.output<typeof councilBodySchema>) {
  if (!isProgrammeManager(ctx)) throw forbidden();
  if (input.members.filter((m) => m.role === 'chair').length !== 1)
    throw new AppError(
      'VALIDATION',
      { vi: 'Hội đồng cần đúng một chủ tịch', en: 'A council needs exactly one chair' },
      { field: 'members' },
    );
  const ids = input.members.map((m) => m.userId);
  if (new Set(ids).size !== ids.length)
    throw new AppError(
      'VALIDATION',
      { vi: 'Một người chỉ có một vai trò trong hội đồng', en: 'A person holds one role in a council' },
      { field: 'members' },
    );
  return inTransaction(ctx, async (tx) => {
    const [unit] = await tx.db.select({ id: units.id }).from(units).where(eq(units.id, input.unitId));
    if (!unit) throw notFound({ vi: 'Đơn vị', en: 'Unit' }, input.unitId);
    const found = await tx.db.select({ id: users.id }).from(users).where(inArray(users.id, ids));
    const missing = ids.find((id) => !found.some((f) => f.id === id));
    if (missing) throw notFound({ vi: 'Tài khoản', en: 'Account' }, missing);
    const [council] = await tx.db
      .insert(commendationCouncils)
      .values({ unitId: input.unitId, nameVi: input.nameVi, nameEn: input.nameEn, createdBy: tx.actor!.userId })
      .returning();
    await tx.db.insert(commendationCouncilMembers).values(input.members.map((m) => ({ ...m, councilId: council!.id })));
    await recordAudit(tx, {
      action: 'commendation.councils.create',
      entityType: 'commendation_council',
      entityId: council!.id,
      after: { unitId: input.unitId, members: input.members },
    });
    return (await presentCouncils(tx, [council!]))[0]!;
  });
}

/** The councils: all of them for programme managers, the ones they sit on for everyone else. */
export async function listCouncils(ctx: ServiceContext) {
  const userId = requireUserId(ctx);
  const mine = ctx.db
    .select({ id: commendationCouncilMembers.councilId })
    .from(commendationCouncilMembers)
    .where(eq(commendationCouncilMembers.userId, userId));
  const rows = await ctx.db
    .select()
    .from(commendationCouncils)
    .where(isProgrammeManager(ctx) ? undefined : inArray(commendationCouncils.id, mine))
    .orderBy(asc(commendationCouncils.createdAt), asc(commendationCouncils.id));
  return { councils: await presentCouncils(ctx, rows) };
}
