import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../tests/support/app.js';
import { as, enrolTotp, userWithRoles, type Browser } from '../../../../tests/support/sessions.js';
import { indicatorObservations, indicators } from '../indicators/schema.js';

let t: TestApp;
let founder: Browser;
let manager: Browser;
let otherManager: Browser;

beforeAll(async () => {
  t = await buildTestApp();
  founder = (await userWithRoles(t, 'uom-tao@example.vn', [{ role: 'registered_user', unitCode: '79' }])).browser;
  manager = (await userWithRoles(t, 'dem@skhcn.gov.vn', [{ role: 'programme_manager', unitCode: 'SKHCN' }])).browser;
  otherManager = (await userWithRoles(t, 'duyet@skhcn.gov.vn', [{ role: 'programme_manager', unitCode: 'SKHCN' }])).browser;
  await enrolTotp(t, manager);
  await enrolTotp(t, otherManager);
});
afterAll(() => t.close());

type Count = { code: string; kind: string; verified: number; all: number; lastOfficial: { period: string; value: number } | null };
const incubators = async (): Promise<Count> => {
  const res = await as(t.app, null)({ method: 'GET', url: '/api/ecosystem/indicator-counts' });
  expect(res.statusCode).toBe(200);
  return (res.json().items as Count[]).find((c) => c.code === 'CS-UOM')!;
};
const report = (browser: Browser | null, period: string, code = 'CS-UOM') =>
  as(t.app, browser)({ method: 'POST', url: `/api/ecosystem/indicator-counts/${code}/report`, payload: { period } });

describe('an indicator counted from the directory', () => {
  it('lists the counted indicators, each with the kind it counts', async () => {
    const res = await as(t.app, null)({ method: 'GET', url: '/api/ecosystem/indicator-counts' });
    expect(res.json().items.map((c: Count) => [c.code, c.kind])).toEqual(
      expect.arrayContaining([
        ['CS-UOM', 'incubator'],
        ['DN-KHCN', 'st_enterprise'],
        ['KG-DMST', 'innovation_space'],
      ]),
    );
  });

  it('counts one more verified incubator when staff verify a registered profile, and not before', async () => {
    const before = await incubators();
    const created = await as(
      t.app,
      founder,
    )({
      method: 'POST',
      url: '/api/ecosystem/organisations',
      payload: { kind: 'incubator', nameVi: 'Vườn Ươm Đếm Được', fields: ['ai'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const registered = await incubators();
    expect(registered).toMatchObject({ verified: before.verified, all: before.all + 1 });
    const verified = await as(
      t.app,
      manager,
    )({ method: 'POST', url: `/api/ecosystem/organisations/${created.json().id}/verify`, payload: {} });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(await incubators()).toMatchObject({ verified: before.verified + 1, all: before.all + 1 });
  });

  it('lets only a programme manager report the count, for a period that has begun', async () => {
    expect((await report(null, '2026')).statusCode).toBe(401);
    expect((await report(founder, '2026')).statusCode).toBe(403);
    const future = await report(manager, '2027');
    expect(future.statusCode).toBe(400);
    expect(future.json().error.message.en).toBe('Reporting period 2027 has not started yet');
    expect((await report(manager, '2026', 'KTS-GRDP')).statusCode).toBe(404);
  });

  it('turns the count into a submitted value that another programme manager must approve', async () => {
    const count = await incubators();
    const res = await report(manager, '2026');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ period: '2026', value: count.verified, status: 'submitted' });
    const observationId = res.json().observationId as string;
    const [row] = await t.testDb.database.db
      .select({ status: indicatorObservations.status, sourceNote: indicatorObservations.sourceNote })
      .from(indicatorObservations)
      .innerJoin(indicators, eq(indicators.id, indicatorObservations.indicatorId))
      .where(and(eq(indicators.code, 'CS-UOM'), eq(indicatorObservations.id, observationId)));
    expect(row!.sourceNote).toContain(`${count.verified} verified profiles of “Incubator”`);
    // Not official yet: the last official figure is unchanged until the value is approved.
    expect((await incubators()).lastOfficial).toEqual(count.lastOfficial);
    expect((await report(manager, '2026')).statusCode).toBe(409);

    const ownApproval = await as(t.app, manager)({ method: 'POST', url: `/api/indicators/observations/${observationId}/approve` });
    expect(ownApproval.statusCode).toBe(403);
    expect(ownApproval.json().error.details.reason).toBe('own-value');
    const approval = await as(t.app, otherManager)({ method: 'POST', url: `/api/indicators/observations/${observationId}/approve` });
    expect(approval.statusCode, approval.body).toBe(200);
    expect((await incubators()).lastOfficial).toEqual({ period: '2026', value: count.verified });
  });
});
