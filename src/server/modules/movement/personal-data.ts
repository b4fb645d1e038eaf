import { and, asc, eq, inArray } from 'drizzle-orm';
import { attachments } from '../../db/platform-schema.js';
import type { ServiceContext } from '../../lib/context.js';
import { enqueueJob } from '../../lib/jobs.js';
import type { StorageDriver } from '../../lib/storage.js';
import { attachmentsUploadedBy } from './attachments.js';
import { initiativeAttachments, initiativeAuthors, initiativeComments, initiatives, initiativeSupports } from './schema.js';

export const removeFilesJob = 'movement.remove-files';

/** What the movement holds about a person (Decree 13/2023): initiatives they submitted or co-author, files they attached, supports, comments. */
export async function exportMovementDataOf(ctx: ServiceContext, userId: string) {
  const submitted = await ctx.db
    .select({ code: initiatives.code, title: initiatives.title, state: initiatives.state, submittedAt: initiatives.submittedAt })
    .from(initiatives)
    .where(eq(initiatives.submitterId, userId))
    .orderBy(asc(initiatives.code));
  const authorships = await ctx.db
    .select({ code: initiatives.code, fullName: initiativeAuthors.fullName, birthDate: initiativeAuthors.birthDate, workplace: initiativeAuthors.workplace, contributionPercent: initiativeAuthors.contributionPercent, confirmedAt: initiativeAuthors.confirmedAt })
    .from(initiativeAuthors)
    .innerJoin(initiatives, eq(initiatives.id, initiativeAuthors.initiativeId))
    .where(eq(initiativeAuthors.userId, userId))
    .orderBy(asc(initiatives.code));
  const supports = await ctx.db
    .select({ code: initiatives.code, at: initiativeSupports.createdAt })
    .from(initiativeSupports)
    .innerJoin(initiatives, eq(initiatives.id, initiativeSupports.initiativeId))
    .where(eq(initiativeSupports.userId, userId))
    .orderBy(asc(initiatives.code));
  const comments = await ctx.db
    .select({ body: initiativeComments.body, status: initiativeComments.status, at: initiativeComments.createdAt })
    .from(initiativeComments)
    .where(eq(initiativeComments.authorId, userId))
    .orderBy(asc(initiativeComments.createdAt), asc(initiativeComments.id));
  const attached = await attachmentsUploadedBy(ctx, userId);
  return { submitted, authorships, attachments: attached, supports, comments };
}

/**
 * On erasure the person’s comments are emptied (their words are personal data); supports stay, tied
 * only to the anonymised account, so public counts do not move. Initiatives and
 * authorships stay: recognition decisions are public acts. Files attached to drafts they never
 * submitted go: no one else has ever relied on them. Their bytes are removed by a job, after commit.
 */
export async function eraseMovementDataOf(ctx: ServiceContext, userId: string): Promise<void> {
  await ctx.db.update(initiativeComments).set({ body: '—', status: 'hidden', moderationNote: 'erased' }).where(eq(initiativeComments.authorId, userId));
  const draftFiles = await ctx.db
    .select({ linkId: initiativeAttachments.id, attachmentId: attachments.id, storageKey: attachments.storageKey })
    .from(initiativeAttachments)
    .innerJoin(initiatives, eq(initiatives.id, initiativeAttachments.initiativeId))
    .innerJoin(attachments, eq(attachments.id, initiativeAttachments.attachmentId))
    .where(and(eq(initiatives.submitterId, userId), eq(initiatives.state, 'draft')))
    .orderBy(asc(initiativeAttachments.id));
  if (draftFiles.length === 0) return;
  await ctx.db.delete(initiativeAttachments).where(inArray(initiativeAttachments.id, draftFiles.map((f) => f.linkId)));
  await ctx.db.delete(attachments).where(inArray(attachments.id, draftFiles.map((f) => f.attachmentId)));
  await enqueueJob(ctx.db, ctx.clock, removeFilesJob, { storageKeys: draftFiles.map((f) => f.storageKey) });
}

/** The job that removes stored bytes whose rows are gone (keys only; nothing else is trusted from the payload). */
export async function removeStoredFiles(storage: StorageDriver, payload: unknown): Promise<void> {
  const keys = (payload as { storageKeys?: unknown }).storageKeys;
  if (!Array.isArray(keys)) return;
  for (const key of keys) if (typeof key === 'string' && /^[0-9a-f-]{36}$/.test(key)) await storage.remove(key);
}
