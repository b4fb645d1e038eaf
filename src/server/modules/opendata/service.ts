import { and, asc, desc, eq, inArray, max, sql } from 'drizzle-orm';
import type { DatasetInput, ResourceInput } from '../../../shared/contracts/opendata.js';
import { attachments, auditEvents } from '../../db/platform-schema.js';
import { recordAudit } from '../../lib/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, conflict, forbidden, notFound } from '../../lib/errors.js';
import { inUploadTransaction, type StorageDriver } from '../../lib/storage.js';
import { inTransaction } from '../../lib/tx.js';
import type { IncomingFile } from '../../lib/uploads.js';
import { units } from '../identity/schema.js';
import { canEdit, canRead, editableBy, readerOf, type Reader } from './access.js';
import { datastoreTableName, dictionaryFor, loadDatastore } from './datastore.js';
import { closedLicenceId, defaultOpenLicenceId, licenceById } from './licences.js';
import { readLiveSource } from './live-sources.js';
import { datasetResources, datasets, datasetThemes, type Dataset, type DatasetResource } from './schema.js';
import { isTabular, readTable } from './tabular-file.js';
import { isEditable, nextDatasetState, type DatasetAction } from './workflow.js';

const datasetWord = { vi: 'Bộ dữ liệu', en: 'Dataset' };
const resourceWord = { vi: 'Tài nguyên', en: 'Resource' };

const invalid = (path: string, vi: string, en: string) =>
  new AppError('VALIDATION', { vi, en }, [{ path, code: 'invalid', message: { vi, en } }]);

/** A dataset by id or name, whatever its state; callers check what the actor may do with it. */
export async function findDataset(ctx: ServiceContext, idOrName: string): Promise<Dataset | undefined> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrName);
  const [row] = await ctx.db
    .select()
    .from(datasets)
    .where(isUuid ? eq(datasets.id, idOrName) : eq(datasets.name, idOrName));
  return row;
}

/** A dataset the actor may read, or 404 (never 403: a dataset they may not see does not exist for them). */
export async function readableDataset(ctx: ServiceContext, idOrName: string, reader?: Reader): Promise<Dataset> {
  const row = await findDataset(ctx, idOrName);
  if (!row || !canRead(reader ?? (await readerOf(ctx)), row)) throw notFound(datasetWord, idOrName);
  return row;
}

async function editableDataset(ctx: ServiceContext, id: string) {
  const reader = await readerOf(ctx);
  const row = await findDataset(ctx, id);
  if (!row || !canRead(reader, row)) throw notFound(datasetWord, id);
  if (!canEdit(reader, row)) throw forbidden({ reason: 'not-publisher' });
  return { reader, row, role: reader.isManager ? ('manager' as const) : ('officer' as const) };
}

/** Checks what refers to other rows: the publisher (one of the officer's units), the themes, the licence. */
async function checkReferences(ctx: ServiceContext, reader: Reader, input: DatasetInput): Promise<string> {
  if (!reader.isManager && !reader.officerUnitIds.includes(input.publisherUnitId)) throw forbidden({ reason: 'publisher-not-your-unit' });
  const [unit] = await ctx.db.select({ id: units.id }).from(units).where(eq(units.id, input.publisherUnitId));
  if (!unit) throw invalid('publisherUnitId', 'Đơn vị công bố không tồn tại', 'The publishing unit does not exist');
  if (input.themes.length) {
    const known = await ctx.db.select({ name: datasetThemes.name }).from(datasetThemes).where(inArray(datasetThemes.name, input.themes));
    const unknown = input.themes.filter((t) => !known.some((k) => k.name === t));
    if (unknown.length) throw invalid('themes', `Chủ đề không tồn tại: ${unknown.join(', ')}`, `Unknown theme(s): ${unknown.join(', ')}`);
  }
  const licenceId = input.licenceId ?? (input.accessLevel === 'open' ? defaultOpenLicenceId : closedLicenceId);
  if (!licenceById(licenceId))
    throw invalid('licenceId', `Giấy phép '${licenceId}' không có trong danh sách`, `Licence '${licenceId}' is not in the licence list`);
  return licenceId;
}

