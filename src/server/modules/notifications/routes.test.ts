import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../tests/support/app.js';
import { systemContext, type ServiceContext } from '../../lib/context.js';
import type { Actor } from '../../lib/policy.js';
import { users } from '../identity/schema.js';
import { notificationsModule } from './index.js';
import { notifications } from './schema.js';
import { notifyUser, queueEmail, sendEmailJob } from './service.js';

// One database, several callers: the test names the caller in a header the resolver reads.
const actors = new Map<string, Actor>();
let t: TestApp;
let ctx: ServiceContext;
let admin: { id: string };
let lan: { id: string; email: string };
let minh: { id: string; email: string };

beforeAll(async () => {
  t = await buildTestApp({
    template: 'empty',
    resolveActor: async (request) => actors.get(String(request.headers['x-test-actor'])) ?? null,
  });
  ctx = systemContext(t.testDb.database.db, t.clock);
  const inserted = await ctx.db
    .insert(users)
    .values([
      { email: 'quan-tri@example.vn', displayName: 'Trần Quản Trị', accountKind: 'staff' },
      { email: 'lan@example.vn', displayName: 'Nguyễn Thị Lan' },
      { email: 'minh@example.vn', displayName: 'Lê Văn Minh', locale: 'en' },
    ])
    .returning();
  [admin, lan, minh] = inserted as [typeof users.$inferSelect, typeof users.$inferSelect, typeof users.$inferSelect];
  const unitId = '00000000-0000-4000-8000-0000000000aa';
  actors.set('admin', {
    userId: admin.id,
    displayName: 'Trần Quản Trị',
    grants: [{ role: 'administrator', unitId, includesSubtree: true }],
    hasSecondFactor: true,
  });
  actors.set('lan', {
    userId: lan.id,
    displayName: 'Nguyễn Thị Lan',
    grants: [{ role: 'registered_user', unitId, includesSubtree: false }],
    hasSecondFactor: true,
  });
  actors.set('minh', { userId: minh.id, displayName: 'Lê Văn Minh', grants: [], hasSecondFactor: false });
});
afterAll(() => t.close());

const as = (actor: string | null) => (actor ? { 'x-test-actor': actor } : {});
const get = (url: string, actor: string | null) => t.app.inject({ method: 'GET', url, headers: as(actor) });
const post = (url: string, actor: string | null) => t.app.inject({ method: 'POST', url, headers: as(actor) });

describe('GET /api/notifications', () => {
  it('refuses an anonymous caller with 401', async () => {
    const res = await get('/api/notifications', null);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a limit out of range with 400', async () => {
    const res = await get('/api/notifications?limit=101', 'lan');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'VALIDATION',
      message: { vi: "Trường 'query.limit' chỉ được tối đa 100", en: "Field 'query.limit' must be at most 100" },
    });
  });

  it("shows the user's own notifications in both languages with the unread count; mark read is owner-only", async () => {
    const created = await notifyUser(ctx, {
      userId: lan.id,
      template: 'password_changed',
      params: { displayName: 'Nguyễn Thị Lan' },
      url: '/tai-khoan',
    });
    const id = created!.notificationId;

    const list = await get('/api/notifications', 'lan');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual({
      items: [
        {
          id,
          template: 'password_changed',
          title: { vi: 'Mật khẩu đã được thay đổi', en: 'Password changed' },
          body: {
            vi: 'Mật khẩu tài khoản của bạn vừa được thay đổi; các phiên đăng nhập khác đã kết thúc. Nếu không phải bạn, hãy đặt lại mật khẩu ngay.',
            en: 'The password of your account was just changed; other sessions were signed out. If this was not you, reset it now.',
          },
          url: '/tai-khoan',
          readAt: null,
          createdAt: t.clock.now().toISOString(),
        },
      ],
      unreadCount: 1,
    });
    expect((await get('/api/notifications', 'minh')).json()).toEqual({ items: [], unreadCount: 0 });

    const byOther = await post(`/api/notifications/${id}/read`, 'minh');
    expect(byOther.statusCode).toBe(404);
    expect(byOther.json().error).toMatchObject({
      code: 'NOT_FOUND',
      message: { vi: `Thông báo '${id}' không tồn tại`, en: `Notification '${id}' not found` },
    });

    t.clock.advance(60_000);
    const byOwner = await post(`/api/notifications/${id}/read`, 'lan');
    expect(byOwner.statusCode).toBe(204);
    expect(byOwner.body).toBe('');
    const after = (await get('/api/notifications', 'lan')).json();
    expect(after.unreadCount).toBe(0);
    expect(after.items[0].readAt).toBe(t.clock.now().toISOString());

    // Reading again keeps the first read time.
    t.clock.advance(60_000);
    expect((await post(`/api/notifications/${id}/read`, 'lan')).statusCode).toBe(204);
    expect((await get('/api/notifications', 'lan')).json().items[0].readAt).toBe(new Date(t.clock.now().getTime() - 60_000).toISOString());
  });

  it('filters unread ones, limits, and marks all read', async () => {
    for (const title of ['Một', 'Hai', 'Ba']) {
      t.clock.advance(1_000);
      await notifyUser(ctx, { userId: minh.id, template: 'message', params: { title, body: `Nội dung ${title}` } });
    }
    const limited = (await get('/api/notifications?limit=2&unreadOnly=true', 'minh')).json();
    expect(limited.items.map((n: { title: { vi: string } }) => n.title.vi)).toEqual(['Ba', 'Hai']);
    expect(limited.unreadCount).toBe(3);

    expect((await post('/api/notifications/read-all', 'minh')).statusCode).toBe(204);
    expect((await get('/api/notifications?unreadOnly=true', 'minh')).json()).toEqual({ items: [], unreadCount: 0 });
    expect((await get('/api/notifications?unreadOnly=false', 'minh')).json().items).toHaveLength(3);
    // Someone else's notifications are untouched.
    expect(await ctx.db.$count(notifications, eq(notifications.userId, lan.id))).toBe(1);
  });
});

