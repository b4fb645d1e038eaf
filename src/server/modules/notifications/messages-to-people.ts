import { inArray } from 'drizzle-orm';
import type { LocalizedText } from '../../../shared/contracts/common.js';
import type { ServiceContext } from '../../lib/context.js';
import { users } from '../identity/schema.js';
import { notifyUser, queueEmail } from './service.js';

/** A notice any module sends: title and body in both languages, and the page it leads to. */
export type PeopleMessage = { title: LocalizedText; body: LocalizedText; url: string };

/**
 * Tells each person, in their own language, in the caller's transaction: the in-app notice and the
 * queued e-mail exist exactly when the change does. The person who acted is not told.
 */
export async function notifyPeople(ctx: ServiceContext, userIds: ReadonlyArray<string | null>, message: PeopleMessage): Promise<void> {
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

/** E-mails an address that may have no account, in Vietnamese then English since its language is unknown. */
export async function emailAddress(ctx: ServiceContext, address: string, message: PeopleMessage): Promise<void> {
  await queueEmail(ctx, {
    userId: null,
    to: address,
    locale: 'vi',
    template: 'message',
    params: { title: `${message.title.vi} / ${message.title.en}`, body: `${message.body.vi}\n\n${message.body.en}`, link: message.url },
  });
}
