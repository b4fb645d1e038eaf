import { inArray, sql } from 'drizzle-orm';
import type { ImportRowError } from '../../../shared/contracts/indicators.js';
import { organisationBodySchema, type OrganisationBody } from '../../../shared/contracts/ecosystem.js';
import { describeIssue } from '../../../shared/validation-messages.js';
import { recordAudit } from '../../lib/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { readTableRecords, type TableRecord } from '../../lib/tabular-import.js';
import { inTransaction } from '../../lib/tx.js';
import { units } from '../identity/schema.js';
import {
  fieldOf,
  foldName,
  ignoredOnImport,
  importColumns,
  kindOf,
  listItems,
  requiredColumns,
  sameOrganisationKey,
  sizeBandOf,
  stageOf,
  type ImportColumn,
} from './directory-table.js';
import { crossFieldProblem, freeSlug, organisationEntity, profileColumns, syncOrganisationIndex, wardKinds } from './organisations.js';
import { ecoOrganisations } from './schema.js';

/** Largest file and most rows: the city's whole ecosystem is a few thousand organisations. */
export const organisationImportMaxBytes = 5 * 1024 * 1024;
export const organisationImportMaxRows = 5000;

export type ImportProgress = (done: number, total: number) => void;

const badFile = (vi: string, en: string) => new AppError('VALIDATION', { vi, en });
const columnOf = Object.fromEntries(Object.entries(importColumns).map(([column, key]) => [key, column])) as Record<
  keyof OrganisationBody,
  ImportColumn
>;

/** The header row: every column known, the required ones there, none twice. */
function readHeader(record: TableRecord | undefined): Array<ImportColumn | null> {
  if (!record) throw badFile('Tệp không có dòng tiêu đề', 'The file has no header row');
  const names = record.cells.map((cell) => cell.toLowerCase());
  const unknown = names.filter((name) => name !== '' && !(name in importColumns) && !ignoredOnImport.has(name));
  if (unknown.length > 0)
    throw badFile(
      `Dòng tiêu đề có cột không biết: ${unknown.join(', ')}. Các cột nhận được: ${Object.keys(importColumns).join(', ')}`,
      `The header row has unknown column(s): ${unknown.join(', ')}. Known columns: ${Object.keys(importColumns).join(', ')}`,
    );
  const twice = names.filter((name, index) => name !== '' && names.indexOf(name) !== index);
  if (twice.length > 0) throw badFile(`Cột xuất hiện hai lần: ${twice.join(', ')}`, `Column(s) appear twice: ${twice.join(', ')}`);
  const absent = requiredColumns.filter((column) => !names.includes(column));
  if (absent.length > 0)
    throw badFile(`Dòng tiêu đề thiếu cột: ${absent.join(', ')}`, `The header row lacks the column(s): ${absent.join(', ')}`);
  return names.map((name) => (name in importColumns ? (name as ImportColumn) : null));
}

type Problem = { column: ImportColumn | null; vi: string; en: string };

/** One row as a registration form would have been filled in; words from the vocabularies become their codes. */
function rowToInput(
  cells: Map<ImportColumn, string>,
  wardIds: Map<string, string>,
): { input: Record<string, unknown>; problems: Problem[] } {
  const problems: Problem[] = [];
  const input: Record<string, unknown> = {};
  const coded = (column: ImportColumn, find: (text: string) => string | undefined, text: string) => {
    const code = find(text);
    if (code === undefined)
      problems.push({ column, vi: `không có giá trị '${text}' trong danh mục`, en: `'${text}' is not in the list of values` });
    return code;
  };
  for (const [column, text] of cells) {
    if (text === '') continue;
    const key = importColumns[column];
    if (column === 'kind') input[key] = coded(column, kindOf, text);
    else if (column === 'stage') input[key] = coded(column, stageOf, text);
    else if (column === 'size_band') input[key] = coded(column, sizeBandOf, text);
    else if (column === 'fields') input[key] = listItems(text).map((item) => coded(column, fieldOf, item));
    else if (column === 'serves_stages') input[key] = listItems(text).map((item) => coded(column, stageOf, item));
    else if (column === 'ward_code') input[key] = coded(column, (t) => wardIds.get(foldName(t)), text);
    else if (column === 'founded_year') {
      if (/^\d{4}$/.test(text)) input[key] = Number(text);
      else problems.push({ column, vi: `năm '${text}' phải có bốn chữ số`, en: `year '${text}' must have four digits` });
    } else input[key] = text;
  }
  return { input, problems };
}

/** Ward ids by their code and by their name (diacritics and case aside): a spreadsheet may hold either. */
async function wardLookup(ctx: ServiceContext): Promise<Map<string, string>> {
  const rows = await ctx.db
    .select({ id: units.id, code: units.code, nameVi: units.nameVi })
    .from(units)
    .where(inArray(units.kind, [...wardKinds]));
  const byText = new Map<string, string>();
  for (const ward of rows) byText.set(foldName(ward.nameVi), ward.id);
  for (const ward of rows) byText.set(foldName(ward.code), ward.id);
  return byText;
}