const columnsOf = (input: DatasetInput, licenceId: string) => ({
  name: input.name,
  titleVi: input.title.vi,
  titleEn: input.title.en,
  descriptionVi: input.description.vi,
  descriptionEn: input.description.en,
  publisherUnitId: input.publisherUnitId,
  themes: input.themes,
  keywords: [...new Set(input.keywords)],
  licenceId,
  temporalStart: input.temporalStart,
  temporalEnd: input.temporalEnd,
  spatial: input.spatial,
  updateFrequency: input.updateFrequency,
  contactName: input.contactName,
  contactEmail: input.contactEmail,
  versionInfo: input.version,
  conformsTo: input.conformsTo,
  accessLevel: input.accessLevel,
  sharedWithUnitIds: input.accessLevel === 'shared' ? input.sharedWithUnitIds : [],
});

async function nameTaken(ctx: ServiceContext, name: string, exceptId?: string) {
  const [row] = await ctx.db.select({ id: datasets.id }).from(datasets).where(eq(datasets.name, name));
  return row !== undefined && row.id !== exceptId;
}
const nameConflict = (name: string) =>
  conflict({ vi: `Tên bộ dữ liệu '${name}' đã được dùng`, en: `The dataset name '${name}' is already taken` });

/** Drafts a dataset for one of the officer's units (a manager: for any unit). */
export async function createDataset(ctx: ServiceContext, input: DatasetInput): Promise<Dataset> {
  const reader = await readerOf(ctx);
  const licenceId = await checkReferences(ctx, reader, input);
  return inTransaction(ctx, async (tx) => {
    if (await nameTaken(tx, input.name)) throw nameConflict(input.name);
    const now = tx.clock.now().toISOString();
    const [row] = await tx.db
      .insert(datasets)
      .values({ ...columnsOf(input, licenceId), state: 'draft', createdBy: tx.actor?.userId ?? null, createdAt: now, updatedAt: now })
      .returning();
    await recordAudit(tx, { action: 'opendata.dataset.create', entityType: 'dataset', entityId: row!.id, after: input });
    return row!;
  });
}

/** Edits a dataset's metadata: officers while it is a draft, managers at any state. */
export async function updateDataset(ctx: ServiceContext, id: string, input: DatasetInput): Promise<Dataset> {
  const { reader, row: before, role } = await editableDataset(ctx, id);
  if (!isEditable(before.state, role))
    throw conflict({ vi: 'Chỉ sửa được bộ dữ liệu ở trạng thái nháp', en: 'Only a draft dataset can be edited' }, { state: before.state });
  const licenceId = await checkReferences(ctx, reader, input);
  return inTransaction(ctx, async (tx) => {
    if (await nameTaken(tx, input.name, before.id)) throw nameConflict(input.name);
    const [row] = await tx.db
      .update(datasets)
      .set({ ...columnsOf(input, licenceId), updatedAt: tx.clock.now().toISOString() })
      .where(eq(datasets.id, before.id))
      .returning();
    // The search text is derived from the rest of the row; the audit keeps what a person wrote.
    const { searchText: _derived, ...written } = before;
    await recordAudit(tx, { action: 'opendata.dataset.update', entityType: 'dataset', entityId: before.id, before: written, after: input });
    return row!;
  });
}

/** Moves a dataset along the workflow (propose, publish, withdraw), by the transition table. */
export async function transitionDataset(ctx: ServiceContext, id: string, action: DatasetAction): Promise<Dataset> {
  const { row: before, role } = await editableDataset(ctx, id);
  const next = nextDatasetState(before.state, action, role);
  if (!next) {
    if (role === 'officer' && nextDatasetState(before.state, action, 'manager')) throw forbidden({ reason: 'managers-only', action });
    throw conflict(
      {
        vi: `Không thể '${action}' bộ dữ liệu đang ở trạng thái '${before.state}'`,
        en: `Cannot '${action}' a dataset in state '${before.state}'`,
      },
      { state: before.state, action },
    );
  }
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now().toISOString();
    const [row] = await tx.db
      .update(datasets)
      .set({ state: next, updatedAt: now, ...(next === 'published' ? { publishedAt: before.publishedAt ?? now } : {}) })
      .where(and(eq(datasets.id, before.id), eq(datasets.state, before.state)))
      .returning();
    if (!row)
      throw conflict({
        vi: 'Bộ dữ liệu vừa được người khác thay đổi; hãy tải lại',
        en: 'The dataset was just changed by someone else; reload it',
      });
    await recordAudit(tx, {
      action: `opendata.dataset.${action}`,
      entityType: 'dataset',
      entityId: before.id,
      before: { state: before.state },
      after: { state: next },
    });
    return row;
  });
}

