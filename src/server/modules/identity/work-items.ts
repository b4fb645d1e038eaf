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
  const figure = (id: string, label: WorkItem['label'], n: number | undefined, href: string): WorkItem => ({
    id,
    role: 'administrator',
    label,
    count: n ?? 0,
    urgency: 'info',
    href,
  });
  return [
    figure('identity.accounts', { vi: 'Tài khoản đang hoạt động', en: 'Active accounts' }, accounts?.n, adminPaths.users),
    figure('identity.units', { vi: 'Đơn vị đang hoạt động', en: 'Active units' }, activeUnits?.n, adminPaths.units),
  ];
}
