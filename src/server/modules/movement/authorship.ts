import { and, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { initiativeDraftSchema } from '../../../shared/contracts/movement.js';
import { recordAudit } from '../../lib/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, notFound } from '../../lib/errors.js';
import { inTransaction } from '../../lib/tx.js';
import { users } from '../identity/schema.js';
import {
  canReadDossier,
  initiativeWord,
  isAuthorRowOf,
  isAwaitingConfirmation,
  loadInitiative,
  requireUserId,
  workflowRolesFor,
} from './access.js';
import { displayNameOf, emailAddress, initiativeUrl, notifyPeople } from './notify.js';
import { presentInitiative } from './presenter.js';
import { initiativeAuthors, initiatives } from './schema.js';

const sameAddress = (a: string | null, b: string | null) => a !== null && b !== null && a.toLowerCase() === b.toLowerCase();

/**
 * Replaces the author list. A co-author named by e-mail is asked to confirm their part: linked to
 * the account that holds that (verified) address and notified, or else invited by e-mail to make
 * one. Either way the answer and the dossier look the same, so the form never tells whether an
 * address has an account. A confirmation survives only when that author's name and share are unchanged.
 */
export async function replaceAuthors(
  ctx: ServiceContext,
  initiativeId: string,
  authors: z.output<typeof initiativeDraftSchema>['authors'],
): Promise<void> {
  const me = requireUserId(ctx);
  const previous = await ctx.db.select().from(initiativeAuthors).where(eq(initiativeAuthors.initiativeId, initiativeId));
  await ctx.db.delete(initiativeAuthors).where(eq(initiativeAuthors.initiativeId, initiativeId));
  if (authors.length === 0) return;
  const emails = authors.map((a) => a.email?.toLowerCase()).filter((e): e is string => !!e);
  // Someone else's account only once its address is verified: an account made with another's address must not read their dossier.
  const accounts = emails.length
    ? await ctx.db
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(
          and(inArray(sql`lower(${users.email})`, emails), isNull(users.erasedAt), or(eq(users.id, me), isNotNull(users.emailVerifiedAt))),
        )
    : [];
  const now = ctx.clock.now().toISOString();
  const rows = authors.map((author, position) => {
    const userId = accounts.find((a) => sameAddress(a.email, author.email))?.id ?? null;
    const kept = previous.find(
      (p) =>
        p.userId !== null && p.userId === userId && p.fullName === author.fullName && p.contributionPercent === author.contributionPercent,
    );
    // The person filling in the form confirms their own part by submitting it.
    const confirmedAt = userId === me ? now : (kept?.confirmedAt ?? null);
    return { ...author, initiativeId, position, userId, confirmedAt };
  });
  await ctx.db.insert(initiativeAuthors).values(rows);
  // Ask a co-author when their confirmation becomes needed: newly named, or their name or share
  // changed since they confirmed. Autosaves that change nothing for them stay silent.
  const toAsk = rows.filter(
    (r) => isAwaitingConfirmation(r) && !previous.some((p) => isAwaitingConfirmation(p) && sameAddress(p.email, r.email)),
  );
  if (toAsk.length === 0) return;
  const [initiative] = await ctx.db
    .select({ code: initiatives.code, title: initiatives.title })
    .from(initiatives)
    .where(eq(initiatives.id, initiativeId));
  const submitterName = await displayNameOf(ctx, me);
  for (const r of toAsk) {
    const named = {
      vi: `${submitterName} ghi bạn (${r.fullName}) là đồng tác giả của “${initiative!.title}” với tỷ lệ đóng góp ${r.contributionPercent}%.`,
      en: `${submitterName} named you (${r.fullName}) as a co-author of “${initiative!.title}” with a ${r.contributionPercent}% share.`,
    };
    const title = {
      vi: `Xác nhận đồng tác giả sáng kiến ${initiative!.code}`,
      en: `Confirm your co-authorship of initiative ${initiative!.code}`,
    };
    const url = initiativeUrl(initiativeId);
    if (r.userId !== null) {
      await notifyPeople(ctx, [r.userId], {
        title,
        body: {
          vi: `${named.vi} Vui lòng mở hồ sơ và xác nhận phần của bạn; đơn chỉ nộp được khi mọi đồng tác giả đã xác nhận.`,
          en: `${named.en} Please open the dossier and confirm your part; the application can be submitted only once every co-author has confirmed.`,
        },
        url,
      });
    } else {
      await emailAddress(ctx, r.email!, {
        title,
        body: {
          vi: `${named.vi} Để xác nhận phần của bạn, hãy tạo tài khoản doimoi bằng chính địa chỉ e-mail này và xác minh địa chỉ, rồi mở hồ sơ theo liên kết dưới đây. Đơn chỉ nộp được khi mọi đồng tác giả đã xác nhận. Nếu bạn không liên quan, hãy bỏ qua thư này.`,
          en: `${named.en} To confirm your part, create a doimoi account with this very address and verify it, then open the dossier at the link below. The application can be submitted only once every co-author has confirmed. If this is not you, ignore this message.`,
        },
        url,
      });
    }
  }
}

/**
 * A co-author confirms their part (name and contribution) of the application; an invited co-author
 * who has since made an account with that address is linked to their row by doing so. Only that
 * person may (others who can read the dossier get 403); confirming again changes nothing. The
 * submitter is told, since submission waits for every co-author named by e-mail.
 */
export async function confirmAuthorship(ctx: ServiceContext, initiativeId: string, authorId: string) {
  const userId = requireUserId(ctx);
  return inTransaction(ctx, async (tx) => {
    const initiative = await loadInitiative(tx, initiativeId);
    const [found] = await tx.db
      .select({ author: initiativeAuthors, isMine: sql<boolean>`${isAuthorRowOf(userId)}` })
      .from(initiativeAuthors)
      .where(and(eq(initiativeAuthors.id, authorId), eq(initiativeAuthors.initiativeId, initiativeId)));
    if (!(await canReadDossier(tx, initiative))) throw notFound(initiativeWord, initiativeId);
    if (!found) throw notFound({ vi: 'Tác giả', en: 'Author' }, authorId);
    const { author } = found;
    if (!found.isMine) {
      throw new AppError(
        'FORBIDDEN',
        { vi: `Chỉ chính ${author.fullName} mới xác nhận được phần của mình`, en: `Only ${author.fullName} can confirm their own part` },
        { reason: 'NOT_THIS_AUTHOR' },
      );
    }
    if (author.confirmedAt === null) {
      await tx.db
        .update(initiativeAuthors)
        .set({ userId, confirmedAt: tx.clock.now().toISOString() })
        .where(eq(initiativeAuthors.id, authorId));
      await recordAudit(tx, {
        action: 'initiatives.confirm-authorship',
        entityType: 'initiative',
        entityId: initiativeId,
        after: { authorId, contributionPercent: author.contributionPercent },
      });
      await notifyPeople(tx, [initiative.submitterId], {
        title: { vi: `Sáng kiến ${initiative.code}: đồng tác giả đã xác nhận`, en: `Initiative ${initiative.code}: a co-author confirmed` },
        body: {
          vi: `${author.fullName} đã xác nhận phần đóng góp ${author.contributionPercent}% trong “${initiative.title}”.`,
          en: `${author.fullName} confirmed their ${author.contributionPercent}% share of “${initiative.title}”.`,
        },
        url: initiativeUrl(initiativeId),
      });
    }
    const row = await loadInitiative(tx, initiativeId);
    return presentInitiative(tx, row, await workflowRolesFor(tx, row));
  });
}
