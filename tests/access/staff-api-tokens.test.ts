import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/server/db/schema.js';
import { operationsOf, someId, type OpenApiDocument } from '../hostile-input/openapi-requests.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { as, enrolTotp, testPassword, userWithRoles, type Browser } from '../support/sessions.js';
import { totpCode } from '../support/totp.js';

const dayMs = 86_400_000;
const isCkan = (url: string) => url.startsWith('/api/3/action/') || url.startsWith('/api/action/');
const manager = [{ role: 'programme_manager' as const, unitCode: 'SKHCN', includesSubtree: true }];

let t: TestApp;
let admin: Browser;
beforeAll(async () => {
  // Every write operation is tried once per test: no write budget may answer 429 before the token rule does.
  t = await buildTestApp({ env: { RATE_LIMIT_WRITES_PER_MINUTE: '100000', RATE_LIMIT_ACCOUNT_WRITES_PER_MINUTE: '100000' } });
  admin = (await userWithRoles(t, 'quan-tri-ma@hcm.gov.vn', [{ role: 'administrator', unitCode: '79', includesSubtree: true }])).browser;
  await enrolTotp(t, admin);
});
afterAll(() => t.close());

type TokenBody = { name: string; scopes: string[]; expiresInDays?: number };
const createToken = (browser: Browser, body: TokenBody) =>
  as(t.app, browser)({ method: 'POST', url: '/api/account/tokens', payload: body });
async function tokenOf(browser: Browser, body: TokenBody): Promise<string> {
  const res = await createToken(browser, body);
  if (res.statusCode !== 201) throw new Error(`token not created: ${res.statusCode} ${res.body}`);
  return res.json().token as string;
}

/** A manager signed in; with the second factor when `withTotp`, the session upgraded by enrolment. */
async function programmeManager(email: string, withTotp: boolean) {
  const { user, browser } = await userWithRoles(t, email, manager);
  const totp = withTotp ? await enrolTotp(t, browser) : null;
  return { user, browser, secret: totp?.secret ?? null };
}

let planNumber = 0;
/** A staff route: creating a plan (programme managers with the second factor). */
const createPlan = (authorization: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/plans',
    headers: { authorization },
    payload: {
      code: `KH-MA-${++planNumber}`,
      titleVi: 'Kế hoạch lập bằng mã truy cập',
      issuingBodyVi: 'UBND Thành phố',
      periodStart: 2026,
      periodEnd: 2030,
    },
  });

