import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../lib/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { inTransaction } from '../../lib/tx.js';
import { notifyUser } from '../notifications/service.js';
import { roleGrants, users } from './schema.js';
import { accountCeiling } from './throttle.js';

const adminPagePath = '/quan-tri';

/**
 * Tells every administrator, in the app and by e-mail, when an account's failed sign-ins reach the
 * account-wide ceiling: exactly once per window, since only one failure brings the count to it.
 */
export async function alertAdministratorsAtCeiling(
  ctx: ServiceContext,
  account: { userId: string; email: string; failures: number },
  baseUrl: string,
): Promise<void> {
  if (account.failures !== accountCeiling.failures) return;
  const windowMinutes = accountCeiling.windowMs / 60_000;
  await inTransaction(ctx, async (tx) => {
    const administrators = await tx.db
      .selectDistinct({ id: users.id })
      .from(roleGrants)
      .innerJoin(users, eq(users.id, roleGrants.userId))
      .where(and(eq(roleGrants.role, 'administrator'), eq(users.isActive, true), isNull(users.erasedAt)));
    for (const administrator of administrators) {
      await notifyUser(tx, {
        userId: administrator.id,
        template: 'failed_sign_ins',
        params: { accountEmail: account.email, failures: account.failures, windowMinutes, link: `${baseUrl}${adminPagePath}` },
        url: adminPagePath,
        alsoEmail: true,
      });
    }
    await recordAudit(tx, {
      action: 'sessions.failed_sign_ins_alert',
      entityType: 'user',
      entityId: account.userId,
      after: { failures: account.failures, windowMinutes, administratorsTold: administrators.length },
    });
  });
}
