import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../tests/support/app.js';
import type { TestDatabase } from '../../../tests/support/engines.js';
import { ManualClock } from './clock.js';
import { systemContext, type ServiceContext } from './context.js';
import { eq } from 'drizzle-orm';
import { attachments } from '../db/platform-schema.js';
import { AppError } from './errors.js';
import { documentTypes } from './media-types.js';
import { inUploadTransaction, LocalStorageDriver, openAttachment } from './storage.js';

let t: TestDatabase;
let storage: LocalStorageDriver;
let root: string;
let ctx: ServiceContext;
beforeAll(async () => {
  t = await useTestDatabase('empty');
  root = join(t.dataDir, 'files');
  storage = new LocalStorageDriver(root);
  ctx = systemContext(t.database.db, new ManualClock());
});
afterAll(() => t.dispose());

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]);

const filesOnDisk = (): string[] => {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
};

const save = (bytes: Buffer, fileName: string, options: { isPublic?: boolean; maxBytes?: number } = {}) =>
  inUploadTransaction(ctx, storage, (_tx, store) =>
    store({ fileName, stream: Readable.from([bytes]), maxBytes: options.maxBytes ?? 1024 * 1024, accept: documentTypes }, { entityType: 'test', entityId: 'x', isPublic: options.isPublic ?? true }),
  );

describe('attachment storage', () => {
  it('stores a PDF and a PNG with the type read from their content, size and hash', async () => {
    const a = await save(pdf, 'bao-cao.pdf');
    expect(a).toMatchObject({ mediaType: 'application/pdf', sizeBytes: pdf.length, fileName: 'bao-cao.pdf' });
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    const b = await save(png, 'anh-chup.jpg'); // wrong extension: the content decides, name included
    expect(b).toMatchObject({ mediaType: 'image/png', fileName: 'anh-chup.png' });
    expect(a.storageKey).not.toContain('bao-cao');
  });

  it('accepts UTF-8 text as CSV or plain text', async () => {
    const csv = await save(Buffer.from('mã,tên\n1,Phường Thủ Dầu Một\n'), 'don-vi.csv');
    expect(csv.mediaType).toBe('text/csv');
  });

  it('refuses an executable named .pdf and keeps nothing', async () => {
    const before = filesOnDisk().length;
    const error = await save(exe, 'hop-dong.pdf').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect((error as AppError).localized.vi).toContain("Loại tệp 'hop-dong.pdf' không được chấp nhận");
    expect(filesOnDisk().length).toBe(before);
  });

  it('refuses a file over the size limit while streaming, and keeps nothing', async () => {
    const before = filesOnDisk().length;
    const big = Buffer.concat([pdf, Buffer.alloc(5000, 32)]);
    const error = await save(big, 'lon.pdf', { maxBytes: 4096 }).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('PAYLOAD_TOO_LARGE');
    expect(filesOnDisk().length).toBe(before);
  });

  it('removes the stored bytes when the transaction that records them does not commit', async () => {
    const before = filesOnDisk().length;
    let storedId = '';
    const failure = new Error('audit row failed');
    const outcome = await inUploadTransaction(ctx, storage, async (_tx, store) => {
      storedId = (await store({ fileName: 'x.pdf', stream: Readable.from([pdf]), maxBytes: 4096, accept: documentTypes }, { entityType: 'test', entityId: 'x', isPublic: false })).id;
      expect(filesOnDisk().length).toBe(before + 1);
      throw failure;
    }).catch((e: unknown) => e);
    expect(outcome).toBe(failure);
    expect(filesOnDisk().length).toBe(before);
    expect(await ctx.db.select().from(attachments).where(eq(attachments.id, storedId))).toHaveLength(0);
  });

  it('removes partial files a crash left behind and keeps whole ones', async () => {
    const whole = await save(pdf, 'giu-lai.pdf');
    const dir = join(root, 'ab', 'cd');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'abcd0000-0000-4000-8000-000000000000.partial'), 'cut short');
    writeFileSync(join(root, 'abcd0000-0000-4000-8000-000000000001.partial'), 'cut short');
    expect(await storage.removeLeftoverPartials()).toBe(2);
    expect(filesOnDisk().filter((name) => name.endsWith('.partial'))).toEqual([]);
    expect(filesOnDisk()).toContain(whole.storageKey);
    expect(await new LocalStorageDriver(join(t.dataDir, 'nowhere')).removeLeftoverPartials()).toBe(0);
  });

  it('serves a public file to anyone and a restricted one only to an allowed, signed-in reader', async () => {
    const open = await save(pdf, 'cong-khai.pdf', { isPublic: true });
    const closed = await save(pdf, 'noi-bo.pdf', { isPublic: false });
    const { stream } = await openAttachment(ctx, storage, open.id, () => false);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(pdf)).toBe(true);
    await expect(openAttachment(ctx, storage, closed.id, () => true)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const reader: ServiceContext = { ...ctx, actor: { userId: 'u', displayName: 'U', grants: [], hasSecondFactor: false } };
    await expect(openAttachment(reader, storage, closed.id, () => false)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(openAttachment(reader, storage, closed.id, () => true)).resolves.toMatchObject({ attachment: { id: closed.id } });
  });
});
