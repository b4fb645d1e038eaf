import { asc, count, eq } from 'drizzle-orm';
import { movementLimits, publicStates, type InitiativeAttachment } from '../../../shared/contracts/movement.js';
import { attachments } from '../../db/platform-schema.js';
import { recordAudit } from '../../lib/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, conflict, notFound } from '../../lib/errors.js';
import { inUploadTransaction, type StorageDriver } from '../../lib/storage.js';
import { inTransaction } from '../../lib/tx.js';
import type { IncomingFile } from '../../lib/uploads.js';
import { canReadDossier, initiativeWord, loadInitiative, requireUserId, type InitiativeRow } from './access.js';
import { initiativeAttachments } from './schema.js';
import { stateName } from './workflow.js';

/** Platform attachment rows of initiatives carry this entity type. */
export const initiativeAttachmentType = 'initiative';

const attachmentWord = { vi: 'Tệp đính kèm', en: 'Attachment' };
const isPublicState = (state: InitiativeRow['state']) => (publicStates as readonly string[]).includes(state);

export const dossierFileUrl = (initiativeId: string, attachmentId: string) => `/api/movement/initiatives/${initiativeId}/attachments/${attachmentId}`;
export const publicFileUrl = (initiativeId: string, attachmentId: string) => `/api/movement/gallery/${initiativeId}/attachments/${attachmentId}`;

async function filesOf(ctx: ServiceContext, initiativeId: string) {
  return ctx.db
    .select({ link: initiativeAttachments, file: attachments })
    .from(initiativeAttachments)
    .innerJoin(attachments, eq(attachments.id, initiativeAttachments.attachmentId))
    .where(eq(initiativeAttachments.initiativeId, initiativeId))
    .orderBy(asc(initiativeAttachments.createdAt), asc(initiativeAttachments.fileName), asc(initiativeAttachments.id));
}

type FileRow = Awaited<ReturnType<typeof filesOf>>[number];

const present = (row: FileRow, url: string): InitiativeAttachment => ({
  id: row.link.attachmentId,
  fileName: row.link.fileName,
  mediaType: row.file.mediaType,
  sizeBytes: row.file.sizeBytes,
  isConfidential: row.link.isConfidential,
  uploadedAt: row.link.createdAt,
  url,
});

/** Every file of the dossier, confidential ones included: only for those `canReadDossier` lets in. */
export async function dossierAttachments(ctx: ServiceContext, initiative: InitiativeRow): Promise<InitiativeAttachment[]> {
  const rows = await filesOf(ctx, initiative.id);
  return rows.map((r) => present(r, dossierFileUrl(initiative.id, r.link.attachmentId)));
}

/** The public side's files: never a confidential one, and only while the initiative itself is public. */
export async function publicAttachments(ctx: ServiceContext, initiative: InitiativeRow): Promise<Array<Omit<InitiativeAttachment, 'isConfidential'>>> {
  if (!isPublicState(initiative.state)) return [];
  const rows = await filesOf(ctx, initiative.id);
  return rows.filter((r) => !r.link.isConfidential).map((r) => {
    const { isConfidential: _hidden, ...file } = present(r, publicFileUrl(initiative.id, r.link.attachmentId));
    return file;
  });
}

/** GET …/attachments: the dossier's file list, for those who may read the dossier. */
export async function listInitiativeAttachments(ctx: ServiceContext, initiativeId: string) {
  requireUserId(ctx);
  const initiative = await loadInitiative(ctx, initiativeId);
  if (!(await canReadDossier(ctx, initiative))) throw notFound(initiativeWord, initiativeId);
  return { items: await dossierAttachments(ctx, initiative) };
}

/** Only the submitter changes the files, and only while the application can be edited. */
async function requireEditableBySubmitter(ctx: ServiceContext, initiative: InitiativeRow): Promise<void> {
  if (initiative.submitterId !== ctx.actor?.userId) {
    if (!(await canReadDossier(ctx, initiative))) throw notFound(initiativeWord, initiative.id);
    throw new AppError(
      'FORBIDDEN',
      { vi: 'Chỉ người nộp đơn mới được thêm hoặc xóa tệp đính kèm', en: 'Only the person who filed the application may add or remove its attachments' },
      { reason: 'NOT_SUBMITTER' },
    );
  }
  if (initiative.state !== 'draft' && initiative.state !== 'returned') {
    throw conflict(
      {
        vi: `Sáng kiến ở trạng thái “${stateName(initiative.state).vi}”: chỉ thêm hoặc xóa tệp khi là bản nháp hoặc được trả lại để bổ sung`,
        en: `The initiative is “${stateName(initiative.state).en}”: files can be added or removed only in a draft or when returned for changes`,
      },
      { reason: 'NOT_EDITABLE', state: initiative.state },
    );
  }
}

/**
 * The submitter attaches a file to a draft (or an application returned for changes). Permission,
 * state and count are checked before a byte is stored; type (by content) and size while storing.
 * A refused upload leaves neither a row nor a file.
 */
