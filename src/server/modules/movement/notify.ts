import { eq, inArray } from 'drizzle-orm';
import type { LocalizedText } from '../../../shared/contracts/common.js';
import type { ServiceContext } from '../../lib/context.js';
import { users } from '../identity/schema.js';
import { notifyUser } from '../notifications/service.js';

/**
 * Tells each person, in their own language, about a change to an initiative. Runs in the caller's
 * transaction: the in-app notice and the queued e-mail exist exactly when the change does.
 */
export async function notifyPeople(ctx: ServiceContext, userIds: ReadonlyArray<string | null>, message: { title: LocalizedText; body: LocalizedText; url: string }) {
  const ids = [...new Set(userIds.filter((id): id is string => id !== null && id !== ctx.actor?.userId))];
  if (ids.length === 0) return;
  const people = await ctx.db.select({ id: users.id, locale: users.locale }).from(users).where(inArray(users.id, ids)).orderBy(users.id);
  for (const person of people) {
    await notifyUser(ctx, {
      userId: person.id,
      template: 'message',
      params: { title: message.title[person.locale], body: message.body[person.locale], link: message.url },
      url: message.url,
      alsoEmail: true,
    });
  }
}

export async function displayNameOf(ctx: ServiceContext, userId: string): Promise<string> {
  const [row] = await ctx.db.select({ displayName: users.displayName }).from(users).where(eq(users.id, userId));
  return row?.displayName ?? '';
}
