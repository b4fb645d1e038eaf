import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

const dirs: string[] = [];
const dataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'doimoi-config-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('AUDIT_KEY, the key the audit seals are made with', () => {
  it('is required in production, like SESSION_SECRET', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(32), DATA_DIR: dataDir() })).toThrow(
      'Invalid setting AUDIT_KEY: required in production, expected at least 32 characters',
    );
    expect(
      loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(32), AUDIT_KEY: 'k'.repeat(32), DATA_DIR: dataDir() }).auditKey,
    ).toBe('k'.repeat(32));
  });

  it('is generated once into DATA_DIR when unset outside production, readable only by its owner, and kept across restarts', () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir });
    expect(first.auditKey).toHaveLength(43);
    expect(first.auditKey).not.toBe(first.sessionSecret);
    expect(readFileSync(join(dir, 'audit-key'), 'utf8')).toBe(first.auditKey);
    expect(statSync(join(dir, 'audit-key')).mode & 0o777).toBe(0o600);
    expect(loadConfig({ DATA_DIR: dir }).auditKey).toBe(first.auditKey);
  });

  it('names a key that is too short without repeating it', () => {
    expect(() => loadConfig({ AUDIT_KEY: 'short-but-secret', DATA_DIR: dataDir() })).toThrow(
      /^Invalid setting AUDIT_KEY: expected at least 32 characters$/,
    );
    expect(() => loadConfig({ SESSION_SECRET: 'short-but-secret', DATA_DIR: dataDir() })).toThrow(
      /^Invalid setting SESSION_SECRET: expected at least 32 characters$/,
    );
  });
});
