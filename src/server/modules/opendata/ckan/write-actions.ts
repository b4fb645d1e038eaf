import { z } from 'zod';
import { accessLevels, datasetInputSchema, updateFrequencies, type DatasetInput } from '../../../../shared/contracts/opendata.js';
import { AppError } from '../../../lib/errors.js';
import { datasets } from '../schema.js';
import { addResource, createDataset, findDataset, formOf, readableDataset, updateDataset } from '../service.js';
import { findUnit, one, packages, parse, str, type ActionContext } from './actions.js';
import { CkanValidationError } from './envelope.js';
import { resourceDict } from './presenter.js';

type Params = Record<string, unknown>;

/** A JSON-encoded list, as a form or query string carries one; anything else as it came. */
const decoded = (value: unknown) => {
  if (typeof value !== 'string' || !value.startsWith('[')) return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
};
/** A CKAN list of dicts (`tags: [{name}]`), or plain names, or a JSON-encoded list of either. */
const named = z.preprocess(
  decoded,
  z.array(z.union([z.string(), z.object({ name: z.string() })]).transform((v) => (typeof v === 'string' ? v : v.name))).max(50),
);
const extrasList = z.preprocess(decoded, z.array(z.object({ key: z.string().max(100), value: z.string().max(2000) })).max(50));
const translated = z.object({ vi: z.string().optional(), en: z.string().optional() });

/** What package_create and package_patch read, by CKAN's names; each is optional here, required ones are checked on the whole. */
const packageFields = {
  name: str(100).optional(),
  title: str(300).optional(),
  title_translated: one(translated).optional(),
  notes: str(10_000).optional(),
  notes_translated: one(translated).optional(),
  owner_org: str(100).optional(),
  license_id: str(100).optional(),
  // No default: a patch that does not name `private` keeps the access level.
  private: one(z.preprocess((v) => (v === undefined ? undefined : v === true || v === 'true' || v === 'True'), z.boolean().optional())),
  maintainer: str(200).optional(),
  maintainer_email: str(200).optional(),
  version: str(50).optional(),
  tags: named.optional(),
  groups: named.optional(),
  extras: extrasList.optional(),
};

/** Where a field of the platform's form comes from in a CKAN dataset dict, to name it in a Validation Error. */
const ckanName: Partial<Record<keyof DatasetInput, string>> = {
  title: 'title',
  description: 'notes',
  publisherUnitId: 'owner_org',
  themes: 'groups',
  keywords: 'tags',
  licenceId: 'license_id',
  contactName: 'maintainer',
  contactEmail: 'maintainer_email',
  temporalStart: 'extras',
  temporalEnd: 'extras',
  spatial: 'extras',
  updateFrequency: 'extras',
  conformsTo: 'extras',
  accessLevel: 'private',
};

/** `base` with what the CKAN dict sets; the extras that package_show prints are read back the same way. */
async function applyCkanFields(a: ActionContext, base: Partial<DatasetInput>, p: z.output<z.ZodObject<typeof packageFields>>) {
  const form: Record<string, unknown> = { ...base };
  if (p.name !== undefined) form.name = p.name;
  if (p.title !== undefined || p.title_translated) {
    const vi = p.title_translated?.vi ?? p.title ?? base.title?.vi ?? '';
    form.title = { vi, en: p.title_translated?.en ?? p.title ?? base.title?.en ?? vi };
  }
  if (p.notes !== undefined || p.notes_translated) {
    const vi = p.notes_translated?.vi ?? p.notes ?? base.description?.vi ?? '';
    form.description = { vi, en: p.notes_translated?.en ?? p.notes ?? base.description?.en ?? vi };
  }
  if (p.owner_org !== undefined) form.publisherUnitId = (await findUnit(a.ctx, p.owner_org)).id;
  if (p.license_id !== undefined) form.licenceId = p.license_id;
  if (p.maintainer !== undefined) form.contactName = p.maintainer;
  if (p.maintainer_email !== undefined) form.contactEmail = p.maintainer_email;
  if (p.version !== undefined) form.version = p.version;
  if (p.tags !== undefined) form.keywords = p.tags;
  if (p.groups !== undefined) form.themes = p.groups;
  if (p.private !== undefined) form.accessLevel = p.private ? 'private' : 'open';
  const extras = new Map((p.extras ?? []).map((e) => [e.key, e.value]));
  const extra = (key: string, field: keyof DatasetInput, read: (v: string) => unknown = (v) => v) => {
    const value = extras.get(key);
    if (value !== undefined) form[field] = read(value);
  };
  extra('access_level', 'accessLevel', (v) => ((accessLevels as readonly string[]).includes(v) ? v : `invalid:${v}`));
  extra('frequency', 'updateFrequency', (v) => ((updateFrequencies as readonly string[]).includes(v) ? v : `invalid:${v}`));
  extra('spatial_text', 'spatial');
  extra('temporal_start', 'temporalStart', (v) => v || null);
  extra('temporal_end', 'temporalEnd', (v) => v || null);
  extra('conforms_to', 'conformsTo', (v) => v.split(/\s+/).filter(Boolean));
  return form;
}

