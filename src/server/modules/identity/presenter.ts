import { and, eq } from 'drizzle-orm';
import { rolesRequiringSecondFactor, type Me } from '../../../shared/contracts/identity.js';
import type { DbOrTx } from '../../db/client.js';
import { notFound } from '../../lib/errors.js';
import { roleGrants, units, users } from './schema.js';

/** The signed-in user as the web app sees them; `hasSecondFactor` is the session's. */
export async function presentMe(db: DbOrTx, userId: string, hasSecondFactor: boolean): Promise<Me> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw notFound({ vi: 'Tài khoản', en: 'Account' }, userId);
  const grants = await db
    .select({ id: roleGrants.id, role: roleGrants.role, unitId: units.id, unitCode: units.code, nameVi: units.nameVi, nameEn: units.nameEn, includesSubtree: roleGrants.includesSubtree })
    .from(roleGrants)
    .innerJoin(units, and(eq(units.id, roleGrants.unitId), eq(units.isActive, true)))
    .where(eq(roleGrants.userId, userId));
  const hasTotp = user.totpSecret !== null;
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    accountKind: user.accountKind,
    organizationName: user.organizationName,
    phone: user.phone,
    locale: user.locale,
    isEmailVerified: user.emailVerifiedAt !== null,
    hasTotp,
    hasPassword: user.passwordHash !== null,
    hasSecondFactor,
    mustEnrolSecondFactor: !hasTotp && grants.some((g) => rolesRequiringSecondFactor.includes(g.role)),
    grants: grants.map((g) => ({
      id: g.id,
      role: g.role,
      unitId: g.unitId,
      unitCode: g.unitCode,
      unitName: { vi: g.nameVi, en: g.nameEn },
      includesSubtree: g.includesSubtree,
    })),
  };
}
