import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../tests/support/app.js';
import { as, userWithRoles } from '../../../../tests/support/sessions.js';
import { liveSources } from '../../../shared/contracts/opendata.js';
import { seedsDir } from '../../lib/paths.js';
import { defaultOpenLicenceId } from './licences.js';

/** The demo catalogue as its seed file describes it: the test follows the file, not a copy of it. */
type SeedDataset = {
  name: string;
  state: string;
  accessLevel?: string;
  resources: Array<{ kind: 'live'; liveSource: string } | { kind: 'file'; file: string; fileName: string }>;
};
const seed = JSON.parse(readFileSync(join(seedsDir, 'demo', 'opendata.json'), 'utf8')) as { datasets: SeedDataset[] };
const isOpen = (d: SeedDataset) => d.state === 'published' && (d.accessLevel ?? 'open') === 'open';

type Resource = { id: string; name: string; url: string; format: string; datastore_active: boolean };
type Package = Record<string, unknown> & { name: string; resources: Resource[]; groups: unknown[]; tags: unknown[] };

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const action = async (path: string, headers: Record<string, string> = {}) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/3/action/${path}`, headers });
  return { status: res.statusCode, body: res.json() };
};

describe('the demo catalogue', () => {
  it('shows every state: published open and shared datasets, a proposal and a draft', () => {
    expect(new Set(seed.datasets.map((d) => d.state))).toEqual(new Set(['published', 'proposed', 'draft']));
    expect(seed.datasets.some((d) => d.state === 'published' && d.accessLevel === 'shared')).toBe(true);
    const liveSourcesSeeded = seed.datasets.flatMap((d) => d.resources.flatMap((r) => (r.kind === 'live' ? [r.liveSource] : [])));
    expect(new Set(liveSourcesSeeded)).toEqual(new Set(liveSources));
  });

  it('package_search finds the open published datasets and no shared, proposed or draft one', async () => {
    const { status, body } = await action('package_search?rows=100');
    expect(status).toBe(200);
    const names = (body.result.results as Package[]).map((p) => p.name).sort();
    expect(names).toEqual(
      seed.datasets
        .filter(isOpen)
        .map((d) => d.name)
        .sort(),
    );
    expect(body.result.count).toBe(names.length);
    for (const p of body.result.results as Package[]) {
      expect(p.license_id).toBe(defaultOpenLicenceId);
      expect(p.groups.length).toBeGreaterThan(0);
      expect(p.tags.length).toBeGreaterThan(0);
      expect(p.organization).toMatchObject({ name: expect.any(String) });
      expect(p.maintainer_email).toMatch(/@/);
      expect(p.resources.length).toBeGreaterThan(0);
    }
  });

  it('finds a dataset without diacritics', async () => {
    const { body } = await action(`package_search?q=${encodeURIComponent('wifi cong cong')}`);
    expect((body.result.results as Package[]).map((p) => p.name)).toContain('diem-wifi-cong-cong');
    const names = async (q: string) =>
      ((await action(`package_search?rows=100&q=${encodeURIComponent(q)}`)).body.result.results as Package[]).map((p) => p.name);
    const plain = await names('du lieu');
    expect(plain.length).toBeGreaterThan(0);
    expect(plain).toEqual(await names('dữ liệu'));
  });

  it('the shared dataset is read by signed-in staff and not by a visitor', async () => {
    const shared = seed.datasets.find((d) => d.accessLevel === 'shared')!;
    expect((await action(`package_show?id=${shared.name}`)).status).toBe(404);
    const { browser } = await userWithRoles(t, 'dulieu-chia-se@syt.gov.vn', [{ role: 'unit_officer', unitCode: 'SYT' }]);
    const res = await as(t.app, browser)({ method: 'GET', url: `/api/3/action/package_show?id=${shared.name}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().result.resources[0].datastore_active).toBe(true);
  });

  it('datastore_search answers on every resource of every open dataset, with rows', async () => {
    for (const dataset of seed.datasets.filter(isOpen)) {
      const pkg = (await action(`package_show?id=${dataset.name}`)).body.result as Package;
      for (const resource of pkg.resources) {
        expect(resource.datastore_active, `${dataset.name}`).toBe(true);
        const { status, body } = await action(`datastore_search?resource_id=${resource.id}&limit=5`);
        expect(status, `${dataset.name}`).toBe(200);
        expect(body.result.total, `${dataset.name}`).toBeGreaterThan(0);
        expect(body.result.records.length).toBeGreaterThan(0);
      }
    }
  });

  it('an uploaded CSV comes back byte for byte from storage and row for row from the datastore', async () => {
    const dataset = seed.datasets.find((d) => isOpen(d) && d.resources.some((r) => r.kind === 'file'))!;
    const file = dataset.resources.find((r) => r.kind === 'file')!;
    const bytes = readFileSync(join(seedsDir, 'demo', file.file));
    const pkg = (await action(`package_show?id=${dataset.name}`)).body.result as Package;
    const resource = pkg.resources[0]!;
    expect(resource.format).toBe('CSV');
    const download = await t.app.inject({ method: 'GET', url: new URL(resource.url).pathname });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(bytes)).toBe(true);
    const lines = bytes.toString('utf8').trim().split('\n');
    const [code] = lines[1]!.split(',');
    const { body } = await action(
      `datastore_search?resource_id=${resource.id}&filters=${encodeURIComponent(JSON.stringify({ [lines[0]!.split(',')[0]!]: code }))}`,
    );
    expect(body.result.total).toBe(1);
    const all = await action(`datastore_search?resource_id=${resource.id}&limit=1000`);
    expect(all.body.result.total).toBe(lines.length - 1);
  });

  it('the ecosystem table lists every directory organisation and none of what the directory keeps to its keepers', async () => {
    const dataset = seed.datasets.find((d) => d.resources.some((r) => r.kind === 'live' && r.liveSource === 'ecosystem'))!;
    const pkg = (await action(`package_show?id=${dataset.name}`)).body.result as Package;
    const { body } = await action(`datastore_search?resource_id=${pkg.resources[0]!.id}&limit=1000`);
    const db = t.testDb.database.db;
    const orgs = await db.execute<{ slug: string; contact_email: string | null; contact_phone: string | null; address: string }>(
      sql`select slug, contact_email, contact_phone, address from eco_organisations`,
    );
    expect(body.result.total).toBe(orgs.rows.length);
    expect((body.result.records as Array<{ ma: string }>).map((r) => r.ma).sort()).toEqual(orgs.rows.map((o) => o.slug).sort());
    const published = JSON.stringify(body.result.records);
    const kept = orgs.rows.flatMap((o) => [o.contact_email, o.contact_phone, o.address]).filter((v): v is string => !!v && v.length > 3);
    for (const value of kept) expect(published).not.toContain(value);
  });
});
