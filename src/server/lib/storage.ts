import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { eq } from 'drizzle-orm';
import { attachments } from '../db/platform-schema.js';
import type { ServiceContext } from './context.js';
import { notFound, unauthenticated } from './errors.js';
import { inTransaction } from './tx.js';
import { inspectFile, type IncomingFile } from './uploads.js';

/** Where attachment bytes live; keys are random, never derived from names or ids. */
export interface StorageDriver {
  /** Stores the whole stream under `key`, or nothing: a failed write leaves no object. */
  write(key: string, source: Readable): Promise<void>;
  read(key: string): Readable;
  remove(key: string): Promise<void>;
  /** Removes what writes cut short by a crash left behind; called once when the app starts. Returns how many. */
  removeLeftoverPartials(): Promise<number>;
}

/** The suffix of a file still being written; renamed away once it is whole and on disk. */
export const partialSuffix = '.partial';

/**
 * Files under DATA_DIR/files/<2 hex>/<2 hex>/<uuid>, written as `<uuid>.partial` and renamed when
 * complete. The directory belongs to one process: at start it removes every partial file, which
 * only a write cut short (kill, power loss) can leave. Several processes keep files in S3.
 */
export class LocalStorageDriver implements StorageDriver {
  constructor(private readonly root: string) {}
  private pathOf(key: string): string {
    if (!/^[0-9a-f-]{36}$/.test(key)) throw new Error(`invalid storage key ${key}`);
    return join(this.root, key.slice(0, 2), key.slice(2, 4), key);
  }
  async write(key: string, source: Readable): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    const partial = `${path}${partialSuffix}`;
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
  async removeLeftoverPartials(): Promise<number> {
    let entries;
    try {
      entries = await readdir(this.root, { recursive: true, withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw error;
    }
    const leftovers = entries.filter((entry) => entry.isFile() && entry.name.endsWith(partialSuffix));
    for (const entry of leftovers) await rm(join(entry.parentPath, entry.name), { force: true });
    return leftovers.length;
  }
}

export type AttachmentPlacement = { entityType: string | null; entityId: string | null; isPublic: boolean };

export type AttachmentRow = typeof attachments.$inferSelect;

/**
 * Streams an upload to storage while hashing it, after its type was judged from its first bytes
 * (the size limit is the upload stream's own), and records it. Nothing is kept when the file is
 * refused. Modules call it through `inUploadTransaction`, which also removes the bytes when the
 * transaction that records them does not commit.
 */
async function saveAttachment(ctx: ServiceContext, storage: StorageDriver, file: IncomingFile, placement: AttachmentPlacement): Promise<AttachmentRow> {
  const inspected = await inspectFile(file);
  const key = randomUUID();
  const hash = createHash('sha256');
  let size = 0;
  // A generator, not stream.pipe: its error reaches storage.write and destroys the upload stream.
  async function* hashed(source: Readable): AsyncGenerator<Buffer> {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      size += chunk.length;
      hash.update(chunk);
      yield chunk;
    }
  }
  await storage.write(key, Readable.from(hashed(inspected.stream)));
  const [row] = await ctx.db
    .insert(attachments)
    .values({
      storageKey: key,
      fileName: inspected.fileName,
      mediaType: inspected.mediaType,
      sizeBytes: size,
      sha256: hash.digest('hex'),
      ...placement,
      createdBy: ctx.actor?.userId ?? null,
    })
    .returning();
  return row!;
}

/**
 * Runs `work` in one transaction with `save`, which stores an upload and records it as an
 * attachment. Stored bytes whose transaction does not commit (a later check or the audit row
 * failed) are removed again, so a refused upload leaves neither a row nor a file.
 */
export async function inUploadTransaction<T>(
  ctx: ServiceContext,
  storage: StorageDriver,
  work: (tx: ServiceContext, save: (file: IncomingFile, placement: AttachmentPlacement) => Promise<AttachmentRow>) => Promise<T>,
): Promise<T> {
  const stored: string[] = [];
  try {
    return await inTransaction(ctx, (tx) =>
      work(tx, async (file, placement) => {
        const row = await saveAttachment(tx, storage, file, placement);
        stored.push(row.storageKey);
        return row;
      }),
    );
  } catch (error) {
    // Best effort: the refusal the caller gets matters more than a file the next sweep can find.
    for (const key of stored) await storage.remove(key).catch(() => undefined);
    throw error;
  }
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
