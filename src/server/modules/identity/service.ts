import { eq, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../lib/context.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError, conflict } from '../../lib/errors.js';
import { hashPassword } from '../../lib/passwords.js';
import { inTransaction } from '../../lib/tx.js';
import { roleGrants, units, users, type Role } from './schema.js';

export type CreateUserInput = {
  email: string;
  displayName: string;
  password: string;
  accountKind?: 'citizen' | 'enterprise' | 'staff';
  grants: Array<{ role: Role; unitCode: string; includesSubtree: boolean }>;
};

/** Creates an account with its role grants (an operator's, seed's or test's: its address counts as confirmed), audited in the same transaction. */
export async function createUser(ctx: ServiceContext, input: CreateUserInput) {
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx, async (tx) => {
    const [taken] = await tx.db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = lower(${input.email})`);
    if (taken) throw conflict({ vi: `E-mail '${input.email}' đã được dùng`, en: `E-mail '${input.email}' is already in use` });
    // The operator or seed creating the account vouches for its address; sign-up has people prove theirs.
    const [user] = await tx.db
      .insert(users)
      .values({
        email: input.email,
        displayName: input.displayName,
        passwordHash,
        accountKind: input.accountKind ?? 'citizen',
        emailVerifiedAt: tx.clock.now().toISOString(),
      })
      .returning();
    for (const grant of input.grants) {
      const [unit] = await tx.db.select({ id: units.id }).from(units).where(eq(units.code, grant.unitCode));
      if (!unit) {
        throw new AppError('VALIDATION', { vi: `Đơn vị '${grant.unitCode}' không tồn tại`, en: `Unit '${grant.unitCode}' not found` });
      }
      await tx.db.insert(roleGrants).values({ userId: user!.id, role: grant.role, unitId: unit.id, includesSubtree: grant.includesSubtree });
    }
    await recordAudit(tx, {
      action: 'users.create',
      entityType: 'user',
      entityId: user!.id,
      after: { email: user!.email, displayName: user!.displayName, grants: input.grants },
    });
    return user!;
  });
}
