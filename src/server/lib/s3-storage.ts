import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { PassThrough, Readable } from 'node:stream';
import type { StorageDriver } from './storage.js';

export type S3Settings = {
  endpoint: string | undefined;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** MinIO, Ceph and most S3-compatible servers want `/<bucket>/<key>` rather than a bucket host name. */
  forcePathStyle: boolean;
};

/**
 * Attachment bytes in an S3-compatible bucket (AWS S3, MinIO, Ceph, Viettel or VNPT object storage).
 * Uploads are size-limited before they get here, so a file is buffered and sent with its length;
 * S3 makes an object visible only once the PUT has completed, so no partial file is ever read.
 */
export class S3StorageDriver implements StorageDriver {
  private readonly client: S3Client;

  constructor(private readonly settings: S3Settings) {
    this.client = new S3Client({
      region: settings.region,
      endpoint: settings.endpoint,
      forcePathStyle: settings.forcePathStyle,
      credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    });
  }

  private objectKey(key: string): string {
    if (!/^[0-9a-f-]{36}$/.test(key)) throw new Error(`invalid storage key ${key}`);
    return `attachments/${key.slice(0, 2)}/${key}`;
  }

  async write(key: string, source: Readable): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of source as AsyncIterable<Buffer>) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    await this.client.send(new PutObjectCommand({ Bucket: this.settings.bucket, Key: this.objectKey(key), Body: body, ContentLength: body.length }));
  }

  read(key: string): Readable {
    // The interface hands back a stream at once; the object's body is piped in when S3 answers.
    const out = new PassThrough();
    this.client
      .send(new GetObjectCommand({ Bucket: this.settings.bucket, Key: this.objectKey(key) }))
      .then((response) => {
        const body = response.Body;
        if (!(body instanceof Readable)) throw new Error('S3 returned no body');
        body.on('error', (error) => out.destroy(error));
        body.pipe(out);
      })
      .catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
    return out;
  }

  async remove(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: this.objectKey(key) }));
  }

  /**
   * Nothing to remove: a file is sent whole in one PutObject from memory and never as a multipart
   * upload, so a crash leaves either a complete object or none, and no upload parts to abort.
   */
  async removeLeftoverPartials(): Promise<number> {
    return 0;
  }

  close(): void {
    this.client.destroy();
  }
}
