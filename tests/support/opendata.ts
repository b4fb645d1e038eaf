import { eq, sql } from 'drizzle-orm';
import type { DatasetInput } from '../../src/shared/contracts/opendata.js';
import { units } from '../../src/server/modules/identity/schema.js';
import type { TestApp } from './app.js';
import { as, type Browser } from './sessions.js';

/**
 * Removes the demo catalogue, for tests that count the whole catalogue (every open dataset, every
 * tag): they start from one that holds only the datasets they create.
 */
export async function withoutDemoCatalogue(t: TestApp): Promise<void> {
  await t.testDb.database.db.execute(sql`delete from datasets`);
}

export async function unitId(t: TestApp, code: string): Promise<string> {
  const [row] = await t.testDb.database.db.select({ id: units.id }).from(units).where(eq(units.code, code));
  if (!row) throw new Error(`no unit ${code} in the demo data`);
  return row.id;
}

/** A complete dataset form, as an officer fills it in; `overrides` change any field. */
export function datasetForm(publisherUnitId: string, name: string, overrides: Partial<DatasetInput> = {}): DatasetInput {
  return {
    name,
    title: { vi: `Danh sách trạm sạc xe điện ${name}`, en: `Electric vehicle charging stations ${name}` },
    description: {
      vi: 'Vị trí và công suất các trạm sạc trên địa bàn thành phố.',
      en: 'Location and power of charging stations in the city.',
    },
    publisherUnitId,
    themes: ['giao-thong'],
    keywords: ['giao thông', 'năng lượng'],
    temporalStart: '2025-01-01',
    temporalEnd: '2025-12-31',
    spatial: 'Thành phố Hồ Chí Minh',
    updateFrequency: 'QUARTERLY',
    contactName: 'Phòng Dữ liệu',
    contactEmail: 'du-lieu@skhcn.gov.vn',
    version: '1.0',
    conformsTo: [],
    accessLevel: 'open',
    sharedWithUnitIds: [],
    ...overrides,
  };
}

/** Drafts a dataset and moves it through the workflow with the given browsers; returns its id. */
export async function publishedDataset(
  t: TestApp,
  officer: Browser,
  manager: Browser,
  form: DatasetInput,
  file?: { name: string; bytes: Buffer; multipart: (name: string, bytes: Buffer) => { payload: Buffer; headers: Record<string, string> } },
) {
  const created = await as(t.app, officer)({ method: 'POST', url: '/api/opendata/datasets', payload: form });
  if (created.statusCode !== 201) throw new Error(`draft failed: ${created.statusCode} ${created.body}`);
  const id: string = created.json().id;
  if (file) {
    const upload = file.multipart(file.name, file.bytes);
    const res = await as(t.app, officer)({ method: 'POST', url: `/api/opendata/datasets/${id}/files`, ...upload });
    if (res.statusCode !== 201) throw new Error(`upload failed: ${res.statusCode} ${res.body}`);
  }
  for (const [who, action] of [
    [officer, 'propose'],
    [manager, 'publish'],
  ] as const) {
    const res = await as(t.app, who)({ method: 'POST', url: `/api/opendata/datasets/${id}/${action}` });
    if (res.statusCode !== 200) throw new Error(`${action} failed: ${res.statusCode} ${res.body}`);
  }
  return id;
}
