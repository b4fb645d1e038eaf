import { z } from 'zod';
import { localizedTextSchema } from './common.js';
import { isoDateSchema } from './dates.js';

/** Who may see a dataset: everyone, signed-in staff (of every unit or of the named ones), or its publisher. */
export const accessLevels = ['open', 'shared', 'private'] as const;
export type AccessLevel = (typeof accessLevels)[number];

/** draft → proposed (by the publisher's officers) → published (by a programme manager). */
export const datasetStates = ['draft', 'proposed', 'published'] as const;
export type DatasetState = (typeof datasetStates)[number];

/** How a resource holds its data: an uploaded file, a link elsewhere, or a table the platform keeps current. */
export const resourceKinds = ['file', 'link', 'live'] as const;
export type ResourceKind = (typeof resourceKinds)[number];

/** The platform's own data a live resource publishes, each only as far as its source makes it public. */
export const liveSources = ['units', 'indicators', 'plan_tasks', 'initiatives', 'ecosystem'] as const;
export type LiveSource = (typeof liveSources)[number];

/** Update frequencies, as codes of the EU "Frequency" authority table (DCAT-AP's dct:accrualPeriodicity). */
export const updateFrequencies = ['CONT', 'DAILY', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'BIANNUAL', 'ANNUAL', 'IRREG', 'UNKNOWN'] as const;
export type UpdateFrequency = (typeof updateFrequencies)[number];

/** A dataset's name in URLs and in the CKAN API: lower-case letters, digits, - and _ (CKAN's name rule). */
export const datasetNameSchema = z
  .string()
  .min(2)
  .max(100)
  .regex(/^[a-z0-9_-]+$/);

const text = (max: number) => z.string().trim().max(max);
const isoDate = isoDateSchema;

/** What an officer writes when drafting or editing a dataset. */
export const datasetInputSchema = z.object({
  name: datasetNameSchema,
  title: z.object({ vi: text(300).min(1), en: text(300).min(1) }),
  description: z.object({ vi: text(10_000), en: text(10_000) }),
  publisherUnitId: z.uuid(),
  themes: z.array(datasetNameSchema).max(20).default([]),
  keywords: z.array(text(80).min(1)).max(50).default([]),
  licenceId: text(100).optional(),
  temporalStart: isoDate.nullable().default(null),
  temporalEnd: isoDate.nullable().default(null),
  spatial: text(300).default(''),
  updateFrequency: z.enum(updateFrequencies).default('UNKNOWN'),
  contactName: text(200).min(1),
  contactEmail: z.email().max(200),
  version: text(50).default(''),
  conformsTo: z.array(z.url().max(500)).max(10).default([]),
  accessLevel: z.enum(accessLevels).default('open'),
  sharedWithUnitIds: z.array(z.uuid()).max(200).default([]),
});
export type DatasetInput = z.infer<typeof datasetInputSchema>;

/** A dataset as its editors see it: its form as it stands, to change and send back with PUT. */
export const datasetFormSchema = z.object({ id: z.uuid(), state: z.enum(datasetStates), form: datasetInputSchema });
export type DatasetForm = z.infer<typeof datasetFormSchema>;

/** A resource's name in both languages, as short as a title. */
const resourceNameSchema = z.object({ vi: text(300).min(1), en: text(300) });

export const resourceInputSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('link'),
    name: resourceNameSchema,
    description: z.object({ vi: text(2000), en: text(2000) }).optional(),
    url: z.url().max(2000),
    format: text(40).default(''),
  }),
  z.object({
    kind: z.literal('live'),
    name: resourceNameSchema,
    description: z.object({ vi: text(2000), en: text(2000) }).optional(),
    liveSource: z.enum(liveSources),
  }),
]);
export type ResourceInput = z.infer<typeof resourceInputSchema>;

/** One column of a datastore table as its data dictionary describes it. */
export const datastoreFieldSchema = z.object({
  id: z.string(),
  type: z.enum(['text', 'numeric', 'date', 'timestamp']),
  column: z.string(),
  info: z.object({ label: z.string(), notes: z.string() }).optional(),
});
export type DatastoreField = z.infer<typeof datastoreFieldSchema>;

export const datasetSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  title: localizedTextSchema,
  state: z.enum(datasetStates),
  accessLevel: z.enum(accessLevels),
  publisherUnitId: z.uuid(),
  updatedAt: z.string(),
});
export type DatasetSummary = z.infer<typeof datasetSummarySchema>;

export const resourceSummarySchema = z.object({
  id: z.uuid(),
  kind: z.enum(resourceKinds),
  name: localizedTextSchema,
  format: z.string(),
  isDatastoreActive: z.boolean(),
  dataDictionary: z.array(datastoreFieldSchema).nullable(),
});
export type ResourceSummary = z.infer<typeof resourceSummarySchema>;

export const historyEntrySchema = z.object({ at: z.string(), action: z.string(), actorLabel: z.string() });
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const themeSchema = z.object({ name: z.string(), title: localizedTextSchema, euTheme: z.string() });
export type Theme = z.infer<typeof themeSchema>;

/** Limits of open-data uploads. */
export const opendataLimits = { resourceMaxBytes: 100 * 1024 * 1024 } as const;

/** What the web pages read from the CKAN API: the keys they use, the rest passed through. */
const translatedSchema = localizedTextSchema.partial();
export const ckanResourceSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  name_translated: translatedSchema.optional(),
  format: z.string(),
  url: z.string(),
  datastore_active: z.boolean(),
  size: z.number().nullable(),
  last_modified: z.string().nullable(),
});
export const ckanPackageSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  title: z.string(),
  title_translated: translatedSchema.optional(),
  notes: z.string(),
  notes_translated: translatedSchema.optional(),
  license_id: z.string(),
  license_title: z.string(),
  license_url: z.string().optional(),
  metadata_created: z.string(),
  metadata_modified: z.string(),
  maintainer: z.string().nullable(),
  maintainer_email: z.string().nullable(),
  version: z.string().nullable(),
  private: z.boolean(),
  organization: z.looseObject({ name: z.string(), title: z.string(), title_translated: translatedSchema.optional() }).nullable(),
  groups: z.array(z.looseObject({ name: z.string(), display_name: z.string() })),
  tags: z.array(z.looseObject({ name: z.string() })),
  extras: z.array(z.object({ key: z.string(), value: z.string() })),
  resources: z.array(ckanResourceSchema),
});
export type CkanPackage = z.infer<typeof ckanPackageSchema>;
export const ckanFacetSchema = z.object({
  title: z.string().optional(),
  items: z.array(z.object({ name: z.string(), display_name: z.string(), count: z.number() })),
});
export const ckanSearchSchema = z.object({
  count: z.number(),
  results: z.array(ckanPackageSchema),
  search_facets: z.record(z.string(), ckanFacetSchema),
});
export type CkanSearch = z.infer<typeof ckanSearchSchema>;
export const datastoreResultSchema = z.object({
  total: z.number().optional(),
  fields: z.array(z.object({ id: z.string(), type: z.string() })),
  records: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
});
export type DatastoreResult = z.infer<typeof datastoreResultSchema>;
/** CKAN's envelope around a result. */
export const ckanEnvelope = <T extends z.ZodType>(result: T) => z.object({ success: z.literal(true), result });
