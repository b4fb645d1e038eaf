import { inArray } from 'drizzle-orm';
import type { OrganisationSummary } from '../../../shared/contracts/ecosystem.js';
import { ecosystemLimits, ecosystemPaths } from '../../../shared/contracts/ecosystem.js';
import type { ServiceContext } from '../../lib/context.js';
import { toIso } from '../../lib/time.js';
import { units } from '../identity/schema.js';
import type { OrganisationRow } from './schema.js';

export const organisationUrl = ecosystemPaths.organisation;
export const programmeUrl = ecosystemPaths.programme;
export const fileUrl = (organisationId: string, attachmentId: string) =>
  `/api/ecosystem/organisations/${organisationId}/files/${attachmentId}`;

/** The instant before which a last confirmation counts as too old: 15 months before now. */
export function unconfirmedBefore(now: Date): Date {
  const limit = new Date(now);
  limit.setUTCMonth(limit.getUTCMonth() - ecosystemLimits.unconfirmedAfterMonths);
  return limit;
}

export const isUnconfirmed = (row: Pick<OrganisationRow, 'lastConfirmedAt'>, now: Date) =>
  new Date(row.lastConfirmedAt) < unconfirmedBefore(now);

type Ward = { id: string; code: string; nameVi: string; nameEn: string };

/** The wards of these rows, by id, in one query. */
export async function wardsOf(ctx: ServiceContext, rows: ReadonlyArray<Pick<OrganisationRow, 'wardUnitId'>>): Promise<Map<string, Ward>> {
  const ids = [...new Set(rows.map((r) => r.wardUnitId).filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const found = await ctx.db
    .select({ id: units.id, code: units.code, nameVi: units.nameVi, nameEn: units.nameEn })
    .from(units)
    .where(inArray(units.id, ids));
  return new Map(found.map((w) => [w.id, w]));
}

export function presentSummary(row: OrganisationRow, wards: Map<string, Ward>, now: Date): OrganisationSummary {
  return {
    id: row.id,
    slug: row.slug,
    kind: row.kind,
    nameVi: row.nameVi,
    nameEn: row.nameEn || row.nameVi,
    fields: row.fields,
    stage: row.stage,
    ward: row.wardUnitId ? (wards.get(row.wardUnitId) ?? null) : null,
    foundedYear: row.foundedYear,
    logoUrl: row.logoAttachmentId ? fileUrl(row.id, row.logoAttachmentId) : null,
    verifiedAt: toIso(row.verifiedAt),
    isUnconfirmed: isUnconfirmed(row, now),
    isIllustrative: row.isIllustrative,
  };
}

export const namedOf = (row: Pick<OrganisationRow, 'id' | 'slug' | 'kind' | 'nameVi' | 'nameEn'>) => ({
  id: row.id,
  slug: row.slug,
  kind: row.kind,
  nameVi: row.nameVi,
  nameEn: row.nameEn || row.nameVi,
});
