import { and, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../tests/support/app.js';
import { as, enrolTotp, passSecondFactor, signIn, testPassword, userWithRoles } from '../../../../tests/support/sessions.js';
import { totpCode } from '../../../../tests/support/totp.js';
import { emailOutbox } from '../notifications/schema.js';
import { editLoaded } from '../../../../tests/support/versions.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ env: { PUBLIC_URL: 'https://doimoi.test' } });
});
afterAll(() => t.close());

/** The link in the newest e-mail sent to an address. */
async function linkTokenFor(address: string, template: 'verify_email' | 'reset_password'): Promise<string> {
  const [mail] = await t.testDb.database.db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.toAddress, address), eq(emailOutbox.template, template)))
    .orderBy(desc(emailOutbox.createdAt))
    .limit(1);
  const match = /token=([\w-]+)/.exec(mail?.bodyText ?? '');
  if (!match) throw new Error(`no link in the e-mail to ${address}`);
  return match[1]!;
}

const signUpBody = (email: string) => ({ email, password: testPassword, displayName: 'Nguyễn Văn An', accountKind: 'citizen', locale: 'vi', consent: true });

describe('sign-up, verification and sign-in', () => {
  it('registers a citizen, sends a verification link that works once, and records consent', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/sign-up', payload: signUpBody('an@example.vn') });
    expect(res.statusCode).toBe(201);
    const token = await linkTokenFor('an@example.vn', 'verify_email');
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/verify-email', payload: { token } })).statusCode).toBe(200);
    const again = await t.app.inject({ method: 'POST', url: '/api/auth/verify-email', payload: { token } });
    expect(again.statusCode).toBe(410);
    expect(again.json().error.code).toBe('GONE');

    const browser = await signIn(t.app, 'AN@example.vn', testPassword);
    const me = (await as(t.app, browser)({ method: 'GET', url: '/api/account' })).json();
    expect(me).toMatchObject({ email: 'an@example.vn', isEmailVerified: true, hasTotp: false, accountKind: 'citizen' });
    expect(me.grants.map((g: { role: string }) => g.role)).toEqual(['registered_user']);
    const consent = await t.testDb.database.db.execute(sql`select policy_version from consents where user_id = ${me.id}`);
    expect(consent.rows).toHaveLength(1);
  });

  it('refuses sign-up without consent, naming the field in both languages', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/sign-up', payload: { ...signUpBody('b@example.vn'), consent: false } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION');
    expect(JSON.stringify(res.json().error.details)).toContain('consent');
  });

  it('answers a sign-up with a taken address exactly like a new one, and tells the owner by e-mail', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/sign-up', payload: signUpBody('an@example.vn') });
    expect(res.statusCode).toBe(201);
    const mails = await t.testDb.database.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, 'an@example.vn'));
    expect(mails.map((m) => m.template)).toEqual(expect.arrayContaining(['verify_email', 'message']));
    const users = await t.testDb.database.db.execute(sql`select count(*)::int as n from users where lower(email) = 'an@example.vn'`);
    expect(users.rows[0]).toEqual({ n: 1 });
  });

  it('sets an HttpOnly, SameSite, Secure session cookie and refuses a write without the CSRF token', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: 'an@example.vn', password: testPassword } });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Secure/);
    const browser = { cookie: cookie.split(';')[0]!, csrfToken: res.json().csrfToken };
    const forged = await t.app.inject({ method: 'PATCH', url: '/api/account', payload: { displayName: 'Kẻ giả mạo' }, headers: { cookie: browser.cookie } });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.code).toBe('CSRF');
    const real = await editLoaded(as(t.app, browser), '/api/account', { displayName: 'Nguyễn Văn Bình' });
    expect(real.statusCode).toBe(200);
    expect(real.json().displayName).toBe('Nguyễn Văn Bình');
  });

  it('answers a wrong password with 401 INVALID_CREDENTIALS in both languages', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: 'an@example.vn', password: 'sai-mat-khau-roi' }, remoteAddress: '10.9.9.9' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({ code: 'INVALID_CREDENTIALS', message: { vi: 'E-mail hoặc mật khẩu không đúng', en: 'Wrong e-mail or password' } });
  });

  it('signs out: the cookie no longer works', async () => {
    const browser = await signIn(t.app, 'an@example.vn', testPassword);
    expect((await as(t.app, browser)({ method: 'POST', url: '/api/auth/sign-out' })).statusCode).toBe(204);
    expect((await as(t.app, browser)({ method: 'GET', url: '/api/account' })).statusCode).toBe(401);
  });
});

