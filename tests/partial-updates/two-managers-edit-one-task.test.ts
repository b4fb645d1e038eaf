import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.js';
import { as, enrolTotp, userWithRoles } from '../support/sessions.js';
import { loadedVersion } from '../support/versions.js';
import { expectStatus } from './fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const manager = async (email: string) => {
  const { browser } = await userWithRoles(t, email, [{ role: 'programme_manager', unitCode: '79', includesSubtree: true }]);
  await enrolTotp(t, browser);
  return as(t.app, browser);
};

describe('two managers edit one task', () => {
  it('the second gets 412 with the current version, and after reviewing it both changes are kept', async () => {
    const [an, binh] = [await manager('an.manager@hcm.gov.vn'), await manager('binh.manager@hcm.gov.vn')];
    const units = expectStatus<{ items: Array<{ id: string; code: string }> }>(await an({ method: 'GET', url: '/api/units' }), 200).items;
    const skhcn = units.find((unit) => unit.code === 'SKHCN')!.id;
    const planId = expectStatus<{ id: string }>(
      await an({
        method: 'POST',
        url: '/api/plans',
        payload: {
          code: 'KH-2-NGUOI',
          titleVi: 'Kế hoạch hai người sửa',
          issuingBodyVi: 'UBND Thành phố',
          periodStart: 2026,
          periodEnd: 2030,
          isPublic: true,
        },
      }),
      201,
    ).id;
    const taskId = expectStatus<{ id: string }>(
      await an({
        method: 'POST',
        url: `/api/plans/${planId}/tasks`,
        payload: { code: 'NV-1', titleVi: 'Số hóa hồ sơ', leadUnitId: skhcn, dueOn: '2026-12-31' },
      }),
      201,
    ).id;
    const url = `/api/plans/tasks/${taskId}`;

    // Both load the task.
    const anLoaded = await loadedVersion(an, url);
    const binhLoaded = await loadedVersion(binh, url);
    expect(binhLoaded).toBe(anLoaded);

    // An moves the deadline; Bình, from the same version, renames the task.
    expectStatus(await an({ method: 'PATCH', url, payload: { dueOn: '2027-06-30' }, headers: { 'if-match': anLoaded } }), 200);
    const refused = await binh({ method: 'PATCH', url, payload: { titleVi: 'Số hóa toàn bộ hồ sơ' }, headers: { 'if-match': binhLoaded } });
    expect(refused.statusCode).toBe(412);
    expect(refused.json().error.code).toBe('STALE_VERSION');

    // Nothing is lost: An's change stands, Bình's was not written over it.
    const between = expectStatus<{ dueOn: string; title: { vi: string } }>(await binh({ method: 'GET', url }), 200);
    expect(between.dueOn).toBe('2027-06-30');
    expect(between.title.vi).toBe('Số hóa hồ sơ');

    // Bình reviews An's change (the current version) and saves his again.
    const reviewed = await binh({
      method: 'PATCH',
      url,
      payload: { titleVi: 'Số hóa toàn bộ hồ sơ' },
      headers: { 'if-match': refused.headers.etag as string },
    });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    const final = expectStatus<{ dueOn: string; title: { vi: string } }>(await an({ method: 'GET', url }), 200);
    expect(final).toMatchObject({ dueOn: '2027-06-30', title: { vi: 'Số hóa toàn bộ hồ sơ' } });
  });
});
