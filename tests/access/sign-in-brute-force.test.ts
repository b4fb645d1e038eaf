import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.js';
import { signIn, testPassword, userWithRoles } from '../support/sessions.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await userWithRoles(t, 'owner@example.vn', [{ role: 'registered_user', unitCode: '79' }]);
});
afterAll(() => t.close());

it('answers 1,000 wrong passwords from one address with 401 or 429 only, and the owner signs in after the back-off', async () => {
  const statuses = new Map<number, number>();
  for (let attempt = 0; attempt < 1000; attempt++) {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: 'owner@example.vn', password: `doan-mo-${attempt}` }, remoteAddress: '203.0.113.7' });
    statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
  }
  expect([...statuses.keys()].sort()).toEqual([401, 429]);
  // Delays start after five failures, so almost every guess was refused without a password check.
  expect(statuses.get(401)).toBeLessThanOrEqual(6);

  // Right away, even the right password from the owner's own address waits out the back-off …
  const early = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: 'owner@example.vn', password: testPassword }, remoteAddress: '198.51.100.20' });
  expect(early.statusCode).toBe(429);
  expect(early.json().error.details.retryAfterSeconds).toBeGreaterThan(0);
  // … which ends: the owner is never locked out for good.
  t.clock.advance(16 * 60 * 1000);
  const owner = await signIn(t.app, 'owner@example.vn', testPassword, '198.51.100.20');
  expect(owner.status).toBe('signed_in');
});