describe('POST /api/notifications/:id/read', () => {
  it('refuses an anonymous caller with 401, then a malformed id with 400', async () => {
    expect((await post('/api/notifications/00000000-0000-4000-8000-000000000000/read', null)).statusCode).toBe(401);
    const res = await post('/api/notifications/not-an-id/read', 'lan');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION');
  });

  it('answers 404 for an id that does not exist', async () => {
    expect((await post('/api/notifications/00000000-0000-4000-8000-000000000000/read', 'lan')).statusCode).toBe(404);
  });
});

describe('POST /api/notifications/read-all', () => {
  it('refuses an anonymous caller with 401', async () => {
    expect((await post('/api/notifications/read-all', null)).statusCode).toBe(401);
  });
});

describe('GET /api/notifications/outbox', () => {
  it('refuses anonymous callers with 401 and non-administrators with 403', async () => {
    expect((await get('/api/notifications/outbox', null)).statusCode).toBe(401);
    const res = await get('/api/notifications/outbox', 'lan');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });

  it('shows administrators an e-mail held for want of SMTP_URL, page by page', async () => {
    const link = 'https://doimoi.example/dat-lai-mat-khau?token=aGVsZC1pbi10aGUtb3V0Ym94';
    t.clock.advance(1_000);
    const first = await queueEmail(ctx, {
      userId: lan.id,
      to: lan.email,
      locale: 'vi',
      template: 'reset_password',
      params: { displayName: 'Nguyễn Thị Lan', link },
    });
    t.clock.advance(1_000);
    const second = await queueEmail(ctx, {
      userId: minh.id,
      to: minh.email,
      locale: 'en',
      template: 'verify_email',
      params: { displayName: 'Lê Văn Minh', link },
    });
    const send = notificationsModule.jobs!(t.app.services)[sendEmailJob]!;
    expect(t.config.smtpUrl).toBeUndefined();
    for (const { id } of [first, second]) await send(systemContext(t.testDb.database.db, t.clock, 'job-test'), { outboxId: id });

    const res = await get('/api/notifications/outbox?status=held', 'admin');
    expect(res.statusCode).toBe(200);
    const { items } = res.json();
    expect(items.map((i: { id: string }) => i.id)).toEqual([second.id, first.id]);
    expect(items[1]).toEqual({
      id: first.id,
      toAddress: 'lan@example.vn',
      template: 'reset_password',
      locale: 'vi',
      subject: 'Đặt lại mật khẩu',
      bodyText: expect.stringContaining(link),
      status: 'held',
      attempts: 0,
      lastError: null,
      sentAt: null,
      createdAt: new Date(t.clock.now().getTime() - 1_000).toISOString(),
    });
    expect(items[1].bodyText).toMatch(/^Xin chào Nguyễn Thị Lan,/);

    const page = (await get(`/api/notifications/outbox?limit=1&before=${second.id}`, 'admin')).json();
    expect(page.items.map((i: { id: string }) => i.id)).toEqual([first.id]);
    expect((await get('/api/notifications/outbox?status=sent', 'admin')).json()).toEqual({ items: [] });
  });

  it('needs a second factor even for an administrator', async () => {
    actors.set('admin-no-2fa', { ...actors.get('admin')!, hasSecondFactor: false });
    expect((await get('/api/notifications/outbox', 'admin-no-2fa')).statusCode).toBe(403);
  });

  it('refuses an unknown status with 400', async () => {
    expect((await get('/api/notifications/outbox?status=lost', 'admin')).statusCode).toBe(400);
  });
});

describe('OpenAPI', () => {
  it('documents every notifications route with its policy', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/notifications',
        '/api/notifications/{id}/read',
        '/api/notifications/read-all',
        '/api/notifications/outbox',
      ]),
    );
    const declared = t.app.declaredRoutes
      .filter((r) => r.url.startsWith('/api/notifications') && r.method !== 'HEAD')
      .map((r) => `${r.method} ${r.url} ${r.policy.name}`);
    expect(declared.sort()).toEqual([
      'GET /api/notifications signed-in',
      'GET /api/notifications/outbox administrators',
      'POST /api/notifications/:id/read signed-in',
      'POST /api/notifications/read-all signed-in',
    ]);
  });
});
