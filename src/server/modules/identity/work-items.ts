import { and, count, eq, isNull } from 'drizzle-orm';
import type { WorkItem } from '../../../shared/contracts/workspace.js';
import { adminPaths } from '../../../shared/web-paths.js';
import type { ServiceContext } from '../../lib/context.js';
import { hasRole } from '../../lib/policy.js';
import { units, users } from './schema.js';

/** An administrator's figures to keep an eye on: active accounts and units, each list one click away. */
export async function identityWorkItems(ctx: ServiceContext): Promise<WorkItem[]> {
  if (!hasRole(ctx.actor, 'administrator')) return [];
  const [[accounts], [activeUnits]] = await Promise.all([
    ctx.db
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.isActive, true), isNull(users.erasedAt))),
    ctx.db.select({ n: count() }).from(units).where(eq(units.isActive, true)),
  ]);
  return [
    {
      id: 'identity.accounts',
      role: 'administrator',
      label: { vi: 'Tài khoản đang hoạt động', en: 'Active accounts' },
      count: accounts?.n ?? 0,
      urgency: 'info',
      href: adminPaths.users,
    },
    {
      id: 'identity.units',
      role: 'administrator',
      label: { vi: 'Đơn vị đang hoạt động', en: 'Active units' },
      count: activeUnits?.n ?? 0,
      urgency: 'info',
      href: adminPaths.units,
    },
  ];
}