describe('password reset and change', () => {
  it('answers 202 for unknown addresses too, resets with a one-time link and ends old sessions', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { email: 'nobody@example.vn' } })).statusCode).toBe(202);
    const old = await signIn(t.app, 'an@example.vn', testPassword);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { email: 'an@example.vn' } })).statusCode).toBe(202);
    const token = await linkTokenFor('an@example.vn', 'reset_password');
    const confirm = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, password: 'mat-khau-moi-hoan-toan' } });
    expect(confirm.statusCode).toBe(200);
    expect((await as(t.app, old)({ method: 'GET', url: '/api/account' })).statusCode).toBe(401);
    const reused = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, password: 'mat-khau-khac-nua-ne' } });
    expect(reused.statusCode).toBe(410);
    const browser = await signIn(t.app, 'an@example.vn', 'mat-khau-moi-hoan-toan');
    const change = await as(t.app, browser)({ method: 'POST', url: '/api/account/password', payload: { currentPassword: 'sai', newPassword: testPassword } });
    expect(change.statusCode).toBe(401);
    expect((await as(t.app, browser)({ method: 'POST', url: '/api/account/password', payload: { currentPassword: 'mat-khau-moi-hoan-toan', newPassword: testPassword } })).statusCode).toBe(204);
    await signIn(t.app, 'an@example.vn', testPassword);
  });
});

describe('two-factor sign-in', () => {
  it('enrols with codes from an independent TOTP implementation; sign-in then needs the code; a recovery code works once', async () => {
    const { browser } = await userWithRoles(t, 'totp@example.vn', [{ role: 'registered_user', unitCode: '79' }]);
    const { secret, recoveryCodes } = await enrolTotp(t, browser);
    expect(recoveryCodes).toHaveLength(10);

    const pending = await signIn(t.app, 'totp@example.vn', testPassword);
    expect(pending.status).toBe('second_factor_required');
    const state = (await as(t.app, pending)({ method: 'GET', url: '/api/auth/session' })).json();
    expect(state).toMatchObject({ user: null, isSecondFactorPending: true });
    expect((await as(t.app, pending)({ method: 'GET', url: '/api/account' })).statusCode).toBe(401);
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/second-factor', payload: { code: '000000' }, headers: { cookie: pending.cookie } });
    expect(wrong.json().error.code).toBe('INVALID_CODE');
    // The enrolment code's step is taken: the next sign-in needs the next code.
    t.clock.advance(30_000);
    const code = totpCode(secret, t.clock.now());
    const full = await passSecondFactor(t.app, pending, code);
    expect((await as(t.app, full)({ method: 'GET', url: '/api/account' })).json()).toMatchObject({ hasTotp: true, hasSecondFactor: true });

    // The same code, replayed within its 30 seconds, is refused.
    const replay = await signIn(t.app, 'totp@example.vn', testPassword);
    const replayed = await t.app.inject({ method: 'POST', url: '/api/auth/second-factor', payload: { code }, headers: { cookie: replay.cookie } });
    expect(replayed.statusCode).toBe(401);
    expect(replayed.json().error.code).toBe('INVALID_CODE');
    // The pending cookie was replaced, not upgraded.
    expect((await as(t.app, pending)({ method: 'GET', url: '/api/account' })).statusCode).toBe(401);

    const viaRecovery = await passSecondFactor(t.app, await signIn(t.app, 'totp@example.vn', testPassword), recoveryCodes[0]!);
    expect((await as(t.app, viaRecovery)({ method: 'GET', url: '/api/account' })).statusCode).toBe(200);
    const reused = await signIn(t.app, 'totp@example.vn', testPassword);
    const again = await t.app.inject({ method: 'POST', url: '/api/auth/second-factor', payload: { code: recoveryCodes[0] }, headers: { cookie: reused.cookie } });
    expect(again.statusCode).toBe(401);
  });

  it('keeps an administrator without a second factor out of every admin route, and lets them in with it', async () => {
    const { browser } = await userWithRoles(t, 'admin@hcm.gov.vn', [{ role: 'administrator', unitCode: '79', includesSubtree: true }]);
    const me = (await as(t.app, browser)({ method: 'GET', url: '/api/account' })).json();
    expect(me.mustEnrolSecondFactor).toBe(true);
    const adminRoutes = t.app.declaredRoutes.filter((r) => r.policy.name === 'administrators' && r.method === 'GET');
    expect(adminRoutes.length).toBeGreaterThan(4);
    for (const route of adminRoutes) {
      const res = await as(t.app, browser)({ method: 'GET', url: route.url.replace(/:\w+/g, '00000000-0000-4000-8000-000000000000') });
      expect(res.statusCode, route.url).toBe(403);
    }
    const { secret } = await enrolTotp(t, browser);
    expect((await as(t.app, browser)({ method: 'GET', url: '/api/admin/units' })).statusCode).toBe(200);
    t.clock.advance(30_000);
    const fresh = await passSecondFactor(t.app, await signIn(t.app, 'admin@hcm.gov.vn', testPassword), totpCode(secret, t.clock.now()));
    expect((await as(t.app, fresh)({ method: 'GET', url: '/api/admin/audit' })).statusCode).toBe(200);
    const disable = await as(t.app, fresh)({ method: 'DELETE', url: '/api/account/totp', payload: { code: totpCode(secret, t.clock.now()) } });
    expect(disable.statusCode).toBe(403);
  });
});

