import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../tests/support/app.js';
import type { TestDatabase } from '../../../tests/support/engines.js';
import { loadConfig } from '../config.js';
import { ManualClock } from './clock.js';
import { systemContext, type ServiceContext } from './context.js';
import { S3StorageDriver } from './s3-storage.js';
import { documentTypes } from './media-types.js';
import { inUploadTransaction, openAttachment } from './storage.js';

// A real S3-compatible server (s3rver, which checks request signatures) on a loopback port.
let server: S3rver;
let directory: string;
let storage: S3StorageDriver;
let t: TestDatabase;
let ctx: ServiceContext;
const bucket = 'doimoi-attachments';

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'doimoi-s3-'));
  server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: directory,
    STORAGE_DRIVER: 's3',
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_BUCKET: bucket,
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
  });
  storage = new S3StorageDriver(config.s3!);
  t = await useTestDatabase('empty');
  ctx = systemContext(t.database.db, new ManualClock());
});
afterAll(async () => {
  storage.close();
  await server.close();
  await t.dispose();
  rmSync(directory, { recursive: true, force: true });
});

/** Objects as the server keeps them on its disk, independent of our client. */
const storedObjects = () =>
  readdirSync(join(directory, bucket), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('._S3rver_object'))
    .map((entry) => entry.name);

const save = (bytes: Buffer, fileName: string, maxBytes = 1024 * 1024) =>
  inUploadTransaction(ctx, storage, (_tx, store) => store({ fileName, stream: Readable.from([bytes]), maxBytes, accept: documentTypes }, { entityType: 'test', entityId: 'x', isPublic: true }));

describe('attachments in S3-compatible storage', () => {
  it('stores a file, reads it back byte for byte, and removes it', async () => {
    const body = 'Báo cáo tiến độ quý III: hoàn thành 100 %\n';
    const saved = await save(Buffer.from(body), 'bao-cao.txt');
    expect(saved.mediaType).toBe('text/plain');
    expect(storedObjects()).toHaveLength(1);
    const opened = await openAttachment(ctx, storage, saved.id, () => false);
    expect(await text(opened.stream)).toBe(body);
    await storage.remove(saved.storageKey);
    expect(storedObjects()).toHaveLength(0);
  });

  it('keeps nothing in the bucket when the content is refused', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]);
    await expect(save(exe, 'hinh.pdf')).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(storedObjects()).toHaveLength(0);
  });

  it('keeps nothing in the bucket when the file is over the size limit, and has no partial uploads to remove', async () => {
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(5000, 0x20)]);
    await expect(save(big, 'lon.pdf', 4096)).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(storedObjects()).toHaveLength(0);
    expect(await storage.removeLeftoverPartials()).toBe(0);
  });

  it('reports a missing object as a stream error, not a crash', async () => {
    const stream = storage.read('00000000-0000-4000-8000-000000000000');
    await expect(text(stream)).rejects.toThrow();
  });

  it('refuses to start without the bucket settings, naming the missing one', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', DATA_DIR: directory, STORAGE_DRIVER: 's3', S3_BUCKET: bucket })).toThrow(
      'Invalid setting S3_ACCESS_KEY_ID: required when STORAGE_DRIVER=s3',
    );
  });
});
