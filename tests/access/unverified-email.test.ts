import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox, users } from '../../src/server/db/schema.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { completeDraft, demoCampaign } from '../support/movement.js';
import { as, signIn, testPassword, userWithRoles, type Browser } from '../support/sessions.js';
import { editLoaded } from '../support/versions.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ env: { PUBLIC_URL: 'https://doimoi.test' } });
});
afterAll(() => t.close());

const someId = '00000000-0000-4000-8000-000000000000';

async function verificationToken(address: string): Promise<string> {
  const [mail] = await t.testDb.database.db
    .select({ bodyText: emailOutbox.bodyText })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.toAddress, address), eq(emailOutbox.template, 'verify_email')))
    .orderBy(desc(emailOutbox.createdAt))
    .limit(1);
  return /token=([\w-]+)/.exec(mail!.bodyText)![1]!;
}

function expectEmailNotVerified(
  res: { statusCode: number; json(): { error: { code: string; message: { vi: string; en: string } } } },
  what: string,
) {
  expect(res.statusCode, what).toBe(403);
  const { error } = res.json();
  expect(error.code, what).toBe('EMAIL_NOT_VERIFIED');
  expect(error.message.vi).toContain('Hãy xác minh địa chỉ e-mail');
  expect(error.message.en).toContain('Verify your e-mail address');
}

describe('an account whose e-mail address is not verified', () => {
  it('is refused by every route whose policy needs a verified address, and let past that check once verified', async () => {
    const guarded = t.app.declaredRoutes.filter((route) => route.policy.requiresVerifiedEmail);
    expect(guarded.map((route) => `${route.method} ${route.url}`).sort()).toEqual([
      'POST /api/ecosystem/organisations',
      'POST /api/ecosystem/organisations/:id/claims',
      'POST /api/ecosystem/programmes/:id/applications',
      'POST /api/movement/comments/:id/reports',
      'POST /api/movement/gallery/:id/comments',
      'POST /api/movement/gallery/:id/supports',
      'POST /api/movement/initiatives/:id/transitions',
      'POST /api/plans/tasks/:taskId/comments',
      'POST /api/plans/tasks/:taskId/reports',
      'PUT /api/ecosystem/experts/me',
      'PUT /api/movement/registrations/:id/report',
    ]);
    // An officer's role granted on a self-registered account whose address was never confirmed.
    const { user, browser } = await userWithRoles(t, 'can-bo-chua-xac-minh@example.vn', [
      { role: 'registered_user', unitCode: '79' },
      { role: 'unit_officer', unitCode: 'SKHCN' },
    ]);
    const db = t.testDb.database.db;
    await db.update(users).set({ emailVerifiedAt: null }).where(eq(users.id, user.id));
    const call = (route: (typeof guarded)[number]) =>
      as(
        t.app,
        browser,
      )({ method: route.method as 'POST', url: route.url.replace(/:\w+/g, someId), payload: {}, remoteAddress: '10.60.0.1' });
    for (const route of guarded) expectEmailNotVerified(await call(route), `${route.method} ${route.url}`);

    await db.update(users).set({ emailVerifiedAt: t.clock.now().toISOString() }).where(eq(users.id, user.id));
    for (const route of guarded) {
      const res = await call(route);
      expect(res.json().error?.code, `${route.method} ${route.url}`).not.toBe('EMAIL_NOT_VERIFIED');
      expect(res.statusCode).toBeLessThan(500);
    }
  });

  it('signs in and drafts, but supports, comments, reports and submits only after verifying', async () => {
    const address = 'moi-dang-ky@example.vn';
    const signUp = {
      email: address,
      password: testPassword,
      displayName: 'Lê Văn Mới',
      accountKind: 'citizen',
      locale: 'vi',
      consent: true,
    };
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/sign-up', payload: signUp })).statusCode).toBe(201);
    const browser: Browser = await signIn(t.app, address, testPassword, '10.60.0.2');
    const request = as(t.app, browser);
    expect((await request({ method: 'GET', url: '/api/account' })).json().isEmailVerified).toBe(false);

    const campaign = await demoCampaign(t);
    const draft = await request({ method: 'POST', url: '/api/movement/initiatives', payload: completeDraft(campaign.id) });
    expect(draft.statusCode).toBe(201);
    const draftId: string = draft.json().id;
    expect((await editLoaded(request, `/api/movement/initiatives/${draftId}`, { title: 'Nhắc lịch tiêm chủng qua Zalo' })).statusCode).toBe(
      200,
    );

    const published = (await t.app.inject({ method: 'GET', url: '/api/movement/gallery?q=QR' })).json().items[0].id as string;
    const submit = () =>
      request({ method: 'POST', url: `/api/movement/initiatives/${draftId}/transitions`, payload: { action: 'submit' } });
    const support = () => request({ method: 'POST', url: `/api/movement/gallery/${published}/supports` });
    const comment = () =>
      request({
        method: 'POST',
        url: `/api/movement/gallery/${published}/comments`,
        payload: { body: 'Cách làm rất hay, phường tôi muốn học theo' },
      });
    expectEmailNotVerified(await submit(), 'submit');
    expectEmailNotVerified(await support(), 'support');
    expectEmailNotVerified(await comment(), 'comment');

    // The first link was lost: a new one is sent from the account page, and it works.
    const resent = await request({ method: 'POST', url: '/api/account/verification-email' });
    expect(resent.statusCode).toBe(202);
    const token = await verificationToken(address);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/verify-email', payload: { token } })).statusCode).toBe(200);
    expect((await request({ method: 'POST', url: '/api/account/verification-email' })).statusCode).toBe(409);

    expect((await submit()).json()).toMatchObject({ state: 'submitted' });
    expect((await support()).statusCode).toBe(200);
    const commented = await comment();
    expect(commented.statusCode).toBe(201);
    expect(
      (await request({ method: 'POST', url: `/api/movement/comments/${commented.json().id}/reports`, payload: { reason: 'Thử báo cáo' } }))
        .statusCode,
    ).toBe(200);
  });
});
