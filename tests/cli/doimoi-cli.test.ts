import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabaseLocation } from '../support/app.js';
import type { DatabaseLocation } from '../support/engines.js';
import { exited, runCli, spawnCli, waitForLine } from '../support/processes.js';


let location: DatabaseLocation;
beforeAll(async () => {
  location = await createTestDatabaseLocation('demo');
});
afterAll(() => location.remove());

const lines = (text: string) => text.split('\n').filter((line) => line.trim() !== '');

describe('doimoi CLI', () => {
  it('stops with one clear line when a setting is wrong', async () => {
    const result = await runCli(['serve'], { ...location.env, PORT: 'abc' });
    expect(result.code).toBe(78);
    expect(lines(result.stderr)).toEqual(['doimoi: Invalid setting PORT: expected an integer port between 0 and 65535 (got "abc")']);
  });

  it('stops with one clear line when DATABASE_URL cannot be reached', async () => {
    const result = await runCli(['serve'], { DATA_DIR: location.dataDir, DATABASE_URL: 'postgres://doimoi:secret@127.0.0.1:9/doimoi' });
    expect(result.code).toBe(69);
    const output = lines(result.stderr);
    expect(output).toHaveLength(1);
    expect(output[0]).toMatch(/^doimoi: database unavailable: cannot connect to DATABASE_URL: ECONNREFUSED/);
    expect(output[0]).not.toContain('secret');
  });

  it('prints help for every command', { timeout: 180_000 }, async () => {
    for (const command of [
      [],
      ['serve'],
      ['migrate'],
      ['seed'],
      ['user', 'create'],
      ['backup'],
      ['restore'],
      ['jobs'],
      ['audit', 'verify'],
      ['audit', 'seal'],
    ]) {
      const result = await runCli([...command, '--help'], {});
      expect(result.code, command.join(' ')).toBe(0);
      expect(result.stdout).toMatch(/^Usage: doimoi/);
    }
  });

  it('refuses an unknown command with a usage error', async () => {
    const result = await runCli(['frobnicate'], {});
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("unknown command 'frobnicate'");
  });

  // Six runs of the command, each opening the database.
  it(
    'creates an administrator, seals the audit log and keeps it verifiable; a row edited in SQL is reported',
    { timeout: 300_000 },
    async () => {
      const created = await runCli(['user', 'create', '--admin', '--email', 'admin@hcm.gov.vn', '--name', 'Quản trị', '--password-stdin'],
        location.env,
        'mat-khau-rat-dai-123\n',
      );
      expect(created.stderr).toBe('');
      expect(created.code).toBe(0);
      expect(created.stdout).toMatch(/created user admin@hcm\.gov\.vn .* with administrator role/);
      const duplicate = await runCli(['user', 'create', '--email', 'ADMIN@hcm.gov.vn', '--password-stdin'],
        location.env,
        'mat-khau-rat-dai-123\n',
      );
      expect(duplicate.code).toBe(1);
      expect(duplicate.stderr).toContain("E-mail 'ADMIN@hcm.gov.vn' is already in use");

      const sealed = await runCli(['audit', 'seal'], location.env);
      expect(sealed.code).toBe(0);
      const intact = await runCli(['audit', 'verify'], location.env);
      expect(intact.code).toBe(0);
      expect(intact.stdout).toMatch(
        /audit log intact: [1-9]\d* sealed rows checked, 0 newer rows not sealed yet; head \d+:[0-9a-f]{64} \(batch 1\)/,
      );

      await tamperWithAudit(location);
      const broken = await runCli(['audit', 'verify'], location.env);
      expect(broken.code).toBe(1);
      expect(broken.stdout).toMatch(
        /^audit log BROKEN at row (\d+): row \1 was changed: its content no longer matches its keyed seal \(batch 1\) \/ dòng \1 đã bị sửa/,
      );
    },
  );

  it('backs up to a file and refuses to restore into a database that has data', async () => {
    const file = join(location.dataDir, 'cli-backup.jsonl.gz');
    const backup = await runCli(['backup', file], location.env);
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/backup written to .*: \d+ tables, \d+ rows/);
    expect(existsSync(file)).toBe(true);
    const restore = await runCli(['restore', file], location.env);
    expect(restore.code).toBe(1);
    expect(restore.stderr).toMatch(/restore needs an empty database/);
  });

  it('serves, and exits 0 within 5 s of SIGTERM', async () => {
    const child = spawnCli(['serve'], { ...location.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' });
    const [, address] = await waitForLine(child, /"address":"([^"]+)"/);
    const ready = await fetch(`${address}/readyz`);
    expect(ready.status).toBe(200);
    const started = Date.now();
    child.kill('SIGTERM');
    const { code } = await exited(child);
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

/** Changes one audit row behind the application's back, as an intruder with the database superuser would: the append-only trigger switched off first. */
const tamper = `begin;
  alter table audit_events disable trigger audit_events_append_only;
  update audit_events set actor_label = 'someone else' where id = (select min(id) from audit_events);
  alter table audit_events enable always trigger audit_events_append_only;
  commit;`;
async function tamperWithAudit(where: DatabaseLocation): Promise<void> {
  if (where.databaseUrl) {
    const client = new pg.Client({ connectionString: where.databaseUrl });
    await client.connect();
    await client.query(tamper);
    await client.end();
    return;
  }
  const { openDatabase } = await import('../../src/server/db/client.js');
  const database = await openDatabase({ databaseUrl: undefined, dataDir: where.dataDir, poolMax: 1 });
  await database.pool.query(tamper);
  await database.close();
}
