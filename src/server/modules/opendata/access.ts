import { sql, type SQL } from 'drizzle-orm';
import type { ServiceContext } from '../../lib/context.js';
import { unitIdsWhereActorHas } from '../../lib/unit-scope.js';
import { roleNames } from '../../../shared/contracts/identity.js';
import { isProgrammeManager, isStaff, isUnitOfficer } from './policy.js';
import { datasets, type Dataset } from './schema.js';

/** What decides which datasets a caller reads: their staff units (sub-trees included) and whether they manage the catalogue. */
export type Reader = { isStaff: boolean; isManager: boolean; unitIds: readonly string[]; officerUnitIds: readonly string[] };

const staffRoles = roleNames.filter((role) => role !== 'registered_user');

/** The caller as a reader of the catalogue. */
export async function readerOf(ctx: ServiceContext): Promise<Reader> {
  if (!isStaff(ctx.actor)) return { isStaff: false, isManager: false, unitIds: [], officerUnitIds: [] };
  const [unitIds, officerUnitIds] = await Promise.all([
    unitIdsWhereActorHas(ctx, staffRoles),
    isUnitOfficer(ctx.actor) ? unitIdsWhereActorHas(ctx, ['unit_officer']) : new Set<string>(),
  ]);
  return { isStaff: true, isManager: isProgrammeManager(ctx.actor), unitIds: [...unitIds], officerUnitIds: [...officerUnitIds] };
}

const uuidArray = (ids: readonly string[]) =>
  sql`array[${sql.join(ids.length ? ids.map((id) => sql`${id}`) : [sql`null`], sql`, `)}]::uuid[]`;

/**
 * Published datasets the reader may see: open ones for everyone; shared ones for staff of every unit
 * (or of the units named, and the publisher's); private ones for the publisher's staff. Managers see all.
 */
export function publishedVisibleTo(reader: Reader): SQL {
  if (reader.isManager) return sql`${datasets.state} = 'published'`;
  if (!reader.isStaff) return sql`(${datasets.state} = 'published' and ${datasets.accessLevel} = 'open')`;
  const mine = uuidArray(reader.unitIds);
  return sql`(${datasets.state} = 'published' and (
    ${datasets.accessLevel} = 'open'
    or (${datasets.accessLevel} = 'shared' and (cardinality(${datasets.sharedWithUnitIds}) = 0 or ${datasets.sharedWithUnitIds} && ${mine} or ${datasets.publisherUnitId} = any(${mine})))
    or (${datasets.accessLevel} = 'private' and ${datasets.publisherUnitId} = any(${mine}))))`;
}

/** Every dataset the reader works on, whatever its state: their units' (officers) or all (managers). */
export function editableBy(reader: Reader): SQL {
  if (reader.isManager) return sql`true`;
  return sql`${datasets.publisherUnitId} = any(${uuidArray(reader.officerUnitIds)})`;
}

/** The same rules as `publishedVisibleTo`, for one dataset already loaded. */
export function canRead(reader: Reader, dataset: Dataset): boolean {
  if (canEdit(reader, dataset)) return true;
  if (dataset.state !== 'published') return false;
  if (reader.isManager || dataset.accessLevel === 'open') return true;
  const isPublisherStaff = reader.unitIds.includes(dataset.publisherUnitId);
  if (dataset.accessLevel === 'private') return isPublisherStaff;
  return (
    reader.isStaff &&
    (dataset.sharedWithUnitIds.length === 0 || isPublisherStaff || dataset.sharedWithUnitIds.some((id) => reader.unitIds.includes(id)))
  );
}

export const canEdit = (reader: Reader, dataset: Dataset): boolean =>
  reader.isManager || reader.officerUnitIds.includes(dataset.publisherUnitId);
