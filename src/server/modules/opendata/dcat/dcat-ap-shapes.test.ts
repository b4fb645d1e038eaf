import jsonld from 'jsonld';
import { Parser, Store } from 'n3';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import SHACLValidator from 'rdf-validate-shacl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../tests/support/app.js';
import { datasetForm, publishedDataset, unitId } from '../../../../../tests/support/opendata.js';
import { readSharedTestdata } from '../../../../../tests/support/shared-testdata.js';
import { as, enrolTotp, userWithRoles, type Browser } from '../../../../../tests/support/sessions.js';
import { multipartFile } from '../../../../../tests/support/uploads.js';

/** DCAT-AP 3.0.1 "Base Zero" shapes (existence, cardinality, literal datatypes): the gate every graph passes. */
const shapes = new Store(new Parser().parse(readSharedTestdata('dcat-ap/3.0.1/html/shacl/shapes.ttl')));

let t: TestApp;
let officer: Browser;
let manager: Browser;
let datasetId: string;

beforeAll(async () => {
  t = await buildTestApp();
  const skhcn = await unitId(t, 'SKHCN');
  officer = (await userWithRoles(t, 'dcat@skhcn.gov.vn', [{ role: 'unit_officer', unitCode: 'SKHCN' }])).browser;
  manager = (await userWithRoles(t, 'dcat-quan-ly@skhcn.gov.vn', [{ role: 'programme_manager', unitCode: 'SKHCN', includesSubtree: true }]))
    .browser;
  await enrolTotp(t, manager);
  datasetId = await publishedDataset(
    t,
    officer,
    manager,
    datasetForm(skhcn, 'tram-sac', { conformsTo: ['https://www.w3.org/TR/tabular-data-primer/'] }),
    {
      name: 'tram-sac.csv',
      bytes: Buffer.from('ten,cong_suat\nBến Thành,150\n'),
      multipart: multipartFile,
    },
  );
  // A minimal one: no description, no temporal or spatial coverage, no keywords, a link resource.
  const bare = await publishedDataset(
    t,
    officer,
    manager,
    datasetForm(skhcn, 'toi-gian', {
      description: { vi: '', en: '' },
      keywords: [],
      themes: [],
      temporalStart: null,
      temporalEnd: null,
      spatial: '',
      version: '',
      updateFrequency: 'UNKNOWN',
    }),
  );
  void bare;
  // A live resource on a third.
  const live: string = (
    await as(t.app, manager)({ method: 'POST', url: '/api/opendata/datasets', payload: datasetForm(skhcn, 'chi-tieu') })
  ).json().id;
  await as(
    t.app,
    manager,
  )({
    method: 'POST',
    url: `/api/opendata/datasets/${live}/resources`,
    payload: { kind: 'live', name: { vi: 'Chỉ tiêu', en: 'Indicators' }, liveSource: 'indicators' },
  });
  await as(
    t.app,
    manager,
  )({
    method: 'POST',
    url: `/api/opendata/datasets/${live}/resources`,
    payload: { kind: 'link', name: { vi: 'Cổng', en: 'Portal' }, url: 'https://data.gov.vn/', format: 'HTML' },
  });
  await as(t.app, manager)({ method: 'POST', url: `/api/opendata/datasets/${live}/publish` });
});
afterAll(() => t.close());

async function violations(store: Store) {
  const report = await new SHACLValidator(shapes).validate(store);
  return report.results.map(
    (r) => `${r.focusNode?.value ?? ''} ${r.path?.value ?? ''}: ${String(r.message.map((m) => m.value).join('; '))}`,
  );
}

const fetchText = async (url: string, accept?: string) => {
  const res = await t.app.inject({ method: 'GET', url, headers: accept ? { accept } : {} });
  expect(res.statusCode, res.body).toBe(200);
  return { body: res.body, type: String(res.headers['content-type']) };
};

async function readRdfXml(text: string): Promise<Store> {
  const store = new Store();
  const parser = new RdfXmlParser();
  await new Promise<void>((resolve, reject) => {
    parser.on('data', (q) => store.addQuad(q));
    parser.on('error', reject);
    parser.on('end', resolve);
    parser.write(text);
    parser.end();
  });
  return store;
}

const readJsonLd = async (text: string) =>
  new Store(
    new Parser({ format: 'N-Quads' }).parse(
      (await jsonld.toRDF(JSON.parse(text) as object, { format: 'application/n-quads' })) as unknown as string,
    ),
  );
const countOf = (store: Store, type: string) => store.getSubjects('http://www.w3.org/1999/02/22-rdf-syntax-ns#type', type, null).length;

describe('DCAT-AP 3.0.1 shapes', () => {
  it('the shapes find violations in a graph that lacks what they require (the gate can fail)', async () => {
    const broken = new Store(
      new Parser().parse('<http://x/d> a <http://www.w3.org/ns/dcat#Dataset> . <http://x/c> a <http://www.w3.org/ns/dcat#Catalog> .'),
    );
    expect((await violations(broken)).length).toBeGreaterThanOrEqual(4);
  });

  it('the catalogue in Turtle, JSON-LD and RDF/XML has zero violations and the same datasets', async () => {
    const turtle = await fetchText('/catalog.ttl');
    expect(turtle.type).toContain('text/turtle');
    const fromTurtle = new Store(new Parser().parse(turtle.body));
    const fromJsonLd = await readJsonLd((await fetchText('/catalog.jsonld')).body);
    const fromXml = await readRdfXml((await fetchText('/catalog.rdf')).body);
    // The same open datasets the CKAN API lists: this file's three and the demo catalogue's.
    const open = (await t.app.inject('/api/3/action/package_search?rows=1000')).json().result as {
      count: number;
      results: Array<{ num_resources: number }>;
    };
    expect(open.count).toBeGreaterThan(3);
    const distributions = open.results.reduce((sum, r) => sum + r.num_resources, 0);
    for (const store of [fromTurtle, fromJsonLd, fromXml]) {
      expect(await violations(store)).toEqual([]);
      expect(countOf(store, 'http://www.w3.org/ns/dcat#Dataset')).toBe(open.count);
      expect(countOf(store, 'http://www.w3.org/ns/dcat#Distribution')).toBe(distributions);
      expect(store.size).toBe(fromTurtle.size);
    }
    expect(fromTurtle.getObjects(null, 'http://www.w3.org/ns/hydra/core#totalItems', null).map((o) => o.value)).toEqual([
      String(open.count),
    ]);
  });

  it('each dataset graph has zero violations, by extension and by content negotiation, with its checksum and byte size', async () => {
    const byExtension = new Store(new Parser().parse((await fetchText(`/dataset/${datasetId}.ttl`)).body));
    expect(await violations(byExtension)).toEqual([]);
    const negotiated = await fetchText(`/dataset/${datasetId}`, 'application/ld+json');
    expect(negotiated.type).toContain('application/ld+json');
    expect(await violations(await readJsonLd(negotiated.body))).toEqual([]);
    expect(byExtension.getObjects(null, 'http://spdx.org/rdf/terms#checksumValue', null)[0]?.value).toMatch(/^[0-9a-f]{64}$/);
    expect(byExtension.getObjects(null, 'http://www.w3.org/ns/dcat#byteSize', null)[0]?.value).toBe(
      String(Buffer.byteLength('ten,cong_suat\nBến Thành,150\n')),
    );
    const browser = await t.app.inject({ method: 'GET', url: `/dataset/${datasetId}`, headers: { accept: 'text/html' } });
    expect(browser.statusCode).toBe(303);
    expect(browser.headers.location).toBe('/du-lieu-mo/tram-sac');
  });
});
