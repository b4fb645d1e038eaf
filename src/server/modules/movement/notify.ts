import { movementPaths } from '../../../shared/web-paths.js';
import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../lib/context.js';
import { users } from '../identity/schema.js';

/** Where a notice about an initiative takes its reader: the dossier page. */
export const initiativeUrl = movementPaths.dossier;

export { emailAddress, notifyPeople } from '../notifications/messages-to-people.js';

export async function displayNameOf(ctx: ServiceContext, userId: string): Promise<string> {
  const [row] = await ctx.db.select({ displayName: users.displayName }).from(users).where(eq(users.id, userId));
  return row?.displayName ?? '';
}
