import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { setTimeout } from 'node:timers/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/server/db/client.js';
import { runMigrations } from '../../src/server/db/migrate.js';
import { ManualClock } from '../../src/server/lib/clock.js';
import { LocalStorageDriver } from '../../src/server/lib/storage.js';
import { seedDemoData } from '../../src/server/seed.js';
import { adminQuery, databaseUrlFor, templateDbName, testEngine, type Template } from './engines.js';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDir: string;
  }
}

/** The templates of this run, shared by every project's set-up (they all run in vitest's main process). */
type SharedTemplates = { templateDir: Promise<string>; users: number };
const shared = globalThis as typeof globalThis & { doimoiTemplates?: SharedTemplates };

/** Builds the two template databases once per run: migrated, and migrated with the demo data. */
export default async function setup(project: TestProject) {
  const runDir = process.env.DOIMOI_TEST_TEMPLATES;
  if (runDir) {
    // scripts/test.sh runs several Vitest processes at once: the first builds the engine's templates,
    // the others wait for them, and the script removes them at the end.
    project.provide('templateDir', await sharedTemplates(join(runDir, testEngine)));
    return;
  }
  shared.doimoiTemplates ??= { templateDir: buildTemplates(), users: 0 };
  const templates = shared.doimoiTemplates;
  templates.users++;
  const templateDir = await templates.templateDir;
  project.provide('templateDir', templateDir);
  return async () => {
    if (--templates.users > 0) return;
    delete shared.doimoiTemplates;
    rmSync(templateDir, { recursive: true, force: true });
    if (testEngine === 'postgres') {
      for (const template of ['empty', 'demo'] as Template[])
        await adminQuery(`drop database if exists ${templateDbName(template, templateDir)} with (force)`);
    }
  };
}

/** The templates in `dir`, built by whichever process claims the directory first (mkdir is atomic). */
async function sharedTemplates(dir: string): Promise<string> {
  const [ready, failed] = [join(dir, 'ready'), join(dir, 'failed')];
  mkdirSync(dirname(dir), { recursive: true });
  if (!claim(dir)) {
    for (;;) {
      if (existsSync(ready)) return readFileSync(ready, 'utf8');
      if (existsSync(failed)) throw new Error(`the test templates could not be built: ${readFileSync(failed, 'utf8')}`);
      await setTimeout(200);
    }
  }
  try {
    const templateDir = await buildTemplates(join(dir, 'templates'));
    writeFileSync(ready, templateDir);
    return templateDir;
  } catch (error) {
    writeFileSync(failed, String(error));
    throw error;
  }
}

/** True when this process made `dir`; false when another one did first. */
function claim(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: false });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

async function buildTemplates(templateDir = mkdtempSync(join(tmpdir(), 'doimoi-templates-'))): Promise<string> {
  mkdirSync(templateDir, { recursive: true });
  // PGlite's initdb costs seconds of CPU: it runs once, for 'blank', and the other templates start from a copy.
  const templates: Template[] = testEngine === 'pglite' ? ['blank', 'empty', 'demo'] : ['empty', 'demo'];
  for (const template of templates) {
    let databaseUrl: string | undefined;
    if (testEngine === 'postgres') {
      await adminQuery(`drop database if exists ${templateDbName(template, templateDir)} with (force)`);
      await adminQuery(`create database ${templateDbName(template, templateDir)}`);
      databaseUrl = databaseUrlFor(templateDbName(template, templateDir));
    } else if (template !== 'blank') {
      cpSync(join(templateDir, 'blank'), join(templateDir, template), { recursive: true });
    }
    const database = await openDatabase({ databaseUrl, dataDir: join(templateDir, template), poolMax: 2 });
    if (template !== 'blank') await runMigrations(database.db);
    // The demo's files go where each test's DATA_DIR/files is copied from (createDatabaseFrom).
    const storage = new LocalStorageDriver(join(templateDir, template, 'files'));
    if (template === 'demo') await seedDemoData(database.db, new ManualClock('2026-01-15T03:00:00Z'), storage);
    await database.close();
  }
  return templateDir;
}