async function nextPosition(ctx: ServiceContext, datasetId: string) {
  const [row] = await ctx.db
    .select({ last: max(datasetResources.position) })
    .from(datasetResources)
    .where(eq(datasetResources.datasetId, datasetId));
  return (row?.last ?? -1) + 1;
}

async function touch(ctx: ServiceContext, datasetId: string) {
  await ctx.db.update(datasets).set({ updatedAt: ctx.clock.now().toISOString() }).where(eq(datasets.id, datasetId));
}

/** Adds a link or a live resource; a live one is loaded into the datastore at once. */
export async function addResource(ctx: ServiceContext, datasetId: string, input: ResourceInput): Promise<DatasetResource> {
  const { row: dataset, role } = await editableDataset(ctx, datasetId);
  if (!isEditable(dataset.state, role))
    throw conflict({ vi: 'Chỉ thêm tài nguyên khi bộ dữ liệu ở trạng thái nháp', en: 'Resources can be added only to a draft dataset' });
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now().toISOString();
    const [row] = await tx.db
      .insert(datasetResources)
      .values({
        datasetId: dataset.id,
        position: await nextPosition(tx, dataset.id),
        kind: input.kind,
        nameVi: input.name.vi,
        nameEn: input.name.en,
        descriptionVi: input.description?.vi ?? '',
        descriptionEn: input.description?.en ?? '',
        url: input.kind === 'link' ? input.url : null,
        format: input.kind === 'link' ? input.format.toUpperCase() : 'CSV',
        liveSource: input.kind === 'live' ? input.liveSource : null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const loaded = input.kind === 'live' ? await refreshLiveResource(tx, row!) : row!;
    await touch(tx, dataset.id);
    await recordAudit(tx, {
      action: 'opendata.resource.add',
      entityType: 'dataset',
      entityId: dataset.id,
      after: { resourceId: row!.id, ...input },
    });
    return loaded;
  });
}

