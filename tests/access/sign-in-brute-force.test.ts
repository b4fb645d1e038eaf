import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, notifications, roleGrants, users } from '../../src/server/db/schema.js';
import { accountCeiling, address as addressRule } from '../../src/server/modules/identity/throttle.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { signIn, testPassword, userWithRoles } from '../support/sessions.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  for (const email of ['owner@example.vn', 'typist@office.gov.vn', 'colleague@office.gov.vn', 'target@example.vn']) {
    await userWithRoles(t, email, [{ role: 'registered_user', unitCode: '79' }]);
  }
});
afterAll(() => t.close());

const attempt = (email: string, password: string, remoteAddress: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password }, remoteAddress });

describe('sign-in back-off', () => {
  it('answers 1,000 wrong passwords from one address with 401 or 429 only, and the owner signs in at once from another address', async () => {
    const statuses = new Map<number, number>();
    for (let guess = 0; guess < 1000; guess++) {
      const res = await attempt('owner@example.vn', `doan-mo-${guess}`, '203.0.113.7');
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
    }
    expect([...statuses.keys()].sort()).toEqual([401, 429]);
    // Delays start after five failures, so almost every guess was refused without a password check.
    expect(statuses.get(401)).toBeLessThanOrEqual(6);

    // The stranger stays backed off, even with the right password …
    const stranger = await attempt('owner@example.vn', testPassword, '203.0.113.7');
    expect(stranger.statusCode).toBe(429);
    expect(stranger.json().error.code).toBe('RATE_LIMITED');
    // … while the owner, from a clean address, is not touched by it.
    const owner = await signIn(t.app, 'owner@example.vn', testPassword, '198.51.100.20');
    expect(owner.status).toBe('signed_in');
  });

  it('does not block colleagues behind one office NAT because one of them mistypes', async () => {
    const office = '192.0.2.44';
    const typos = [];
    for (let i = 0; i < 8; i++) typos.push(await attempt('typist@office.gov.vn', `go-nham-${i}`, office));
    expect(typos.map((res) => res.statusCode)).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    expect(typos[5]!.json().error).toMatchObject({
      code: 'RATE_LIMITED',
      message: { vi: 'Đăng nhập sai quá nhiều lần; hãy thử lại sau 1 giây', en: 'Too many failed sign-ins; try again in 1 second' },
      details: { retryAfterSeconds: 1 },
    });
    expect((await signIn(t.app, 'colleague@office.gov.vn', testPassword, office)).status).toBe('signed_in');
    // The one who mistyped waits out their own back-off, and then starts afresh.
    t.clock.advance(2000);
    expect((await signIn(t.app, 'typist@office.gov.vn', testPassword, office)).status).toBe('signed_in');
    expect((await attempt('typist@office.gov.vn', 'lai-go-nham', office)).statusCode).toBe(401);
  });

  it(`backs off an address that fails ${addressRule.freeFailures} times across many accounts, and no other address`, async () => {
    const sprayer = '198.51.100.99';
    for (let failure = 0; failure < addressRule.freeFailures; failure++) {
      // Five tries per address book entry, never past one account's own back-off.
      const res = await attempt(`nguoi-${Math.floor(failure / 5)}@example.vn`, 'mat-khau-pho-bien', sprayer);
      expect(res.statusCode).toBe(401);
    }
    expect((await attempt('someone-new@example.vn', 'mat-khau-pho-bien', sprayer)).statusCode).toBe(429);
    expect((await signIn(t.app, 'colleague@office.gov.vn', testPassword, '198.51.100.100')).status).toBe('signed_in');
  });
});

describe('the account-wide ceiling', () => {
  it('never locks the owner out, and tells every administrator once per window', async () => {
    const { user: admin } = await userWithRoles(t, 'quantri@example.vn', [
      { role: 'administrator', unitCode: '79', includesSubtree: true },
    ]);
    const [target] = await t.testDb.database.db.select({ id: users.id }).from(users).where(eq(users.email, 'target@example.vn'));
    // A botnet: five guesses from each of many addresses, each under its own back-off.
    const addresses = Array.from({ length: accountCeiling.failures / 5 + 1 }, (_, i) => `100.64.${i}.1`);
    for (const from of addresses) {
      for (let guess = 0; guess < 5; guess++) expect((await attempt('target@example.vn', `doan-${guess}`, from)).statusCode).toBe(401);
    }

    const owner = await signIn(t.app, 'target@example.vn', testPassword, '198.51.100.33');
    expect(owner.status).toBe('signed_in');

    const administrators = await t.testDb.database.db
      .selectDistinct({ id: roleGrants.userId })
      .from(roleGrants)
      .where(eq(roleGrants.role, 'administrator'));
    expect(administrators.map((a) => a.id)).toContain(admin.id);
    const alerts = await t.testDb.database.db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.template, 'failed_sign_ins'),
          inArray(
            notifications.userId,
            administrators.map((a) => a.id),
          ),
        ),
      );
    expect(alerts.map((a) => a.userId).sort()).toEqual(administrators.map((a) => a.id).sort());
    expect(alerts[0]!.titleVi).toBe('Nhiều lần đăng nhập sai');
    expect(alerts[0]!.bodyEn).toBe(
      `Account target@example.vn: ${accountCeiling.failures} failed sign-ins within 60 minutes. Further attempts are slowed down; the account is not locked.`,
    );
    const audit = await t.testDb.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'sessions.failed_sign_ins_alert'), eq(auditEvents.entityId, target!.id)));
    expect(audit).toHaveLength(1);
  });
});
