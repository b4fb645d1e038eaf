import { count } from 'drizzle-orm';
import type { DirectoryExportQuery, DirectoryExportRecord } from '../../../shared/contracts/ecosystem.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { toCsv, toXlsx, type TableRow } from '../../lib/tabular-export.js';
import { toIso } from '../../lib/time.js';
import { exportColumns, joinList } from './directory-table.js';
import { directoryFilter, directoryOrder } from './organisations.js';
import { isUnconfirmed, organisationUrl, wardsOf } from './presenter.js';
import { ecoOrganisations } from './schema.js';

/** More rows than this are refused with a hint to narrow the filters; the whole directory is also an open dataset. */
export const directoryExportMaxRows = 20_000;

/** The organisations the directory shows for these filters, in its order, as export records. */
export async function directoryExportRecords(
  ctx: ServiceContext,
  query: DirectoryExportQuery,
  baseUrl: string,
): Promise<DirectoryExportRecord[]> {
  const where = directoryFilter(query);
  const [total] = await ctx.db.select({ n: count() }).from(ecoOrganisations).where(where);
  if ((total?.n ?? 0) > directoryExportMaxRows)
    throw new AppError('VALIDATION', {
      vi: `Có ${total!.n} tổ chức khớp bộ lọc, quá ${directoryExportMaxRows} dòng một lần tải; hãy thu hẹp bộ lọc (loại, lĩnh vực, phường xã)`,
      en: `${total!.n} organisations match, more than the ${directoryExportMaxRows} rows of one download; narrow the filters (kind, field, ward)`,
    });
  const rows = await ctx.db
    .select()
    .from(ecoOrganisations)
    .where(where)
    .orderBy(...directoryOrder(query.sort, Boolean(query.q)));
  const wards = await wardsOf(ctx, rows);
  const now = ctx.clock.now();
  return rows.map((row) => {
    const ward = row.wardUnitId ? wards.get(row.wardUnitId) : undefined;
    return {
      slug: row.slug,
      kind: row.kind,
      name_vi: row.nameVi,
      name_en: row.nameEn,
      fields: row.fields,
      stage: row.stage,
      serves_stages: row.servesStages,
      certificate_number: row.certificateNumber,
      certificate_date: row.certificateDate,
      address: row.address,
      ward_code: ward?.code ?? null,
      ward_name: ward?.nameVi ?? null,
      founded_year: row.foundedYear,
      size_band: row.sizeBand,
      website: row.website,
      description_vi: row.descriptionVi,
      description_en: row.descriptionEn,
      verified_at: row.verifiedAt ? toIso(row.verifiedAt) : null,
      is_unconfirmed: isUnconfirmed(row, now),
      is_illustrative: row.isIllustrative,
      url: `${baseUrl}${organisationUrl(row.slug)}`,
    };
  });
}

/** A record as a table row: lists joined as one cell, the rest as they are (the exporter keeps numbers as numbers). */
const asRow = (record: DirectoryExportRecord): TableRow =>
  exportColumns.map((column) => {
    const value = record[column];
    return Array.isArray(value) ? joinList(value) : value;
  });

export function directoryCsv(records: DirectoryExportRecord[]): string {
  return toCsv(exportColumns, records.map(asRow));
}

export async function directoryXlsx(ctx: ServiceContext, records: DirectoryExportRecord[]): Promise<Buffer> {
  const textColumns = new Set<string>(['slug', 'ward_code', 'certificate_number', 'certificate_date', 'verified_at']);
  return toXlsx(
    [
      {
        name: 'to-chuc',
        freezeHeader: true,
        columns: exportColumns.map((header) => ({ header, isText: textColumns.has(header) })),
        rows: records.map(asRow),
      },
    ],
    { createdAt: ctx.clock.now() },
  );
}