/** Stores an uploaded file (type judged from its content) as a resource; CSV and XLSX are loaded into the datastore too. */
export async function uploadResource(
  ctx: ServiceContext,
  storage: StorageDriver,
  datasetId: string,
  file: IncomingFile,
): Promise<DatasetResource> {
  const { row: dataset, role } = await editableDataset(ctx, datasetId);
  if (!isEditable(dataset.state, role))
    throw conflict({ vi: 'Chỉ thêm tài nguyên khi bộ dữ liệu ở trạng thái nháp', en: 'Resources can be added only to a draft dataset' });
  return inUploadTransaction(ctx, storage, async (tx, save) => {
    const attachment = await save(file, { entityType: 'dataset', entityId: dataset.id, isPublic: false });
    const now = tx.clock.now().toISOString();
    const stem = attachment.fileName.replace(/\.[^.]+$/, '');
    const [row] = await tx.db
      .insert(datasetResources)
      .values({
        datasetId: dataset.id,
        position: await nextPosition(tx, dataset.id),
        kind: 'file',
        nameVi: stem,
        nameEn: stem,
        format: formatOf(attachment.mediaType),
        attachmentId: attachment.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    let loaded = row!;
    if (isTabular(attachment.mediaType)) {
      const chunks: Buffer[] = [];
      for await (const chunk of storage.read(attachment.storageKey) as AsyncIterable<Buffer>) chunks.push(chunk);
      const table = await readTable(attachment.mediaType, Buffer.concat(chunks));
      const dictionary = dictionaryFor(table);
      const tableName = datastoreTableName(row!.id);
      await loadDatastore(tx.db, tableName, dictionary, table.rows);
      const [updated] = await tx.db
        .update(datasetResources)
        .set({ datastoreTable: tableName, dataDictionary: dictionary, datastoreLoadedAt: now })
        .where(eq(datasetResources.id, row!.id))
        .returning();
      loaded = updated!;
    }
    await touch(tx, dataset.id);
    await recordAudit(tx, {
      action: 'opendata.resource.upload',
      entityType: 'dataset',
      entityId: dataset.id,
      after: {
        resourceId: row!.id,
        fileName: attachment.fileName,
        mediaType: attachment.mediaType,
        sha256: attachment.sha256,
        sizeBytes: attachment.sizeBytes,
      },
    });
    return loaded;
  });
}

const formats: Record<string, string> = {
  'text/csv': 'CSV',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'application/json': 'JSON',
  'application/geo+json': 'GeoJSON',
  'application/pdf': 'PDF',
};
export const formatOf = (mediaType: string): string => formats[mediaType] ?? mediaType;

/**
 * Reloads a live resource's table when its source changed since the last load (compared by a
 * fingerprint of the rows), so readers always get current data without a job.
 */
export async function refreshLiveResource(ctx: ServiceContext, resource: DatasetResource): Promise<DatasetResource> {
  if (resource.kind !== 'live' || !resource.liveSource) return resource;
  const { table, types, fingerprint } = await readLiveSource(ctx, resource.liveSource);
  if (fingerprint === resource.liveFingerprint && resource.datastoreTable) return resource;
  const dictionary = dictionaryFor(table, types);
  const tableName = datastoreTableName(resource.id);
  return inTransaction(ctx, async (tx) => {
    // One refresh at a time per resource: a concurrent reader waits, then finds the table current.
    await tx.db.execute(sql`select 1 from dataset_resources where id = ${resource.id} for update`);
    await loadDatastore(tx.db, tableName, dictionary, table.rows);
    const now = tx.clock.now().toISOString();
    const [row] = await tx.db
      .update(datasetResources)
      .set({ datastoreTable: tableName, dataDictionary: dictionary, datastoreLoadedAt: now, liveFingerprint: fingerprint, updatedAt: now })
      .where(eq(datasetResources.id, resource.id))
      .returning();
    return row!;
  });
}

/** A resource the actor may read (its dataset readable), or 404. */
export async function readableResource(ctx: ServiceContext, id: string, reader?: Reader) {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
  const [row] = isUuid ? await ctx.db.select().from(datasetResources).where(eq(datasetResources.id, id)) : [];
  if (!row) throw notFound(resourceWord, id);
  const dataset = await readableDataset(ctx, row.datasetId, reader).catch(() => {
    throw notFound(resourceWord, id);
  });
  return { resource: row, dataset };
}

/** The stored file of a file resource, for download. */
export async function openResourceFile(ctx: ServiceContext, storage: StorageDriver, id: string) {
  const { resource } = await readableResource(ctx, id);
  if (!resource.attachmentId) throw notFound(resourceWord, id);
  const [file] = await ctx.db.select().from(attachments).where(eq(attachments.id, resource.attachmentId));
  if (!file) throw notFound(resourceWord, id);
  return { file, stream: storage.read(file.storageKey) };
}

/** The dataset's history: every audited change, oldest first. */
export async function datasetHistory(ctx: ServiceContext, idOrName: string) {
  const dataset = await readableDataset(ctx, idOrName);
  const rows = await ctx.db
    .select({ at: auditEvents.occurredAt, action: auditEvents.action, actorLabel: auditEvents.actorLabel, after: auditEvents.after })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, 'dataset'), eq(auditEvents.entityId, dataset.id)))
    .orderBy(asc(auditEvents.id));
  return rows;
}

/** The form of a dataset as it stands (what an editor sends back to change it). */
export function formOf(row: Dataset): DatasetInput {
  return {
    name: row.name,
    title: { vi: row.titleVi, en: row.titleEn },
    description: { vi: row.descriptionVi, en: row.descriptionEn },
    publisherUnitId: row.publisherUnitId,
    themes: row.themes,
    keywords: row.keywords,
    licenceId: row.licenceId,
    temporalStart: row.temporalStart,
    temporalEnd: row.temporalEnd,
    spatial: row.spatial,
    updateFrequency: row.updateFrequency,
    contactName: row.contactName,
    contactEmail: row.contactEmail,
    version: row.versionInfo,
    conformsTo: row.conformsTo,
    accessLevel: row.accessLevel,
    sharedWithUnitIds: row.sharedWithUnitIds,
  };
}

/** A dataset's form for one who may edit it (its unit's officers, managers); 404 for others who cannot see it, 403 for readers. */
export async function datasetForm(ctx: ServiceContext, id: string) {
  const { row } = await editableDataset(ctx, id);
  return { id: row.id, state: row.state, form: formOf(row) };
}

/** Datasets the actor works on (drafts, proposals, published), newest change first. */
export async function listWorkDatasets(ctx: ServiceContext) {
  const reader = await readerOf(ctx);
  return ctx.db.select().from(datasets).where(editableBy(reader)).orderBy(desc(datasets.updatedAt), asc(datasets.id)).limit(500);
}
