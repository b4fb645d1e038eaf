import { and, asc, eq, ilike, isNull, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { grantCreateBodySchema, unitCreateBodySchema, unitUpdateBodySchema } from '../../../shared/contracts/identity.js';
import { recordAudit } from '../../lib/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, conflict, notFound } from '../../lib/errors.js';
import { inTransaction } from '../../lib/tx.js';
import { notifyUser } from '../notifications/service.js';
import { roleGrants, units, users } from './schema.js';

const presentUnit = (u: typeof units.$inferSelect) => ({
  id: u.id,
  code: u.code,
  name: { vi: u.nameVi, en: u.nameEn },
  kind: u.kind,
  parentId: u.parentId,
  isActive: u.isActive,
});

export async function listUnits(ctx: ServiceContext, options: { includeInactive: boolean }) {
  const rows = await ctx.db
    .select()
    .from(units)
    .where(options.includeInactive ? undefined : eq(units.isActive, true))
    .orderBy(asc(units.kind), asc(units.nameVi));
  return rows.map(presentUnit);
}

const unitNotFound = (id: string) => notFound({ vi: 'Đơn vị', en: 'Unit' }, id);

/** One unit, inactive or not: what an administrator loads before editing it. */
export async function getUnit(ctx: ServiceContext, id: string) {
  const [row] = await ctx.db.select().from(units).where(eq(units.id, id));
  if (!row) throw unitNotFound(id);
  return presentUnit(row);
}

/** Ids of a unit and every unit above it. */
export async function ancestorsOf(ctx: ServiceContext, unitId: string): Promise<string[]> {
  const result = await ctx.db.execute<{ id: string }>(sql`
    with recursive up(id, parent_id) as (
      select id, parent_id from units where id = ${unitId}
      union all select u.id, u.parent_id from units u join up on u.id = up.parent_id
    ) select id from up`);
  return result.rows.map((r) => r.id);
}

export async function createUnit(ctx: ServiceContext, input: z.infer<typeof unitCreateBodySchema>) {
  return inTransaction(ctx, async (tx) => {
    const [parent] = await tx.db.select().from(units).where(eq(units.id, input.parentId));
    if (!parent) throw unitNotFound(input.parentId);
    const [taken] = await tx.db.select({ id: units.id }).from(units).where(eq(units.code, input.code));
    if (taken) throw conflict({ vi: `Mã đơn vị '${input.code}' đã tồn tại`, en: `Unit code '${input.code}' already exists` });
    const [row] = await tx.db.insert(units).values(input).returning();
    await recordAudit(tx, { action: 'units.create', entityType: 'unit', entityId: row!.id, after: presentUnit(row!) });
    return presentUnit(row!);
  });
}

/** Renames, moves or (de)activates a unit. Nothing is deleted, so tasks and reports keep their unit. */
export async function updateUnit(ctx: ServiceContext, id: string, input: z.infer<typeof unitUpdateBodySchema>) {
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db.select().from(units).where(eq(units.id, id));
    if (!before) throw unitNotFound(id);
    if (input.parentId !== undefined) {
      if (before.kind === 'city') throw new AppError('VALIDATION', { vi: 'Không thể di chuyển đơn vị gốc', en: 'The root unit cannot be moved' });
      if ((await ancestorsOf(tx, input.parentId)).includes(id)) {
        throw new AppError('VALIDATION', { vi: 'Không thể chuyển đơn vị vào chính nó hoặc đơn vị cấp dưới', en: 'A unit cannot move under itself or its own sub-unit' });
      }
      const [parent] = await tx.db.select({ id: units.id }).from(units).where(eq(units.id, input.parentId));
      if (!parent) throw unitNotFound(input.parentId);
    }
    const [after] = await tx.db.update(units).set({ ...input, updatedAt: tx.clock.now().toISOString() }).where(eq(units.id, id)).returning();
    await recordAudit(tx, { action: 'units.update', entityType: 'unit', entityId: id, before: presentUnit(before), after: presentUnit(after!) });
    return presentUnit(after!);
  });
}

/** Accounts for administrators, searched by name or e-mail. */
export async function listUsers(ctx: ServiceContext, query: { q?: string | undefined; limit: number }) {
  const pattern = query.q ? `%${query.q}%` : null;
  const rows = await ctx.db
    .select({ id: users.id, email: users.email, displayName: users.displayName, accountKind: users.accountKind, isActive: users.isActive, hasTotp: sql<boolean>`${users.totpSecret} is not null` })
    .from(users)
    .where(and(isNull(users.erasedAt), pattern ? or(ilike(users.email, pattern), sql`f_unaccent(${users.displayName}) ilike f_unaccent(${pattern})`) : undefined))
    .orderBy(asc(users.displayName))
    .limit(query.limit);
  const grants = await ctx.db
    .select({ id: roleGrants.id, userId: roleGrants.userId, role: roleGrants.role, unitId: units.id, unitCode: units.code, nameVi: units.nameVi, nameEn: units.nameEn, includesSubtree: roleGrants.includesSubtree })
    .from(roleGrants)
    .innerJoin(units, eq(units.id, roleGrants.unitId));
  return rows.map((user) => ({
    ...user,
    grants: grants
      .filter((g) => g.userId === user.id)
      .map((g) => ({ id: g.id, role: g.role, unitId: g.unitId, unitCode: g.unitCode, unitName: { vi: g.nameVi, en: g.nameEn }, includesSubtree: g.includesSubtree })),
  }));
}

export async function grantRole(ctx: ServiceContext, userId: string, input: z.infer<typeof grantCreateBodySchema>) {
  return inTransaction(ctx, async (tx) => {
    const [user] = await tx.db.select().from(users).where(and(eq(users.id, userId), isNull(users.erasedAt)));
    if (!user) throw notFound({ vi: 'Tài khoản', en: 'Account' }, userId);
    const [unit] = await tx.db.select().from(units).where(eq(units.id, input.unitId));
    if (!unit) throw unitNotFound(input.unitId);
    const [row] = await tx.db.insert(roleGrants).values({ userId, ...input }).onConflictDoNothing().returning();
    if (!row) throw conflict({ vi: 'Tài khoản đã có vai trò này tại đơn vị này', en: 'The account already has this role on this unit' });
    await recordAudit(tx, { action: 'role_grants.create', entityType: 'role_grant', entityId: row.id, after: { userId, ...input } });
    await notifyUser(tx, { userId, template: 'grant_added', params: { displayName: user.displayName, role: input.role, unitName: unit.nameVi }, alsoEmail: true });
    return row;
  });
}

export async function revokeGrant(ctx: ServiceContext, userId: string, grantId: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const [row] = await tx.db.delete(roleGrants).where(and(eq(roleGrants.id, grantId), eq(roleGrants.userId, userId))).returning();
    if (!row) throw notFound({ vi: 'Vai trò', en: 'Role grant' }, grantId);
    await recordAudit(tx, { action: 'role_grants.revoke', entityType: 'role_grant', entityId: grantId, before: { userId, role: row.role, unitId: row.unitId, includesSubtree: row.includesSubtree } });
  });
}