describe('API tokens', () => {
  it('lets a machine client read with a read token, refuses writes, and stops working once revoked', async () => {
    const { browser } = await userWithRoles(t, 'bot-owner@example.vn', [{ role: 'registered_user', unitCode: '79' }]);
    const created = await as(t.app, browser)({ method: 'POST', url: '/api/account/tokens', payload: { name: 'báo cáo', scopes: ['read'] } });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    const bearer = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/notifications', headers: bearer })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/notifications/read-all', headers: bearer })).statusCode).toBe(403);
    // Account pages are for people in a browser, not for tokens.
    expect((await t.app.inject({ method: 'GET', url: '/api/account', headers: bearer })).statusCode).toBe(403);
    const stored = await t.testDb.database.db.execute<{ token_hash: string }>(sql`select token_hash from api_tokens where id = ${id}`);
    expect(stored.rows[0]!.token_hash).not.toContain(token);
    expect((await as(t.app, browser)({ method: 'DELETE', url: `/api/account/tokens/${id}` })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/notifications', headers: bearer })).statusCode).toBe(401);
  });
});

describe('units and roles administration', () => {
  it('moves and deactivates a unit, refuses a cycle, and grants a role that the user sees', async () => {
    const { browser } = await userWithRoles(t, 'admin2@hcm.gov.vn', [{ role: 'administrator', unitCode: '79', includesSubtree: true }]);
    await enrolTotp(t, browser);
    const admin = as(t.app, browser);
    const units = (await admin({ method: 'GET', url: '/api/admin/units' })).json().items as Array<{ id: string; code: string }>;
    const skhcn = units.find((u) => u.code === 'SKHCN')!;
    const created = await admin({ method: 'POST', url: '/api/admin/units', payload: { code: 'SKHCN-PDMST', nameVi: 'Phòng Đổi mới sáng tạo', nameEn: 'Innovation Division', kind: 'agency', parentId: skhcn.id } });
    expect(created.statusCode).toBe(201);
    const cycle = await editLoaded(admin, `/api/admin/units/${skhcn.id}`, { parentId: created.json().id });
    expect(cycle.statusCode).toBe(400);
    const deactivated = await editLoaded(admin, `/api/admin/units/${created.json().id}`, { isActive: false });
    expect(deactivated.json().isActive).toBe(false);
    expect((await t.app.inject('/api/units')).json().items.some((u: { code: string }) => u.code === 'SKHCN-PDMST')).toBe(false);

    const { user } = await userWithRoles(t, 'officer@skhcn.gov.vn', []);
    const grant = await admin({ method: 'POST', url: `/api/admin/users/${user.id}/grants`, payload: { role: 'unit_officer', unitId: skhcn.id } });
    expect(grant.statusCode).toBe(201);
    const officer = await signIn(t.app, 'officer@skhcn.gov.vn', testPassword);
    expect((await as(t.app, officer)({ method: 'GET', url: '/api/account' })).json().grants[0]).toMatchObject({ role: 'unit_officer', unitCode: 'SKHCN' });
    expect((await as(t.app, officer)({ method: 'GET', url: '/api/notifications' })).json().unreadCount).toBe(1);
    expect((await admin({ method: 'DELETE', url: `/api/admin/users/${user.id}/grants/${grant.json().id}` })).statusCode).toBe(204);

    const audit = (await admin({ method: 'GET', url: '/api/admin/audit?entityType=unit&limit=5' })).json().items;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['units.create', 'units.update']));
    const csv = await admin({ method: 'GET', url: '/api/admin/audit.csv?action=role_grants.revoke' });
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.split('\r\n')[1]).toContain('role_grants.revoke');
    expect((await admin({ method: 'GET', url: '/api/admin/audit/verify' })).json().brokenAt).toBeNull();
  });
});
