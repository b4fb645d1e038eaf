import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabaseLocation } from '../support/app.js';
import type { DatabaseLocation } from '../support/engines.js';
import { runCli } from '../support/processes.js';

// The built command, as an operator runs it (`npm run build` first).
const auditKey = 'cli-test-audit-key-kept-off-the-database';

let location: DatabaseLocation;
let env: Record<string, string>;
beforeAll(async () => {
  location = await createTestDatabaseLocation('demo');
  env = { ...location.env, AUDIT_KEY: auditKey };
});
afterAll(() => location.remove());

const lines = (text: string) => text.split('\n').filter((line) => line.trim() !== '');

/** Runs SQL on a database no process holds open, as someone with the database superuser would. */
async function asIntruder(where: DatabaseLocation, statements: string): Promise<Array<Record<string, unknown>>> {
  if (where.databaseUrl) {
    const client = new pg.Client({ connectionString: where.databaseUrl });
    await client.connect();
    try {
      return (await client.query(statements)).rows as Array<Record<string, unknown>>;
    } finally {
      await client.end();
    }
  }
  const { openDatabase } = await import('../../src/server/db/client.js');
  const database = await openDatabase({ databaseUrl: undefined, dataDir: where.dataDir, poolMax: 1 });
  try {
    return (await database.pool.query(statements)).rows as Array<Record<string, unknown>>;
  } finally {
    await database.close();
  }
}

describe('doimoi audit: sealing, checkpoints in backups, verify against them', () => {
  it('seals the log, carries its head in a backup, and catches the newest rows deleted against that backup or a logged checkpoint', async () => {
    const backupFile = join(location.dataDir, 'before-the-intrusion.jsonl.gz');
    const first = await runCli(['audit', 'seal'], env);
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/^sealed batch 1: \d+ rows; checkpoint \d+:[0-9a-f]{64}\n$/);
    const kept = Number(/checkpoint (\d+):/.exec(first.stdout)![1]);

    const created = await runCli(
      ['user', 'create', '--email', 'can.bo@hcm.gov.vn', '--name', 'Cán bộ', '--password-stdin'],
      env,
      'mat-khau-rat-dai-123\n',
    );
    expect(created.code).toBe(0);
    const second = await runCli(['audit', 'seal'], env);
    const [, checkpoint] = /checkpoint (\d+:[0-9a-f]{64})/.exec(second.stdout)!;
    expect(second.stdout).toMatch(/^sealed batch 2: /);

    const backup = await runCli(['backup', backupFile], env);
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain(`; audit checkpoint ${checkpoint}`);
    const intact = await runCli(['audit', 'verify', '--backup', backupFile], env);
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(
      new RegExp(
        `^audit log intact: \\d+ sealed rows checked, 0 newer rows not sealed yet; head ${checkpoint} \\(batch 2\\); checkpoint \\d+ matches\\n$`,
      ),
    );

    // The intruder removes the newest rows and the batch that sealed them: the chain left behind is whole.
    await asIntruder(
      location,
      `begin;
       alter table audit_events disable trigger audit_events_append_only;
       alter table audit_batches disable trigger audit_batches_append_only;
       delete from audit_events where id > ${kept};
       delete from audit_batches where number > 1;
       alter table audit_events enable always trigger audit_events_append_only;
       alter table audit_batches enable always trigger audit_batches_append_only;
       commit;`,
    );
    const alone = await runCli(['audit', 'verify'], env);
    expect(alone.code).toBe(0);
    const cpId = checkpoint!.split(':')[0];
    const expected = `audit log BROKEN at row ${cpId}: the newest rows were deleted: the checkpoint records the chain up to row ${cpId}, the log now ends at row ${kept} / `;
    for (const args of [
      ['--backup', backupFile],
      ['--checkpoint', checkpoint!],
    ]) {
      const broken = await runCli(['audit', 'verify', ...args], env);
      expect(broken.code, args[0]).toBe(1);
      expect(broken.stdout.startsWith(expected), broken.stdout).toBe(true);
    }
    const malformed = await runCli(['audit', 'verify', '--checkpoint', '12:abc'], env);
    expect(malformed.code).toBe(2);
    expect(lines(malformed.stderr)).toEqual([
      'doimoi: --checkpoint expects <row id>:<64 hex digits>, as logged in "auditCheckpoint" (got "12:abc")',
    ]);
  }, 600_000); // a dozen runs of the command, each opening the database
});

