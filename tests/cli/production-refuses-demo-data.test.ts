import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/processes.js';

const dataDir = mkdtempSync(join(tmpdir(), 'doimoi-production-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const production = { NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(40), AUDIT_KEY: 'a'.repeat(40), DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' };
const lines = (text: string) => text.split('\n').filter((line) => line.trim() !== '');

describe('doimoi with NODE_ENV=production', () => {
  it.each([
    [['serve', '--seed-demo'], '--seed-demo'],
    [['seed', '--demo'], 'seed --demo'],
  ])('refuses `%s` with one line and exit code 78, before touching the database', async (args, option) => {
    const result = await runCli(args, production);
    expect(result.code).toBe(78);
    expect(lines(result.stderr)).toEqual([
      `doimoi: ${option} refused with NODE_ENV=production: the demo accounts share a published password; load real data instead`,
    ]);
    expect(result.stdout).toBe('');
    expect(readdirSync(dataDir)).toEqual([]);
  });
});
