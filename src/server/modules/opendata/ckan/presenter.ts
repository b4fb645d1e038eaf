import { createHash } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { attachments } from '../../../db/platform-schema.js';
import type { ServiceContext } from '../../../lib/context.js';
import { toIso } from '../../../lib/time.js';
import { units } from '../../identity/schema.js';
import { isOpenLicence, licenceById } from '../licences.js';
import { datasetResources, datasetThemes, type Dataset, type DatasetResource, type DatasetTheme } from '../schema.js';

type Unit = typeof units.$inferSelect;
type Attachment = typeof attachments.$inferSelect;

/** CKAN prints timestamps with Python's isoformat(): no zone, microseconds. */
export function ckanTime(value: string | null): string | null {
  if (value === null) return null;
  return toIso(value).replace('Z', '000');
}

/** A stable id for a tag, which has no row of its own: CKAN clients expect one. */
export const tagId = (name: string): string => {
  const hex = createHash('sha1').update(`doimoi-tag:${name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

/** A unit's name in the CKAN API: its code in lower case (CKAN names are lower-case). */
export const organizationName = (unit: Pick<Unit, 'code'>): string => unit.code.toLowerCase();

export function organizationDict(unit: Unit) {
  return {
    approval_status: 'approved',
    created: ckanTime(unit.createdAt),
    description: unit.nameEn,
    display_name: unit.nameVi,
    id: unit.id,
    image_display_url: '',
    image_url: '',
    is_organization: true,
    name: organizationName(unit),
    num_followers: 0,
    state: 'active',
    title: unit.nameVi,
    title_translated: { vi: unit.nameVi, en: unit.nameEn },
    type: 'organization',
  };
}

/** A theme as a dataset's `groups` entry. */
export function groupRef(theme: DatasetTheme) {
  return {
    description: theme.descriptionVi,
    display_name: theme.titleVi,
    id: theme.id,
    image_display_url: '',
    name: theme.name,
    title: theme.titleVi,
  };
}

export function groupDict(theme: DatasetTheme) {
  return {
    ...groupRef(theme),
    approval_status: 'approved',
    created: ckanTime(theme.createdAt),
    image_url: '',
    is_organization: false,
    num_followers: 0,
    state: 'active',
    title_translated: { vi: theme.titleVi, en: theme.titleEn },
    type: 'group',
  };
}

export const tagDict = (name: string) => ({ display_name: name, id: tagId(name), name, state: 'active', vocabulary_id: null });

/** Where a resource's bytes are: the platform serves files and live tables; a link points elsewhere. */
export const resourceDownloadPath = (id: string) => `/api/opendata/resources/${id}/download`;

export function resourceDict(baseUrl: string, r: DatasetResource, file: Attachment | undefined) {
  return {
    cache_last_updated: null,
    cache_url: null,
    created: ckanTime(r.createdAt),
    datastore_active: r.datastoreTable !== null,
    description: r.descriptionVi,
    description_translated: { vi: r.descriptionVi, en: r.descriptionEn },
    format: r.format,
    hash: file ? `sha256:${file.sha256}` : '',
    id: r.id,
    last_modified: ckanTime(r.datastoreLoadedAt ?? r.updatedAt),
    metadata_modified: ckanTime(r.updatedAt),
    mimetype: file?.mediaType ?? (r.kind === 'live' ? 'text/csv' : null),
    mimetype_inner: null,
    name: r.nameVi,
    name_translated: { vi: r.nameVi, en: r.nameEn },
    package_id: r.datasetId,
    position: r.position,
    resource_group_id: r.datasetId,
    resource_locator_function: '',
    resource_locator_protocol: '',
    resource_type: r.kind === 'live' ? 'live' : r.kind === 'file' ? 'file.upload' : 'link',
    revision_id: null,
    revision_timestamp: ckanTime(r.updatedAt),
    size: file?.sizeBytes ?? null,
    state: 'active',
    tracking_summary: { recent: 0, total: 0 },
    url: r.kind === 'link' ? (r.url ?? '') : `${baseUrl}${resourceDownloadPath(r.id)}`,
    url_type: r.kind === 'file' ? 'upload' : r.kind === 'live' ? 'datastore' : '',
    webstore_last_updated: null,
    webstore_url: null,
  };
}

/** Everything a page of package dicts needs, loaded in three queries whatever the page size. */
export async function loadPackageParts(ctx: ServiceContext, rows: readonly Dataset[]) {
  const ids = rows.map((d) => d.id);
  const unitIds = [...new Set(rows.map((d) => d.publisherUnitId))];
  // One round trip: the three reads side by side, each resource with its stored file joined.
  const [unitRows, themeRows, resourcesWithFiles] = await Promise.all([
    unitIds.length ? ctx.db.select().from(units).where(inArray(units.id, unitIds)) : [],
    ctx.db.select().from(datasetThemes),
    ids.length
      ? ctx.db
          .select({ resource: datasetResources, file: attachments })
          .from(datasetResources)
          .leftJoin(attachments, eq(attachments.id, datasetResources.attachmentId))
          .where(inArray(datasetResources.datasetId, ids))
      : [],
  ]);
  const resourceRows = resourcesWithFiles.map((r) => r.resource);
  const files = resourcesWithFiles.flatMap((r) => (r.file ? [r.file] : []));
  return { unitRows, themeRows, resourceRows, files };
}

export type PackageParts = Awaited<ReturnType<typeof loadPackageParts>>;

/** A dataset as CKAN's package_show prints it (every key of its full dataset dict), with vi/en translations beside. */
export function packageDict(baseUrl: string, d: Dataset, parts: PackageParts) {
  const unit = parts.unitRows.find((u) => u.id === d.publisherUnitId);
  const licence = licenceById(d.licenceId);
  const resources = parts.resourceRows
    .filter((r) => r.datasetId === d.id)
    .sort((a, b) => a.position - b.position)
    .map((r) =>
      resourceDict(
        baseUrl,
        r,
        parts.files.find((f) => f.id === r.attachmentId),
      ),
    );
  const groups = d.themes.flatMap((name) => parts.themeRows.filter((t) => t.name === name).map(groupRef));
  const extras = [
    ['access_level', d.accessLevel],
    ['conforms_to', d.conformsTo.join(' ')],
    ['frequency', d.updateFrequency],
    ['spatial_text', d.spatial],
    ['temporal_start', d.temporalStart ?? ''],
    ['temporal_end', d.temporalEnd ?? ''],
    ['publisher_state', d.state],
  ]
    .filter(([, value]) => value !== '')
    .map(([key, value]) => ({ key, value }));
  return {
    author: unit?.nameVi ?? null,
    author_email: null,
    creator_user_id: d.createdBy,
    extras,
    groups,
    id: d.id,
    isopen: isOpenLicence(d.licenceId),
    license_id: d.licenceId,
    license_title: licence?.title ?? d.licenceId,
    license_url: licence?.url ?? '',
    maintainer: d.contactName,
    maintainer_email: d.contactEmail,
    metadata_created: ckanTime(d.createdAt),
    metadata_modified: ckanTime(d.updatedAt),
    name: d.name,
    notes: d.descriptionVi,
    notes_translated: { vi: d.descriptionVi, en: d.descriptionEn },
    num_resources: resources.length,
    num_tags: d.keywords.length,
    organization: unit ? organizationDict(unit) : null,
    owner_org: d.publisherUnitId,
    private: d.accessLevel !== 'open',
    relationships_as_object: [],
    relationships_as_subject: [],
    resources,
    revision_id: null,
    revision_timestamp: ckanTime(d.updatedAt),
    // CKAN's own states: a dataset not yet published is a draft.
    state: d.state === 'published' ? 'active' : 'draft',
    tags: d.keywords.map(tagDict),
    title: d.titleVi,
    title_translated: { vi: d.titleVi, en: d.titleEn },
    tracking_summary: { recent: 0, total: 0 },
    type: 'dataset',
    url: `${baseUrl}/du-lieu-mo/${d.name}`,
    version: d.versionInfo || null,
  };
}
