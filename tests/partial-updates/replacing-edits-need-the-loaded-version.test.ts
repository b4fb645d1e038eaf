import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.js';
import { demoCampaign } from '../support/movement.js';
import { datasetForm, unitId } from '../support/opendata.js';
import { as, userWithRoles } from '../support/sessions.js';
import { loadedVersion } from '../support/versions.js';
import { expectStatus } from './fixtures.js';

/**
 * Every PUT route of the OpenAPI document either replaces a shared record, and then guards it as PATCH
 * does (ETag on GET, 428 without If-Match, 412 from an older version, one of two edits from one version),
 * or writes only the caller's own record, and says so. A PUT route in neither list fails the test.
 */
type Request = (options: InjectOptions) => Promise<LightMyRequestResponse>;
type Replacement = { url: string; bodies: [object, object] };

let t: TestApp;
let officer: Request;
beforeAll(async () => {
  t = await buildTestApp();
  officer = as(
    t.app,
    (
      await userWithRoles(t, 'thay-the@skhcn.gov.vn', [
        { role: 'unit_officer', unitCode: 'SKHCN' },
        { role: 'unit_officer', unitCode: '25747' },
      ])
    ).browser,
  );
});
afterAll(() => t.close());

const replacing: Record<string, () => Promise<Replacement>> = {
  'PUT /api/opendata/datasets/{id}': async () => {
    const skhcn = await unitId(t, 'SKHCN');
    const created = expectStatus<{ id: string }>(
      await officer({ method: 'POST', url: '/api/opendata/datasets', payload: datasetForm(skhcn, 'thay-the') }),
      201,
    );
    return {
      url: `/api/opendata/datasets/${created.id}`,
      bodies: [
        datasetForm(skhcn, 'thay-the', { title: { vi: 'Trạm sạc công cộng', en: 'Public charging stations' } }),
        datasetForm(skhcn, 'thay-the', { keywords: ['trạm sạc'] }),
      ],
    };
  },
  'PUT /api/movement/registrations/{id}/report': async () => {
    const phaseId = (await demoCampaign(t)).phases[0]!.id;
    const created = expectStatus<{ id: string }>(
      await officer({
        method: 'POST',
        url: `/api/movement/phases/${phaseId}/registrations`,
        payload: { unitId: await unitId(t, '25747'), commitments: [{ text: 'Hai sáng kiến mỗi năm', target: '2' }] },
      }),
      201,
    );
    return {
      url: `/api/movement/registrations/${created.id}/report`,
      bodies: [
        { review: 'interim', report: 'Đã có hai sáng kiến được công nhận.' },
        { review: 'interim', report: 'Đã có ba sáng kiến, một được nhân rộng.' },
      ],
    };
  },
};

/** Routes that replace only the caller's own record (config.unversioned says why). */
const ownRecords = ['PUT /api/ecosystem/experts/me', 'PUT /api/movement/initiatives/{id}/scores'];

function putOperations(): string[] {
  const document = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(document.paths).flatMap(([path, methods]) => (methods.put ? [`PUT ${path}`] : []));
}

describe('replacing edits need the version they were made from', () => {
  it('covers every PUT route of the OpenAPI document', () => {
    expect(putOperations().sort()).toEqual([...Object.keys(replacing), ...ownRecords].sort());
  });

  it.each(Object.keys(replacing))('%s: ETag on GET, 428 without If-Match, 412 from an older version, one of two', async (key) => {
    const { url, bodies } = await replacing[key]!();
    const loaded = await loadedVersion(officer, url);

    const missing = await officer({ method: 'PUT', url, payload: bodies[0] });
    expect(missing.statusCode).toBe(428);
    expect(missing.json().error.code).toBe('IF_MATCH_REQUIRED');

    const first = await officer({ method: 'PUT', url, payload: bodies[0], headers: { 'if-match': loaded } });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.headers.etag).not.toBe(loaded);

    // The second editor loaded the same version: refused with the current one, and the first edit stands.
    const stale = await officer({ method: 'PUT', url, payload: bodies[1], headers: { 'if-match': loaded } });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    expect(stale.headers.etag).toBe(first.headers.etag);
    expect(await loadedVersion(officer, url)).toBe(first.headers.etag);

    // Two edits from one version at once: exactly one goes through.
    const current = first.headers.etag as string;
    const both = await Promise.all(bodies.map((payload) => officer({ method: 'PUT', url, payload, headers: { 'if-match': current } })));
    expect(both.map((res) => res.statusCode).sort()).toEqual([200, 412]);
  });
});
