import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  accessLevels,
  datasetStates,
  liveSources,
  resourceKinds,
  updateFrequencies,
  type DatastoreField,
} from '../../../shared/contracts/opendata.js';
import { editVersion, timestamps, idColumn } from '../../db/columns.js';
import { attachments } from '../../db/platform-schema.js';
import { units, users } from '../identity/schema.js';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/** A theme (CKAN group, DCAT theme) datasets are filed under. */
export const datasetThemes = pgTable(
  'dataset_themes',
  {
    id: idColumn(),
    name: text('name').notNull(),
    titleVi: text('title_vi').notNull(),
    titleEn: text('title_en').notNull(),
    descriptionVi: text('description_vi').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    /** The EU "Data theme" code (AGRI, ECON, EDUC, …) it maps to in DCAT-AP. */
    euTheme: text('eu_theme').notNull(),
    ...timestamps(),
  },
  (t) => [uniqueIndex('dataset_themes_name_key').on(t.name)],
);

/** A dataset of the open and shared data catalogue. */
export const datasets = pgTable(
  'datasets',
  {
    id: idColumn(),
    version: editVersion(),
    name: text('name').notNull(),
    titleVi: text('title_vi').notNull(),
    titleEn: text('title_en').notNull(),
    descriptionVi: text('description_vi').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    publisherUnitId: uuid('publisher_unit_id')
      .notNull()
      .references(() => units.id),
    /** Names of `dataset_themes`. */
    themes: text('themes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    keywords: text('keywords')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    licenceId: text('licence_id').notNull(),
    temporalStart: date('temporal_start', { mode: 'string' }),
    temporalEnd: date('temporal_end', { mode: 'string' }),
    spatial: text('spatial').notNull().default(''),
    updateFrequency: text('update_frequency', { enum: updateFrequencies }).notNull().default('UNKNOWN'),
    contactName: text('contact_name').notNull(),
    contactEmail: text('contact_email').notNull(),
    /** The publisher's own version label (DCAT's dcat:version), not the edit version above. */
    versionInfo: text('version_info').notNull().default(''),
    conformsTo: text('conforms_to')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    accessLevel: text('access_level', { enum: accessLevels }).notNull().default('open'),
    /** For a shared dataset: the units whose staff may read it; empty means staff of every unit. */
    sharedWithUnitIds: uuid('shared_with_unit_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    state: text('state', { enum: datasetStates }).notNull().default('draft'),
    publishedAt: instant('published_at'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    /**
     * What `q` searches (name, titles, descriptions, keywords) folded to lower case without
     * diacritics, kept by the database itself so no writer can forget it; f_words joins the keywords.
     */
    searchText: text('search_text').generatedAlwaysAs(
      sql.raw(
        `f_unaccent(lower(name || ' ' || title_vi || ' ' || title_en || ' ' || description_vi || ' ' || description_en || ' ' || f_words(keywords)))`,
      ),
    ),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('datasets_name_key').on(t.name),
    // Substrings of `q` ("du lieu" in "dữ liệu") are looked up in trigrams, not by reading every dataset.
    index('datasets_search_text_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
    index('datasets_publisher_unit_id_idx').on(t.publisherUnitId),
    index('datasets_created_by_idx').on(t.createdBy),
    // Harvesters page the open, published datasets by id and by modification time.
    index('datasets_published_open_idx')
      .on(t.id)
      .where(sql`state = 'published' and access_level = 'open'`),
    index('datasets_updated_at_idx').on(t.updatedAt),
    index('datasets_themes_idx').using('gin', t.themes),
  ],
);

/** A distribution of a dataset: a stored file, a link, or a live table of the platform's own data. */
export const datasetResources = pgTable(
  'dataset_resources',
  {
    id: idColumn(),
    datasetId: uuid('dataset_id')
      .notNull()
      .references(() => datasets.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind', { enum: resourceKinds }).notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    descriptionVi: text('description_vi').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    /** For a link: where the data is; files and live tables are served by the platform. */
    url: text('url'),
    format: text('format').notNull().default(''),
    /** For a file: the stored upload (name, type judged from content, size, hash). */
    attachmentId: uuid('attachment_id').references(() => attachments.id),
    liveSource: text('live_source', { enum: liveSources }),
    /** The datastore table holding the rows, when the resource is tabular; the dictionary describes its columns. */
    datastoreTable: text('datastore_table'),
    dataDictionary: jsonb('data_dictionary').$type<DatastoreField[]>(),
    datastoreLoadedAt: instant('datastore_loaded_at'),
    /** A fingerprint of the live source at the last load, so a read refreshes only what changed. */
    liveFingerprint: text('live_fingerprint'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('dataset_resources_dataset_position_key').on(t.datasetId, t.position),
    index('dataset_resources_dataset_id_idx').on(t.datasetId),
    index('dataset_resources_attachment_id_idx').on(t.attachmentId),
  ],
);

export type Dataset = typeof datasets.$inferSelect;
export type DatasetResource = typeof datasetResources.$inferSelect;
export type DatasetTheme = typeof datasetThemes.$inferSelect;
