import { movementPaths } from '../../../shared/web-paths.js';
import { eq, inArray } from 'drizzle-orm';
import type { LocalizedText } from '../../../shared/contracts/common.js';
import type { ServiceContext } from '../../lib/context.js';
import { users } from '../identity/schema.js';
import { notifyUser, queueEmail } from '../notifications/service.js';

/** Where a notice about an initiative takes its reader: the dossier page. */
export const initiativeUrl = movementPaths.dossier;

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

/**
 * E-mails someone who has no account here (yet), in Vietnamese then English since their language is
 * unknown. Queued in the caller's transaction like every other notice.
 */
export async function emailAddress(ctx: ServiceContext, address: string, message: { title: LocalizedText; body: LocalizedText; url: string }) {
  await queueEmail(ctx, {
    userId: null,
    to: address,
    locale: 'vi',
    template: 'message',
    params: { title: `${message.title.vi} / ${message.title.en}`, body: `${message.body.vi}\n\n${message.body.en}`, link: message.url },
  });
}
