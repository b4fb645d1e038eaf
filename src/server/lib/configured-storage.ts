import { join } from 'node:path';
import type { AppConfig } from '../config.js';
import { S3StorageDriver } from './s3-storage.js';
import { LocalStorageDriver, type StorageDriver } from './storage.js';

/** The storage the configuration names: S3 when set, else files under DATA_DIR/files. */
export function configuredStorage(config: Pick<AppConfig, 's3' | 'dataDir'>): StorageDriver {
  return config.s3 ? new S3StorageDriver(config.s3) : new LocalStorageDriver(join(config.dataDir, 'files'));
}