export async function uploadInitiativeAttachment(
  ctx: ServiceContext,
  storage: StorageDriver,
  initiativeId: string,
  file: IncomingFile,
  isConfidential: boolean,
): Promise<InitiativeAttachment> {
  requireUserId(ctx);
  return inUploadTransaction(ctx, storage, async (tx, save) => {
    const initiative = await loadInitiative(tx, initiativeId, true);
    await requireEditableBySubmitter(tx, initiative);
    const [held] = await tx.db.select({ n: count() }).from(initiativeAttachments).where(eq(initiativeAttachments.initiativeId, initiativeId));
    if ((held?.n ?? 0) >= movementLimits.attachmentsMax) {
      throw conflict(
        { vi: `Mỗi đơn có tối đa ${movementLimits.attachmentsMax} tệp đính kèm; hãy xóa bớt trước khi thêm`, en: `An application holds at most ${movementLimits.attachmentsMax} attachments; remove one first` },
        { reason: 'TOO_MANY_ATTACHMENTS', max: movementLimits.attachmentsMax },
      );
    }
    const saved = await save(file, { entityType: initiativeAttachmentType, entityId: initiativeId, isPublic: false });
    const [link] = await tx.db
      .insert(initiativeAttachments)
      .values({ initiativeId, attachmentId: saved.id, fileName: saved.fileName, isConfidential, createdAt: tx.clock.now().toISOString(), updatedAt: tx.clock.now().toISOString() })
      .returning();
    await recordAudit(tx, {
      action: 'initiatives.attachment.upload',
      entityType: 'initiative',
      entityId: initiativeId,
      after: { attachmentId: saved.id, fileName: saved.fileName, mediaType: saved.mediaType, sizeBytes: saved.sizeBytes, sha256: saved.sha256, isConfidential },
    });
    return present({ link: link!, file: saved }, dossierFileUrl(initiativeId, saved.id));
  });
}

/** The submitter removes a file while the application can be edited; the bytes go once the removal is committed. */
export async function deleteInitiativeAttachment(ctx: ServiceContext, storage: StorageDriver, initiativeId: string, attachmentId: string): Promise<void> {
  requireUserId(ctx);
  const storageKey = await inTransaction(ctx, async (tx) => {
    const initiative = await loadInitiative(tx, initiativeId, true);
    await requireEditableBySubmitter(tx, initiative);
    const [row] = (await filesOf(tx, initiativeId)).filter((r) => r.link.attachmentId === attachmentId);
    if (!row) throw notFound(attachmentWord, attachmentId);
    await tx.db.delete(initiativeAttachments).where(eq(initiativeAttachments.id, row.link.id));
    await tx.db.delete(attachments).where(eq(attachments.id, attachmentId));
    await recordAudit(tx, {
      action: 'initiatives.attachment.delete',
      entityType: 'initiative',
      entityId: initiativeId,
      before: { attachmentId, fileName: row.link.fileName, sha256: row.file.sha256, isConfidential: row.link.isConfidential },
    });
    return row.file.storageKey;
  });
  await storage.remove(storageKey);
}

/**
 * Opens a file for download. `side = 'public'`: anyone, only a non-confidential file of a public
 * initiative. `side = 'dossier'`: dossier readers, confidential files included.
 * Whoever may not have it gets 404, so they do not learn it exists.
 */
export async function openInitiativeAttachment(ctx: ServiceContext, storage: StorageDriver, initiativeId: string, attachmentId: string, side: 'public' | 'dossier') {
  const initiative = await loadInitiative(ctx, initiativeId);
  const [row] = (await filesOf(ctx, initiativeId)).filter((r) => r.link.attachmentId === attachmentId);
  const hidden = notFound(attachmentWord, attachmentId);
  if (!row) throw hidden;
  if (side === 'public') {
    if (!isPublicState(initiative.state) || row.link.isConfidential) throw hidden;
  } else {
    requireUserId(ctx);
    if (!(await canReadDossier(ctx, initiative))) throw hidden;
  }
  return { fileName: row.link.fileName, mediaType: row.file.mediaType, sizeBytes: row.file.sizeBytes, stream: storage.read(row.file.storageKey) };
}

/** Files the person uploaded to initiatives, for "download my data". */
export async function attachmentsUploadedBy(ctx: ServiceContext, userId: string) {
  return ctx.db
    .select({ initiativeId: initiativeAttachments.initiativeId, fileName: initiativeAttachments.fileName, mediaType: attachments.mediaType, sizeBytes: attachments.sizeBytes, isConfidential: initiativeAttachments.isConfidential, uploadedAt: initiativeAttachments.createdAt })
    .from(initiativeAttachments)
    .innerJoin(attachments, eq(attachments.id, initiativeAttachments.attachmentId))
    .where(eq(attachments.createdBy, userId))
    .orderBy(asc(initiativeAttachments.createdAt), asc(initiativeAttachments.fileName), asc(initiativeAttachments.id));
}