describe('doimoi restore of a damaged backup', () => {
  let source: DatabaseLocation;
  let backupFile: string;
  beforeAll(async () => {
    source = await createTestDatabaseLocation('demo');
    // (seals and backs up through the command, as an operator would)
    backupFile = join(source.dataDir, 'doimoi-backup.jsonl.gz');
    const sourceEnv = { ...source.env, AUDIT_KEY: auditKey };
    expect((await runCli(['audit', 'seal'], sourceEnv)).code).toBe(0);
    expect((await runCli(['backup', backupFile], sourceEnv)).code).toBe(0);
  });
  afterAll(() => source.remove());

  /** Tables a restore would have created; none may exist after a refused one. */
  async function publicTables(where: DatabaseLocation): Promise<number> {
    const rows = await asIntruder(where, `select count(*)::int as n from information_schema.tables where table_schema = 'public'`);
    return rows[0]!.n as number;
  }

  const damaged: Array<[string, () => Buffer, RegExp]> = [
    [
      'a gzip cut short',
      () => {
        const whole = readFileSync(backupFile);
        return whole.subarray(0, Math.floor(whole.length * 0.6));
      },
      /^doimoi: .*doimoi-backup\.jsonl\.gz is damaged \(its gzip data is cut short or corrupt after line \d+: unexpected end of file\); nothing was restored \/ tệp sao lưu bị hỏng, chưa phục hồi gì$/,
    ],
    [
      'a gzip holding garbage JSON after a valid header',
      () => {
        const header = lines(gunzipSync(readFileSync(backupFile)).toString('utf8'))[0];
        return gzipSync(`${header}\n{"t":"units","r":{"id":\n`);
      },
      /^doimoi: .* is damaged \(line 2 is not valid JSON\); nothing was restored \/ tệp sao lưu bị hỏng, chưa phục hồi gì$/,
    ],
    [
      'a file that is not gzip at all',
      () => Buffer.from('id,name\n1,Sở KH-CN\n'),
      /^doimoi: .* is damaged \(it is not gzip data, or its gzip data is corrupt from the start: incorrect header check\); nothing was restored/,
    ],
  ];

  for (const [kind, content, message] of damaged) {
    it(`refuses ${kind} with one line and exit code 1, and writes nothing`, { timeout: 180_000 }, async () => {
      const target = await createTestDatabaseLocation('blank');
      try {
        const file = join(target.dataDir, 'doimoi-backup.jsonl.gz');
        writeFileSync(file, content());
        const result = await runCli(['restore', file], { ...target.env, AUDIT_KEY: auditKey });
        expect(result.code).toBe(1);
        expect(lines(result.stderr)).toHaveLength(1);
        expect(lines(result.stderr)[0]).toMatch(message);
        expect(result.stdout).toBe('');
        expect(await publicTables(target)).toBe(0);
      } finally {
        await target.remove();
      }
    });
  }

  it(
    'restores the intact backup into an empty database and checks its audit log against the head it carries',
    { timeout: 300_000 },
    async () => {
      const target = await createTestDatabaseLocation('blank');
      try {
        const result = await runCli(['restore', backupFile], { ...target.env, AUDIT_KEY: auditKey });
        expect(result.code, result.stderr).toBe(0);
        expect(result.stdout).toMatch(/^restored \d+ rows from .*; audit log verified up to checkpoint \d+:[0-9a-f]{64}\n$/);
        const otherKey = await createTestDatabaseLocation('blank');
        try {
          const refused = await runCli(['restore', backupFile], {
            ...otherKey.env,
            AUDIT_KEY: 'a-different-installation-key-0123456789',
          });
          expect(refused.code).toBe(1);
          // Progress lines (stderr is not a terminal here), then the one line that says why.
          const said = lines(refused.stderr).filter((line) => !/^restore: \d+\/\d+ (datastore\.)?\w+$/.test(line));
          expect(said).toHaveLength(1);
          expect(said[0]).toMatch(
            /does not verify with this AUDIT_KEY: .*; nothing was restored \(set AUDIT_KEY to the key of the installation that wrote the backup, or pass --skip-audit-check\)/,
          );
          expect(await publicTables(otherKey)).toBeGreaterThan(0); // migrated, but empty
          const users = await asIntruder(otherKey, 'select count(*)::int as n from users');
          expect(users[0]!.n).toBe(0);
        } finally {
          await otherKey.remove();
        }
      } finally {
        await target.remove();
      }
    },
  );
});
