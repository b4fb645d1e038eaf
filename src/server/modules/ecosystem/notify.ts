import { inArray } from 'drizzle-orm';
import type { LocalizedText } from '../../../shared/contracts/common.js';
import type { ServiceContext } from '../../lib/context.js';
import { users } from '../identity/schema.js';
import { notifyUser, queueEmail } from '../notifications/service.js';

type Message = { title: LocalizedText; body: LocalizedText; url: string };

/** Tells each person, in their language, in the caller's transaction (in-app notice and e-mail). */
export async function notifyPeople(ctx: ServiceContext, userIds: ReadonlyArray<string | null>, message: Message): Promise<void> {
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

/** E-mails an address that may have no account (the organisation's own), in both languages. */
export async function emailAddress(ctx: ServiceContext, address: string, message: Message): Promise<void> {
  await queueEmail(ctx, {
    userId: null,
    to: address,
    locale: 'vi',
    template: 'message',
    params: { title: `${message.title.vi} / ${message.title.en}`, body: `${message.body.vi}\n\n${message.body.en}`, link: message.url },
  });
}
