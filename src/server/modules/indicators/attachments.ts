import { eq } from 'drizzle-orm';
import { attachments } from '../../db/platform-schema.js';
import { recordAudit } from '../../lib/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, forbidden, notFound } from '../../lib/errors.js';
import { inUploadTransaction, openAttachment, type StorageDriver } from '../../lib/storage.js';
import type { IncomingFile } from '../../lib/uploads.js';
import { isReporterOf } from './observations.js';
import { isProgrammeManager } from './policy.js';
import { indicators } from './schema.js';

const entityType = 'indicator';

/**
 * An officer of the responsible unit uploads a supporting document for a value (the report, the
 * statistics table); it is checked by content and size, kept private, and named in the value they send.
 */
export async function uploadEvidence(
  ctx: ServiceContext,
  storage: StorageDriver,
  indicatorId: string,
  file: IncomingFile,
): Promise<{ id: string; fileName: string; mediaType: string; sizeBytes: number }> {
  const [indicator] = await ctx.db.select().from(indicators).where(eq(indicators.id, indicatorId));
  if (!indicator) throw notFound({ vi: 'Chỉ tiêu', en: 'Indicator' }, indicatorId);
  if (!(await isReporterOf(ctx, indicator))) throw forbidden({ reason: 'not-responsible-unit' });
  return inUploadTransaction(ctx, storage, async (tx, save) => {
    const row = await save(file, { entityType, entityId: indicatorId, isPublic: false });
    await recordAudit(tx, { action: 'indicators.evidence.upload', entityType: 'attachment', entityId: row.id, after: { indicator: indicator.code, fileName: row.fileName, sha256: row.sha256 } });
    return { id: row.id, fileName: row.fileName, mediaType: row.mediaType, sizeBytes: row.sizeBytes };
  });
}

/** The attachment named in a value must be one the same person uploaded for the same indicator. */
export async function checkEvidence(ctx: ServiceContext, indicatorId: string, attachmentId: string): Promise<void> {
  const [row] = await ctx.db.select().from(attachments).where(eq(attachments.id, attachmentId));
  if (!row || row.entityType !== entityType || row.entityId !== indicatorId || row.createdBy !== ctx.actor?.userId) {
    const message = { vi: `Tệp đính kèm '${attachmentId}' không thuộc chỉ tiêu này`, en: `Attachment '${attachmentId}' does not belong to this indicator` };
    throw new AppError('VALIDATION', message, [{ path: 'body.attachmentId', code: 'reference', message }]);
  }
}

/** Officers of the responsible unit and programme managers download the evidence of an indicator's values. */
export async function downloadEvidence(ctx: ServiceContext, storage: StorageDriver, attachmentId: string) {
  return openAttachment(ctx, storage, attachmentId, async (attachment) => {
    if (attachment.entityType !== entityType || !attachment.entityId) return false;
    if (isProgrammeManager(ctx.actor)) return true;
    const [indicator] = await ctx.db.select().from(indicators).where(eq(indicators.id, attachment.entityId));
    return indicator ? isReporterOf(ctx, indicator) : false;
  });
}
