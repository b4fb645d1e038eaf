import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.js';
import type { Browser } from '../support/sessions.js';
import { loadedVersion } from '../support/versions.js';
import { expectStatus, patchFixtures, type FieldChange, type Patcher } from './fixtures.js';
import { fixtureContext, patchOperations, patcherBrowsers } from './patchers.js';

/**
 * Every PATCH route in the OpenAPI document guards against lost updates the same way: GET of the
 * resource answers an ETag, an edit without If-Match gets 428, one from an older version 412 with
 * the current ETag, and two edits from one version let exactly one through.
 */
let t: TestApp;
let browsers: Map<Patcher, Browser>;
beforeAll(async () => {
  t = await buildTestApp();
  browsers = await patcherBrowsers(t);
});
afterAll(() => t.close());

type ErrorBody = { error: { code: string; message: { vi: string; en: string }; details?: { currentVersion?: number } } };

describe('edits need the version they were made from', () => {
  it('covers every PATCH route of the OpenAPI document', () => {
    expect(
      patchOperations(t)
        .map((op) => op.key)
        .sort(),
    ).toEqual(Object.keys(patchFixtures).sort());
  });

  it.each(Object.keys(patchFixtures))('%s: ETag on GET, 428 without If-Match, 412 from an older version', async (key) => {
    const fixture = patchFixtures[key]!;
    const context = await fixtureContext(t, browsers.get(fixture.patcher)!);
    const { request } = context;
    const subject = await fixture.setup(context);
    const [[first, firstChange], [second, secondChange]] = Object.entries(subject.fields) as unknown as [
      [string, FieldChange],
      [string, FieldChange],
    ];
    const original = await subject.read();

    const loaded = await loadedVersion(request, subject.url);
    expect(loaded).toMatch(/^"\d+"$/);

    const missing = await request({ method: 'PATCH', url: subject.url, payload: { [first]: firstChange.value } });
    expect(missing.statusCode, missing.body).toBe(428);
    const missingBody = missing.json<ErrorBody>();
    expect(missingBody.error.code).toBe('IF_MATCH_REQUIRED');
    expect(missingBody.error.message.vi).toMatch(/If-Match/);
    expect(missingBody.error.message.en).toMatch(/If-Match/);
    expect(await subject.read(), 'a refused edit changes nothing').toEqual(original);

    const saved = await request({
      method: 'PATCH',
      url: subject.url,
      payload: { [first]: firstChange.value },
      headers: { 'if-match': loaded },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const current = saved.headers.etag;
    expect(current, 'a saved edit answers its new version').toMatch(/^"\d+"$/);
    expect(current).not.toBe(loaded);
    expect(await loadedVersion(request, subject.url)).toBe(current);
    const afterSave = await subject.read();

    const stale = await request({
      method: 'PATCH',
      url: subject.url,
      payload: { [second]: secondChange.value },
      headers: { 'if-match': loaded },
    });
    expect(stale.statusCode, stale.body).toBe(412);
    const staleBody = stale.json<ErrorBody>();
    expect(staleBody.error.code).toBe('STALE_VERSION');
    expect(staleBody.error.message.vi).toContain('Có người vừa thay đổi');
    expect(staleBody.error.message.en).toContain('Someone changed');
    expect(`"${staleBody.error.details?.currentVersion}"`).toBe(current);
    expect(stale.headers.etag).toBe(current);
    expect(await subject.read(), 'a stale edit changes nothing').toEqual(afterSave);

    const unknown = await request({
      method: 'PATCH',
      url: subject.url,
      payload: { [second]: secondChange.value },
      headers: { 'if-match': '"not-ours"' },
    });
    expect(unknown.statusCode, 'an ETag the server never sent is not current').toBe(412);

    // Two edits from one version at the same moment: one goes through, the other is told.
    const race = await Promise.all(
      [first, second].map((field) =>
        request({
          method: 'PATCH',
          url: subject.url,
          payload: { [field]: subject.fields[field]!.value },
          headers: { 'if-match': current! },
        }),
      ),
    );
    expect(race.map((res) => res.statusCode).sort()).toEqual([200, 412]);
  });

  it('answers 404, not 412, for a row that does not exist', async () => {
    const context = await fixtureContext(t, browsers.get('programme manager')!);
    const res = await context.request({
      method: 'PATCH',
      url: '/api/plans/tasks/00000000-0000-4000-8000-000000000000',
      payload: { titleVi: 'Không có' },
      headers: { 'if-match': '"1"' },
    });
    expectStatus(res, 404);
  });
});
