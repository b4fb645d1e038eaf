import { and, asc, eq } from 'drizzle-orm';
import { attachments } from '../../db/platform-schema.js';
import { recordAudit } from '../../lib/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, notFound } from '../../lib/errors.js';
import { inUploadTransaction, type StorageDriver } from '../../lib/storage.js';
import type { IncomingFile } from '../../lib/uploads.js';
import { isOwner, loadOrganisation, requireKeeper } from './access.js';
import { hasPendingClaim } from './claims.js';
import { isEcosystemStaff } from './policy.js';
import { fileUrl } from './presenter.js';
import { ecoOrganisationFiles, ecoOrganisations } from './schema.js';

const fileWord = { vi: 'Tệp', en: 'File' };
const imageTypes: readonly string[] = ['image/png', 'image/jpeg', 'image/webp'];

/**
 * The keeper uploads the logo (an image, judged by content) or evidence for verification (a
 * certificate: PDF or image). A new logo replaces the old one; evidence is seen only by staff, the keeper and whoever sent it.
 */
export async function uploadOrganisationFile(
  ctx: ServiceContext,
  storage: StorageDriver,
  organisationId: string,
  file: IncomingFile,
  purpose: 'logo' | 'evidence',
) {
  return inUploadTransaction(ctx, storage, async (tx, save) => {
    const org = await loadOrganisation(tx, organisationId, true);
    // Someone claiming the profile by document sends their proof here too.
    const isClaimant = purpose === 'evidence' && tx.actor !== null && (await hasPendingClaim(tx, organisationId, tx.actor.userId));
    if (!isClaimant) requireKeeper(tx, org);
    const saved = await save(file, { entityType: 'eco_organisation', entityId: organisationId, isPublic: purpose === 'logo' });
    if (purpose === 'logo' && !imageTypes.includes(saved.mediaType)) {
      throw new AppError(
        'UNSUPPORTED_MEDIA_TYPE',
        {
          vi: `Biểu trưng phải là ảnh PNG, JPEG hoặc WebP (tệp gửi là ${saved.mediaType})`,
          en: `A logo must be a PNG, JPEG or WebP image (the file sent is ${saved.mediaType})`,
        },
        { detected: saved.mediaType },
      );
    }
    await tx.db
      .insert(ecoOrganisationFiles)
      .values({ organisationId, attachmentId: saved.id, purpose, createdAt: tx.clock.now().toISOString() });
    if (purpose === 'logo')
      await tx.db
        .update(ecoOrganisations)
        .set({ logoAttachmentId: saved.id, updatedAt: tx.clock.now().toISOString() })
        .where(eq(ecoOrganisations.id, organisationId));
    await recordAudit(tx, {
      action: `ecosystem.organisation.${purpose}.upload`,
      entityType: 'eco_organisation',
      entityId: organisationId,
      after: { [purpose]: saved.fileName, sha256: saved.sha256, mediaType: saved.mediaType, sizeBytes: saved.sizeBytes },
    });
    return {
      id: saved.id,
      fileName: saved.fileName,
      mediaType: saved.mediaType,
      sizeBytes: saved.sizeBytes,
      purpose,
      url: fileUrl(organisationId, saved.id),
    };
  });
}

/** Evidence files of an organisation, for the staff queue and the keeper. */
export async function evidenceOf(ctx: ServiceContext, organisationId: string) {
  const rows = await ctx.db
    .select({ id: attachments.id, fileName: attachments.fileName, uploadedAt: ecoOrganisationFiles.createdAt })
    .from(ecoOrganisationFiles)
    .innerJoin(attachments, eq(attachments.id, ecoOrganisationFiles.attachmentId))
    .where(and(eq(ecoOrganisationFiles.organisationId, organisationId), eq(ecoOrganisationFiles.purpose, 'evidence')))
    .orderBy(asc(ecoOrganisationFiles.createdAt), asc(attachments.id));
  return rows.map((r) => ({ ...r, url: fileUrl(organisationId, r.id) }));
}

/** Opens a file: a logo for anyone; evidence only for the keeper and staff (404 to others, so they do not learn it exists). */
export async function openOrganisationFile(ctx: ServiceContext, storage: StorageDriver, organisationId: string, attachmentId: string) {
  const [row] = await ctx.db
    .select({ link: ecoOrganisationFiles, file: attachments })
    .from(ecoOrganisationFiles)
    .innerJoin(attachments, eq(attachments.id, ecoOrganisationFiles.attachmentId))
    .where(and(eq(ecoOrganisationFiles.organisationId, organisationId), eq(ecoOrganisationFiles.attachmentId, attachmentId)));
  if (!row) throw notFound(fileWord, attachmentId);
  if (row.link.purpose === 'evidence') {
    const org = await loadOrganisation(ctx, organisationId);
    const isUploader = ctx.actor !== null && row.file.createdBy === ctx.actor.userId;
    if (!isOwner(ctx, org) && !isUploader && !isEcosystemStaff(ctx.actor)) throw notFound(fileWord, attachmentId);
  }
  return {
    fileName: row.file.fileName,
    mediaType: row.file.mediaType,
    sizeBytes: row.file.sizeBytes,
    stream: storage.read(row.file.storageKey),
  };
}
