import { asc, count, eq } from 'drizzle-orm';
import { commendationLimits, type NominationAttachment } from '../../../shared/contracts/commendation.js';
import { attachments } from '../../db/platform-schema.js';
import { recordAudit } from '../../lib/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, conflict, notFound } from '../../lib/errors.js';
import { inUploadTransaction, type StorageDriver } from '../../lib/storage.js';
import { inTransaction } from '../../lib/tx.js';
import type { IncomingFile } from '../../lib/uploads.js';
import { loadNomination, requireReader, requireUserId, type NominationRow } from './access.js';
import { nominationAttachments } from './schema.js';
import { editableStates, stateName } from './workflow.js';

/** Platform attachment rows of nominations carry this entity type. */
export const nominationAttachmentType = 'nomination';
const attachmentWord = { vi: 'Tệp đính kèm', en: 'Attachment' };
const fileUrl = (nominationId: string, attachmentId: string) => `/api/commendation/nominations/${nominationId}/attachments/${attachmentId}`;

async function filesOf(ctx: ServiceContext, nominationId: string) {
  return ctx.db
    .select({ link: nominationAttachments, file: attachments })
    .from(nominationAttachments)
    .innerJoin(attachments, eq(attachments.id, nominationAttachments.attachmentId))
    .where(eq(nominationAttachments.nominationId, nominationId))
    .orderBy(asc(nominationAttachments.createdAt), asc(nominationAttachments.fileName), asc(nominationAttachments.id));
}

const present = (row: Awaited<ReturnType<typeof filesOf>>[number]): NominationAttachment => ({
  id: row.link.attachmentId,
  fileName: row.link.fileName,
  mediaType: row.file.mediaType,
  sizeBytes: row.file.sizeBytes,
  uploadedAt: row.link.createdAt,
  url: fileUrl(row.link.nominationId, row.link.attachmentId),
});

/** The dossier's files (achievement report, minutes of the unit's review, certificates), for those who read the dossier. */
export async function nominationFiles(ctx: ServiceContext, nominationId: string): Promise<NominationAttachment[]> {
  return (await filesOf(ctx, nominationId)).map(present);
}

export async function listNominationAttachments(ctx: ServiceContext, nominationId: string) {
  const row = await loadNomination(ctx, nominationId);
  await requireReader(ctx, row);
  return { items: await nominationFiles(ctx, nominationId) };
}

/** Only the nominating unit's officers change the files, and only while the dossier can be edited. */
async function requireFileEditor(ctx: ServiceContext, row: NominationRow): Promise<void> {
  const roles = await requireReader(ctx, row);
  if (!roles.includes('unit_officer')) {
    throw new AppError(
      'FORBIDDEN',
      {
        vi: 'Chỉ cán bộ của đơn vị đề nghị mới thêm hoặc xóa tệp của hồ sơ',
        en: 'Only an officer of the nominating unit may add or remove the dossier’s files',
      },
      { reason: 'NOT_UNIT_OFFICER' },
    );
  }
  if (!editableStates.includes(row.state)) {
    throw conflict(
      {
        vi: `Đề nghị ở trạng thái “${stateName(row.state).vi}”: chỉ thêm hoặc xóa tệp khi là bản nháp hoặc được trả lại`,
        en: `The nomination is “${stateName(row.state).en}”: files can be added or removed only in a draft or when returned`,
      },
      { reason: 'NOT_EDITABLE', state: row.state },
    );
  }
}

/** An officer attaches a file to their unit's nomination; permission, state and count before a byte is stored. */
export async function uploadNominationAttachment(
  ctx: ServiceContext,
  storage: StorageDriver,
  nominationId: string,
  file: IncomingFile,
): Promise<NominationAttachment> {
  requireUserId(ctx);
  return inUploadTransaction(ctx, storage, async (tx, save) => {
    const row = await loadNomination(tx, nominationId, true);
    await requireFileEditor(tx, row);
    const [held] = await tx.db
      .select({ n: count() })
      .from(nominationAttachments)
      .where(eq(nominationAttachments.nominationId, nominationId));
    if ((held?.n ?? 0) >= commendationLimits.attachmentsMax) {
      throw conflict(
        {
          vi: `Mỗi hồ sơ có tối đa ${commendationLimits.attachmentsMax} tệp; hãy xóa bớt trước khi thêm`,
          en: `A dossier holds at most ${commendationLimits.attachmentsMax} files; remove one first`,
        },
        { reason: 'TOO_MANY_ATTACHMENTS', max: commendationLimits.attachmentsMax },
      );
    }
    const saved = await save(file, { entityType: nominationAttachmentType, entityId: nominationId, isPublic: false });
    const now = tx.clock.now().toISOString();
    const [link] = await tx.db
      .insert(nominationAttachments)
      .values({ nominationId, attachmentId: saved.id, fileName: saved.fileName, createdAt: now, updatedAt: now })
      .returning();
    await recordAudit(tx, {
      action: 'commendation.nominations.attachment.upload',
      entityType: 'nomination',
      entityId: nominationId,
      after: {
        attachmentId: saved.id,
        fileName: saved.fileName,
        mediaType: saved.mediaType,
        sizeBytes: saved.sizeBytes,
        sha256: saved.sha256,
      },
    });
    return present({ link: link!, file: saved });
  });
}

export async function deleteNominationAttachment(
  ctx: ServiceContext,
  storage: StorageDriver,
  nominationId: string,
  attachmentId: string,
): Promise<void> {
  requireUserId(ctx);
  const storageKey = await inTransaction(ctx, async (tx) => {
    const row = await loadNomination(tx, nominationId, true);
    await requireFileEditor(tx, row);
    const [file] = (await filesOf(tx, nominationId)).filter((f) => f.link.attachmentId === attachmentId);
    if (!file) throw notFound(attachmentWord, attachmentId);
    await tx.db.delete(nominationAttachments).where(eq(nominationAttachments.id, file.link.id));
    await tx.db.delete(attachments).where(eq(attachments.id, attachmentId));
    await recordAudit(tx, {
      action: 'commendation.nominations.attachment.delete',
      entityType: 'nomination',
      entityId: nominationId,
      before: { attachmentId, fileName: file.link.fileName, sha256: file.file.sha256 },
    });
    return file.file.storageKey;
  });
  await storage.remove(storageKey);
}

/** Opens a dossier file for those who read the dossier; anyone else gets 404. */
export async function openNominationAttachment(ctx: ServiceContext, storage: StorageDriver, nominationId: string, attachmentId: string) {
  const row = await loadNomination(ctx, nominationId);
  await requireReader(ctx, row);
  const [file] = (await filesOf(ctx, nominationId)).filter((f) => f.link.attachmentId === attachmentId);
  if (!file) throw notFound(attachmentWord, attachmentId);
  return {
    fileName: file.link.fileName,
    mediaType: file.file.mediaType,
    sizeBytes: file.file.sizeBytes,
    stream: storage.read(file.file.storageKey),
  };
}