/** Profiles already in the directory with the names of the file, by kind and folded name. */
async function existingSlugs(ctx: ServiceContext, names: string[]): Promise<Map<string, string>> {
  if (names.length === 0) return new Map();
  const folded = [...new Set(names.map(foldName))];
  const rows = await ctx.db
    .select({ kind: ecoOrganisations.kind, nameVi: ecoOrganisations.nameVi, slug: ecoOrganisations.slug })
    .from(ecoOrganisations)
    .where(inArray(sql`regexp_replace(f_unaccent(lower(btrim(${ecoOrganisations.nameVi}))), '\\s+', ' ', 'g')`, folded));
  return new Map(rows.map((r) => [sameOrganisationKey(r.kind, r.nameVi), r.slug]));
}

/**
 * Checks every row of a CSV or XLSX file of organisations, then adds them all in one transaction,
 * or none: when any row is wrong, each wrong row is reported (row number, column, message in
 * Vietnamese and English) and nothing is written. Imported profiles have no keeper and are not
 * verified; their organisations can claim them, and staff verify them as any other.
 */
export async function importOrganisations(
  ctx: ServiceContext,
  file: { mediaType: string; bytes: Buffer },
  onProgress?: ImportProgress,
): Promise<{ imported: number; organisations: Array<{ id: string; slug: string }> }> {
  const [headerRecord, ...records] = await readTableRecords(file.mediaType, file.bytes);
  const header = readHeader(headerRecord);
  if (records.length === 0) throw badFile('Tệp không có dòng tổ chức nào', 'The file has no rows of organisations');
  if (records.length > organisationImportMaxRows)
    throw badFile(`Tệp có quá ${organisationImportMaxRows} dòng`, `The file has more than ${organisationImportMaxRows} rows`);

  const wardIds = await wardLookup(ctx);
  const nameColumn = header.indexOf('name_vi');
  const existing = await existingSlugs(ctx, records.map((r) => r.cells[nameColumn] ?? '').filter(Boolean));
  const errors: ImportRowError[] = [];
  const accepted: OrganisationBody[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of records) {
    const byColumn = new Map<ImportColumn, string>();
    header.forEach((column, index) => column && byColumn.set(column, cells[index] ?? ''));
    const fail = (column: ImportColumn | null, vi: string, en: string) =>
      errors.push({ row: line, column, message: { vi: `Dòng ${line}: ${vi}`, en: `Row ${line}: ${en}` } });
    const { input, problems } = rowToInput(byColumn, wardIds);
    for (const p of problems) fail(p.column, `cột ${p.column}: ${p.vi}`, `column ${p.column}: ${p.en}`);
    if (problems.length > 0) continue;
    const parsed = organisationBodySchema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = columnOf[issue.path[0] as keyof OrganisationBody] ?? null;
        const message = describeIssue({ ...issue, path: column ? [column, ...issue.path.slice(1)] : issue.path });
        fail(column, message.vi, message.en);
      }
      continue;
    }
    const body = parsed.data;
    const problem = crossFieldProblem(body);
    if (problem) {
      fail(columnOf[problem.field], problem.vi, problem.en);
      continue;
    }
    const key = sameOrganisationKey(body.kind, body.nameVi);
    const slug = existing.get(key);
    if (slug !== undefined) {
      fail('name_vi', `'${body.nameVi}' đã có trong danh bạ (${slug})`, `'${body.nameVi}' is already in the directory (${slug})`);
      continue;
    }
    const firstLine = seen.get(key);
    if (firstLine !== undefined) {
      fail('name_vi', `'${body.nameVi}' trùng với dòng ${firstLine}`, `'${body.nameVi}' repeats row ${firstLine}`);
      continue;
    }
    seen.set(key, line);
    accepted.push(body);
  }
  if (errors.length > 0)
    throw new AppError(
      'VALIDATION',
      {
        vi: `Tệp có ${new Set(errors.map((e) => e.row)).size} dòng lỗi; chưa nhập dòng nào. ${errors[0]!.message.vi}`,
        en: `The file has ${new Set(errors.map((e) => e.row)).size} wrong row(s); nothing was imported. ${errors[0]!.message.en}`,
      },
      { rows: errors },
    );

  const organisations = await inTransaction(ctx, async (tx) => {
    const now = tx.clock.now().toISOString();
    const created: Array<{ id: string; slug: string }> = [];
    for (const body of accepted) {
      const [row] = await tx.db
        .insert(ecoOrganisations)
        .values({ ...profileColumns(body), slug: await freeSlug(tx, body.nameVi), lastConfirmedAt: now, createdAt: now, updatedAt: now })
        .returning();
      await recordAudit(tx, {
        action: 'ecosystem.organisation.import',
        entityType: organisationEntity,
        entityId: row!.id,
        after: profileColumns(body),
      });
      await syncOrganisationIndex(tx, row!);
      created.push({ id: row!.id, slug: row!.slug });
      onProgress?.(created.length, accepted.length);
    }
    return created;
  });
  return { imported: organisations.length, organisations };
}
