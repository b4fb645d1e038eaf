import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { taskColumns, tasksSheetName } from '../../src/server/modules/plans/xlsx-columns.js';
import { createTestDatabaseLocation } from '../support/app.js';
import type { DatabaseLocation } from '../support/engines.js';
import { runCli } from '../support/processes.js';

let location: DatabaseLocation;
beforeAll(async () => {
  location = await createTestDatabaseLocation('demo');
});
afterAll(() => location.remove());

function writeWorkbook(name: string, rows: string[][]): string {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([taskColumns.map((c) => c.header), ...rows]), tasksSheetName);
  const file = join(location.dataDir, name);
  writeFileSync(file, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  return file;
}

const row = (code: string, lead = 'SYT') => [
  code,
  '7',
  '',
  `Nhiệm vụ ${code} nhập bằng dòng lệnh`,
  '',
  '',
  lead,
  '',
  '2026-04-01',
  '2026-09-30',
  'Báo cáo',
  'normal',
  '',
  'có',
  'quarterly',
];

describe('doimoi import plans', () => {
  it('names the bad rows and imports nothing, then imports a good file with a progress line per row', async () => {
    const bad = await runCli(['import', 'plans', writeWorkbook('bad.xlsx', [row('CLI-1'), row('CLI-2', 'KHONG-CO')]), '--plan', '4354/KH-UBND'],
      location.env,
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("row 3 (leadUnitCode): No unit with code 'KHONG-CO'");
    expect(bad.stderr).toContain('nothing imported: 1 bad rows');

    const good = await runCli(['import', 'plans', writeWorkbook('good.xlsx', [row('CLI-1'), row('CLI-2')]), '--plan', '4354/KH-UBND'],
      location.env,
    );
    expect(good.code, good.stderr).toBe(0);
    expect(good.stdout).toContain('imported 2 tasks into 4354/KH-UBND');
    // Not a terminal: the progress bar falls back to one line per step.
    expect(good.stderr).toContain('checking rows: 2/2');

    const unknownPlan = await runCli(['import', 'plans', writeWorkbook('x.xlsx', [row('CLI-3')]), '--plan', '1/KH'], location.env);
    expect(unknownPlan.code).toBe(2);
  });
});
