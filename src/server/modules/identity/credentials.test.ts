import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../tests/support/app.js';
import { as, signIn, testPassword, userWithRoles, type Browser } from '../../../../tests/support/sessions.js';
import { auditEvents } from '../../db/schema.js';
import { emailOutbox, notifications } from '../notifications/schema.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ env: { PUBLIC_URL: 'https://doimoi.test' } });
});
afterAll(() => t.close());

const db = () => t.testDb.database.db;
const citizen = [{ role: 'registered_user' as const, unitCode: '79' }];
const newPassword = 'mat-khau-moi-sau-khi-lo-2030';

/** The reset links sent to an address, newest last. */
async function resetLinks(address: string): Promise<string[]> {
  const mails = await db()
    .select({ bodyText: emailOutbox.bodyText })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.toAddress, address), eq(emailOutbox.template, 'reset_password')))
    .orderBy(emailOutbox.createdAt);
  return mails.map((mail) => /token=([\w-]+)/.exec(mail.bodyText)![1]!);
}

async function requestReset(address: string): Promise<void> {
  expect((await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { email: address } })).statusCode).toBe(
    202,
  );
}

async function createToken(browser: Browser, name: string): Promise<string> {
  const created = await as(t.app, browser)({ method: 'POST', url: '/api/account/tokens', payload: { name, scopes: ['read', 'write'] } });
  expect(created.statusCode).toBe(201);
  return created.json().token as string;
}

const readsWithToken = async (token: string) =>
  (await t.app.inject({ method: 'GET', url: '/api/notifications', headers: { authorization: `Bearer ${token}` } })).statusCode;
const readsWithBrowser = async (browser: Browser) => (await as(t.app, browser)({ method: 'GET', url: '/api/account' })).statusCode;
const confirmReset = (token: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, password } });

/** What the person was told: the in-app notification (both languages) and the e-mail in their language. */
async function toldAbout(userId: string, address: string) {
  const [notice] = await db()
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.template, 'password_changed')))
    .orderBy(desc(notifications.createdAt))
    .limit(1);
  const [mail] = await db()
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.toAddress, address), eq(emailOutbox.template, 'password_changed')))
    .orderBy(desc(emailOutbox.createdAt))
    .limit(1);
  return { notice, mail };
}

describe('a password reset', () => {
  it('ends every session, every other reset link and every API token; the person is told and makes new tokens', async () => {
    const address = 'bi-lo-mat-khau@example.vn';
    const { user, browser: laptop } = await userWithRoles(t, address, citizen);
    const phone = await signIn(t.app, address, testPassword, '10.7.0.2');
    const tokens = [await createToken(laptop, 'bảng tính'), await createToken(phone, 'máy chủ báo cáo')];
    await requestReset(address);
    await requestReset(address);
    const [first, second] = await resetLinks(address);

    expect((await confirmReset(second!, newPassword)).statusCode).toBe(200);

    expect(await readsWithBrowser(laptop)).toBe(401);
    expect(await readsWithBrowser(phone)).toBe(401);
    for (const token of tokens) expect(await readsWithToken(token)).toBe(401);
    const older = await confirmReset(first!, 'mat-khau-cua-ke-gian-123');
    expect(older.statusCode).toBe(410);
    expect(older.json().error.code).toBe('GONE');

    const { notice, mail } = await toldAbout(user.id, address);
    expect(notice!.bodyVi).toContain('2 mã truy cập API đã bị thu hồi');
    expect(notice!.bodyEn).toContain('2 API token(s) revoked');
    expect(notice!.url).toBe('/tai-khoan');
    expect(mail!.locale).toBe('vi');
    expect(mail!.bodyText).toContain('hãy tạo mã mới tại https://doimoi.test/tai-khoan');

    const [audit] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'users.reset_password'), eq(auditEvents.entityId, user.id)));
    expect(audit!.after).toEqual({ revoked: { sessions: 2, resetLinks: 1, apiTokens: 2 } });

    const again = await signIn(t.app, address, newPassword);
    const fresh = await createToken(again, 'máy chủ báo cáo mới');
    expect(await readsWithToken(fresh)).toBe(200);
  });
});

describe('a password change', () => {
  it('keeps the session that made it and ends every other session, reset link and API token; the person is told', async () => {
    const address = 'doi-mat-khau@example.vn';
    const { user, browser: current } = await userWithRoles(t, address, citizen);
    const elsewhere = await signIn(t.app, address, testPassword, '10.7.0.3');
    const token = await createToken(elsewhere, 'tích hợp');
    await requestReset(address);
    const [pending] = await resetLinks(address);

    const change = await as(
      t.app,
      current,
    )({ method: 'POST', url: '/api/account/password', payload: { currentPassword: testPassword, newPassword } });
    expect(change.statusCode).toBe(204);

    expect(await readsWithBrowser(current)).toBe(200);
    expect(await readsWithBrowser(elsewhere)).toBe(401);
    expect(await readsWithToken(token)).toBe(401);
    expect((await confirmReset(pending!, 'mat-khau-cua-ke-gian-123')).statusCode).toBe(410);

    const { notice, mail } = await toldAbout(user.id, address);
    expect(notice!.titleVi).toBe('Mật khẩu đã được thay đổi');
    expect(notice!.titleEn).toBe('Password changed');
    expect(notice!.bodyEn).toContain('1 API token(s) revoked');
    expect(mail!.subject).toBe('Mật khẩu của bạn đã được thay đổi');

    const listed = (await as(t.app, current)({ method: 'GET', url: '/api/account/tokens' })).json().items as Array<{
      revokedAt: string | null;
    }>;
    expect(listed.map((item) => item.revokedAt !== null)).toEqual([true]);
    const fresh = await createToken(current, 'tích hợp mới');
    expect(await readsWithToken(fresh)).toBe(200);
  });

  it('tells a person without API tokens nothing about tokens', async () => {
    const address = 'khong-co-ma@example.vn';
    const { user, browser } = await userWithRoles(t, address, citizen);
    await as(t.app, browser)({ method: 'POST', url: '/api/account/password', payload: { currentPassword: testPassword, newPassword } });
    const { notice, mail } = await toldAbout(user.id, address);
    expect(notice!.bodyVi).not.toContain('mã truy cập API');
    expect(mail!.bodyText).not.toContain('mã truy cập API');
  });
});