const auditAfter = async (action: string, entityId: string) => {
  const [row] = await t.testDb.database.db
    .select({ after: auditEvents.after })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)));
  return row?.after;
};
const auditCount = async () =>
  Number((await t.testDb.database.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_events`)).rows[0]!.n);

describe('a staff API token', () => {
  it('is made by a programme manager signed in with the second factor, must expire within 90 days, and calls staff routes', async () => {
    const { user, browser } = await programmeManager('ma-can-bo@skhcn.gov.vn', true);

    for (const expiresInDays of [undefined, 91]) {
      const refused = await createToken(browser, {
        name: 'báo cáo tự động',
        scopes: ['read', 'write'],
        ...(expiresInDays ? { expiresInDays } : {}),
      });
      expect(refused.statusCode, String(expiresInDays)).toBe(400);
      expect(refused.json().error).toMatchObject({
        code: 'VALIDATION',
        message: {
          vi: 'Mã truy cập dành cho cán bộ phải có thời hạn, tối đa 90 ngày',
          en: 'A staff token must expire, after at most 90 days',
        },
        details: { field: 'expiresInDays' },
      });
    }

    const created = await createToken(browser, { name: 'báo cáo tự động', scopes: ['write', 'read'], expiresInDays: 90 });
    expect(created.statusCode).toBe(201);
    const expiresAt = new Date(t.clock.now().getTime() + 90 * dayMs).toISOString();
    expect(created.json()).toMatchObject({ isStaff: true, scopes: ['read', 'write'], expiresAt, token: expect.stringMatching(/^dm_/) });
    expect(await auditAfter('api_tokens.create', created.json().id)).toEqual({ staff: true, scopes: ['read', 'write'], expiresAt });

    const plan = await createPlan(`Bearer ${created.json().token}`);
    expect(plan.statusCode, plan.body).toBe(201);
    const [row] = await t.testDb.database.db
      .select({ actorId: auditEvents.actorId, actorLabel: auditEvents.actorLabel })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, plan.json().id));
    expect(row).toEqual({ actorId: user.id, actorLabel: 'api-token' });

    // Shown once: the list never carries the token itself.
    const listed = (await as(t.app, browser)({ method: 'GET', url: '/api/account/tokens' })).json().items;
    expect(listed).toEqual([expect.objectContaining({ id: created.json().id, isStaff: true, expiresAt })]);
    expect(JSON.stringify(listed)).not.toContain(created.json().token);
  });

  it('is not what a manager makes without the second factor: staff routes refuse that token and say how to make one', async () => {
    const { browser } = await programmeManager('ma-khong-2fa@skhcn.gov.vn', false);
    const created = await createToken(browser, { name: 'không có lớp hai', scopes: ['read', 'write'] });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ isStaff: false, expiresAt: null });
    expect(await auditAfter('api_tokens.create', created.json().id)).toEqual({ staff: false, scopes: ['read', 'write'], expiresAt: null });

    const refusal = {
      code: 'SECOND_FACTOR_REQUIRED',
      message: {
        vi: 'Mã truy cập API này không được tạo trong phiên đã xác thực hai lớp nên không gọi được chức năng của cán bộ; hãy đăng nhập với xác thực hai lớp rồi tạo mã mới ở trang Tài khoản',
        en: 'This API token was not created in a session signed in with the second factor, so it cannot call staff routes; sign in with two-step verification and create a new token on your account page',
      },
      details: { reason: 'token-not-staff' },
    };
    const refused = await createPlan(`Bearer ${created.json().token}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject(refusal);

    // The account gains the second factor: the old token stays what it was made as; a new one is staff.
    await enrolTotp(t, browser);
    expect((await createPlan(`Bearer ${created.json().token}`)).json().error).toMatchObject(refusal);
    const staff = await tokenOf(browser, { name: 'có lớp hai', scopes: ['read', 'write'], expiresInDays: 30 });
    expect((await createPlan(`Bearer ${staff}`)).statusCode).toBe(201);
  });

  it('is never made for a citizen, whose token on a staff route gets the plain refusal', async () => {
    const { browser } = await userWithRoles(t, 'cong-dan-ma@example.vn', [{ role: 'registered_user', unitCode: '79' }]);
    const created = await createToken(browser, { name: 'của tôi', scopes: ['read', 'write'] });
    expect(created.json()).toMatchObject({ isStaff: false });
    const refused = await createPlan(`Bearer ${created.json().token}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'FORBIDDEN', details: { policy: 'programme-managers' } });
  });

  it('that may only read is refused on every write operation of the OpenAPI document, and nothing is written', async () => {
    const readOnly = await tokenOf(admin, { name: 'chỉ đọc', scopes: ['read'], expiresInDays: 30 });
    // A staff token that passes a staff read: any refusal below is the scope's, not the role's.
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/admin/users', headers: { authorization: `Bearer ${readOnly}` } })).statusCode,
    ).toBe(200);

    const writes = operationsOf(t.app.swagger() as unknown as OpenApiDocument).filter((op) => !['GET', 'HEAD'].includes(op.method));
    expect(writes.map((op) => `${op.method} ${op.path}`)).toEqual(
      expect.arrayContaining(['POST /api/plans', 'DELETE /api/account/tokens/{id}']),
    );
    const before = await auditCount();
    for (const op of writes) {
      const url = op.path.replace(/\{[^}]+\}/g, someId);
      const res = await t.app.inject({ method: op.method as 'POST', url, payload: {}, headers: { authorization: `Bearer ${readOnly}` } });
      expect(res.statusCode, `${op.method} ${op.path}: ${res.body}`).toBe(403);
      expect(res.json().error, `${op.method} ${op.path}`).toMatchObject({
        code: 'FORBIDDEN',
        message: {
          vi: 'Mã truy cập API này chỉ được đọc; hãy dùng mã có quyền ghi dữ liệu',
          en: 'This API token may only read; use a token with the write permission',
        },
        details: { reason: 'token-scope' },
      });
    }
    expect(await auditCount()).toBe(before);
  });

  it('stops reaching staff routes the moment the role is withdrawn, and while the account has no second factor', async () => {
    const { user, browser, secret } = await programmeManager('ma-rut-vai-tro@skhcn.gov.vn', true);
    const token = await tokenOf(browser, { name: 'tích hợp', scopes: ['read', 'write'], expiresInDays: 60 });
    expect((await createPlan(`Bearer ${token}`)).statusCode).toBe(201);

    const grantId = (await as(t.app, browser)({ method: 'GET', url: '/api/account' })).json().grants[0].id as string;
    const withdrawn = await as(t.app, admin)({ method: 'DELETE', url: `/api/admin/users/${user.id}/grants/${grantId}` });
    expect(withdrawn.statusCode).toBe(204);
    const refused = await createPlan(`Bearer ${token}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'FORBIDDEN', details: { policy: 'programme-managers' } });

    // Without the role the account may turn the second factor off; granted the role again, the token
    // must not stand in for a factor the account no longer has.
    t.clock.advance(60_000);
    const off = await as(
      t.app,
      browser,
    )({ method: 'DELETE', url: '/api/account/totp', payload: { code: totpCode(secret!, t.clock.now()) } });
    expect(off.statusCode, off.body).toBe(204);
    const regranted = await as(
      t.app,
      admin,
    )({ method: 'POST', url: `/api/admin/users/${user.id}/grants`, payload: { role: 'programme_manager', unitId: await skhcnId() } });
    expect(regranted.statusCode, regranted.body).toBe(201);
    const again = await createPlan(`Bearer ${token}`);
    expect(again.statusCode).toBe(403);
    expect(again.json().error).toMatchObject({ code: 'SECOND_FACTOR_REQUIRED' });
  });

  it('is revoked by a password change', async () => {
    const { browser } = await programmeManager('ma-doi-mat-khau@skhcn.gov.vn', true);
    const token = await tokenOf(browser, { name: 'máy chủ báo cáo', scopes: ['read', 'write'], expiresInDays: 90 });
    const change = await as(
      t.app,
      browser,
    )({
      method: 'POST',
      url: '/api/account/password',
      payload: { currentPassword: testPassword, newPassword: 'mat-khau-moi-rat-dai-2031' },
    });
    expect(change.statusCode, change.body).toBe(204);
    const res = await createPlan(`Bearer ${token}`);
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({ code: 'UNAUTHENTICATED', details: { reason: 'token-invalid' } });
  });

  // Moves the clock past every token's expiry, so it runs last.
  it('revoked or expired, is refused on every route, public ones too; a bearer value that is not ours is left to the route', async () => {
    const { browser } = await programmeManager('ma-het-han@skhcn.gov.vn', true);
    const revoked = await createToken(browser, { name: 'sẽ thu hồi', scopes: ['read', 'write'], expiresInDays: 10 });
    const expiring = await tokenOf(browser, { name: 'sẽ hết hạn', scopes: ['read', 'write'], expiresInDays: 1 });
    expect((await as(t.app, browser)({ method: 'DELETE', url: `/api/account/tokens/${revoked.json().id}` })).statusCode).toBe(204);
    expect(await auditAfter('api_tokens.revoke', revoked.json().id)).toEqual({
      staff: true,
      scopes: ['read', 'write'],
      expiresAt: revoked.json().expiresAt,
    });
    expect((await createPlan(`Bearer ${expiring}`)).statusCode).toBe(201);
    t.clock.advance(dayMs + 1000);

    const routes = t.app.declaredRoutes.filter((route) => route.method !== 'HEAD');
    expect(routes.some((route) => route.policy.isPublic)).toBe(true);
    const invalid = 'This API token is unknown, expired or revoked; create a new one on your account page';
    for (const token of [revoked.json().token as string, expiring]) {
      for (const route of routes) {
        const url = route.url.replace(/:\w+/g, someId).replace('*', 'x');
        const res = await t.app.inject({ method: route.method as 'GET', url, headers: { authorization: `Bearer ${token}` } });
        const where = `${route.method} ${route.url}`;
        if (isCkan(route.url)) {
          // CKAN answers every refusal as its Authorization Error.
          expect(res.statusCode, where).toBe(403);
          expect(res.json().error, where).toEqual({ __type: 'Authorization Error', message: `Access denied: ${invalid}` });
        } else {
          expect(res.statusCode, where).toBe(401);
          expect(res.json().error, where).toMatchObject({
            code: 'UNAUTHENTICATED',
            message: { en: invalid },
            details: { reason: 'token-invalid' },
          });
        }
      }
    }
    expect(
      (await t.app.inject({ method: 'GET', url: '/healthz', headers: { authorization: 'Bearer not-a-doimoi-token' } })).statusCode,
    ).toBe(200);
  });
});

async function skhcnId(): Promise<string> {
  const rows = await t.testDb.database.db.execute<{ id: string }>(sql`select id from units where code = 'SKHCN'`);
  return rows.rows[0]!.id;
}