/** The form checked as the platform's own API checks it, its failures named by CKAN's field names. */
function checkedForm(form: Record<string, unknown>): DatasetInput {
  const result = datasetInputSchema.safeParse(form);
  if (result.success) return result.data;
  const fields: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as keyof DatasetInput;
    const name = ckanName[field] ?? String(field);
    (fields[name] ??= []).push(form[field] === undefined ? 'Missing value' : issue.message);
  }
  throw new CkanValidationError(fields);
}

/** The services' own refusals of a value (a licence outside the list, an unknown theme), as CKAN's Validation Error. */
async function asCkanValidation<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'VALIDATION') throw error;
    const details = (Array.isArray(error.details) ? error.details : []) as Array<{ path?: string }>;
    const fields: Record<string, string[]> = {};
    for (const detail of details.length ? details : [{}])
      (fields[ckanName[detail.path as keyof DatasetInput] ?? detail.path ?? 'params'] ??= []).push(error.localized.en);
    throw new CkanValidationError(fields);
  }
}

async function nameFree(a: ActionContext, name: string | undefined, exceptId?: string) {
  const taken = name ? await findDataset(a.ctx, name) : undefined;
  if (taken && taken.id !== exceptId) throw new CkanValidationError({ name: ['That URL is already in use.'] });
}

/**
 * CKAN's write actions, for staff with an API token allowed to write (or a signed-in session):
 * an officer creates drafts for their unit and edits them; a programme manager edits any dataset.
 * Publishing stays the platform's workflow (propose, publish), so a created dataset is a draft.
 */
export const writeActions: Record<string, (a: ActionContext, params: Params) => Promise<unknown>> = {
  async package_create(a, params) {
    const p = parse(packageFields, params);
    const form = checkedForm(await applyCkanFields(a, { title: p.name ? { vi: p.name, en: p.name } : undefined }, p));
    await nameFree(a, form.name);
    const row = await asCkanValidation(() => createDataset(a.ctx, form));
    const [dict] = await packages(a, [row]);
    return dict;
  },

  async package_patch(a, params) {
    const p = parse({ id: str(200), ...packageFields }, params);
    const before = await readableDataset(a.ctx, p.id);
    const form = checkedForm(await applyCkanFields(a, formOf(before), p));
    await nameFree(a, form.name, before.id);
    // The patch is merged into the dataset as read: an edit made in between fails (412), never lost.
    const fromRead = { ...a.ctx, precondition: { table: datasets, id: before.id, version: before.version } };
    const row = await asCkanValidation(() => updateDataset(fromRead, before.id, form));
    const [dict] = await packages(a, [row]);
    return dict;
  },

  async resource_create(a, params) {
    const p = parse(
      {
        package_id: str(200),
        url: str(2000),
        name: str(300).optional(),
        description: str(2000).optional(),
        format: str(40).default(''),
      },
      params,
    );
    const dataset = await readableDataset(a.ctx, p.package_id);
    const url = z.url().safeParse(p.url);
    if (!url.success) throw new CkanValidationError({ url: ['Please provide a valid URL'] });
    const name = p.name?.trim() || p.url;
    const description = p.description ?? '';
    const resource = await asCkanValidation(() =>
      addResource(a.ctx, dataset.id, {
        kind: 'link',
        name: { vi: name, en: name },
        description: { vi: description, en: description },
        url: url.data,
        format: p.format,
      }),
    );
    return resourceDict(a.baseUrl, resource, undefined);
  },
};
