import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { eq } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import { attachments } from '../db/platform-schema.js';
import type { ServiceContext } from './context.js';
import { AppError, notFound, unauthenticated } from './errors.js';

/** Where attachment bytes live; keys are random, never derived from names or ids. */
export interface StorageDriver {
  write(key: string, source: Readable): Promise<void>;
  read(key: string): Readable;
  remove(key: string): Promise<void>;
}

/** Files under DATA_DIR/files/<2 hex>/<2 hex>/<uuid>. */
export class LocalStorageDriver implements StorageDriver {
  constructor(private readonly root: string) {}
  private pathOf(key: string): string {
    if (!/^[0-9a-f-]{36}$/.test(key)) throw new Error(`invalid storage key ${key}`);
    return join(this.root, key.slice(0, 2), key.slice(2, 4), key);
  }
  async write(key: string, source: Readable): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    const partial = `${path}.partial`;
    const out = createWriteStream(partial, { flags: 'wx', mode: 0o600 });
    try {
      await pipeline(source, out);
      // Durable before the database row that points at it is committed.
      const handle = await open(partial, 'r');
      await handle.sync();
      await handle.close();
      await rename(partial, path);
    } catch (error) {
      // The file is opened asynchronously: wait until the destroyed stream has closed it, or the
      // open could land after the removal and leave a stray partial file behind. Not events.once:
      // it rejects on the stream's 'error', which is this same error.
      if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()));
      await rm(partial, { force: true });
      throw error;
    }
  }
  read(key: string): Readable {
    return createReadStream(this.pathOf(key));
  }
  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}

/** Types accepted, judged by content; text types have no magic bytes and are checked as UTF-8 text. */
export const allowedMediaTypes = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/webp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'text/plain',
  'text/csv',
]);

const sniffBytes = 64 * 1024;

async function detectMediaType(head: Buffer, fileName: string): Promise<string | null> {
  const detected = await fileTypeFromBuffer(head);
  if (detected) return detected.mime;
  // No magic number: accept only clean UTF-8 text without control characters.
  if (head.includes(0)) return null;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.length === sniffBytes ? head.subarray(0, head.length - 4) : head);
  } catch {
    return null;
  }
  return fileName.toLowerCase().endsWith('.csv') ? 'text/csv' : 'text/plain';
}

export type SaveAttachmentInput = {
  fileName: string;
  stream: Readable;
  entityType: string | null;
  entityId: string | null;
  isPublic: boolean;
  maxBytes: number;
};

const sizeLabel = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.floor(bytes / 1024 / 1024)} MB` : `${Math.ceil(bytes / 1024)} KB`);

const tooLarge = (maxBytes: number) =>
  new AppError('PAYLOAD_TOO_LARGE', {
    vi: `Tệp vượt quá dung lượng cho phép (${sizeLabel(maxBytes)})`,
    en: `The file is larger than allowed (${sizeLabel(maxBytes)})`,
  });

/**
 * Streams an upload to storage while counting and hashing it, checks its type from its first bytes,
 * and records it. Nothing is kept when the file is refused.
 */
export async function saveAttachment(ctx: ServiceContext, storage: StorageDriver, input: SaveAttachmentInput) {
  const key = randomUUID();
  const hash = createHash('sha256');
  let size = 0;
  const chunks: Buffer[] = [];
  let headLength = 0;
  // A generator, not stream.pipe: its error reaches storage.write and destroys the upload stream.
  async function* metered(source: Readable): AsyncGenerator<Buffer> {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > input.maxBytes) throw tooLarge(input.maxBytes);
      hash.update(chunk);
      if (headLength < sniffBytes) {
        chunks.push(chunk);
        headLength += chunk.length;
      }
      yield chunk;
    }
  }
  await storage.write(key, Readable.from(metered(input.stream)));
  const mediaType = await detectMediaType(Buffer.concat(chunks).subarray(0, sniffBytes), input.fileName);
  if (!mediaType || !allowedMediaTypes.has(mediaType)) {
    await storage.remove(key);
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      {
        vi: `Loại tệp '${input.fileName}' không được chấp nhận (phát hiện: ${mediaType ?? 'không xác định'}); chấp nhận PDF, ảnh, Word, Excel, PowerPoint, OpenDocument, CSV, văn bản`,
        en: `File type of '${input.fileName}' is not accepted (detected: ${mediaType ?? 'unknown'}); accepted: PDF, images, Word, Excel, PowerPoint, OpenDocument, CSV, text`,
      },
      { detected: mediaType },
    );
  }
  const [row] = await ctx.db
    .insert(attachments)
    .values({
      storageKey: key,
      fileName: input.fileName.slice(0, 255),
      mediaType,
      sizeBytes: size,
      sha256: hash.digest('hex'),
      entityType: input.entityType,
      entityId: input.entityId,
      isPublic: input.isPublic,
      createdBy: ctx.actor?.userId ?? null,
    })
    .returning();
  return row!;
}

/**
 * Opens an attachment for download after the permission check: public ones for anyone, others
 * only when `canRead` (supplied by the owning module) says so.
 */
export async function openAttachment(
  ctx: ServiceContext,
  storage: StorageDriver,
  id: string,
  canRead: (attachment: typeof attachments.$inferSelect) => boolean | Promise<boolean>,
) {
  const [row] = await ctx.db.select().from(attachments).where(eq(attachments.id, id));
  if (!row) throw notFound({ vi: 'Tệp đính kèm', en: 'Attachment' }, id);
  if (!row.isPublic) {
    if (ctx.actor === null) throw unauthenticated();
    if (!(await canRead(row))) throw notFound({ vi: 'Tệp đính kèm', en: 'Attachment' }, id);
  }
  return { attachment: row, stream: storage.read(row.storageKey) };
}
