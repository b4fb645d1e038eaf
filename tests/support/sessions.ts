import type { FastifyInstance, InjectOptions } from 'fastify';
import { createUser } from '../../src/server/modules/identity/service.js';
import { systemContext } from '../../src/server/lib/context.js';
import type { Role } from '../../src/server/modules/identity/schema.js';
import type { TestApp } from './app.js';
import { totpCode } from './totp.js';

/** A browser as the tests see it: the session cookie and the CSRF token that goes with it. */
export type Browser = { cookie: string; csrfToken: string };

const cookieOf = (setCookie: string | string[] | undefined): string => {
  const first = [setCookie ?? []].flat().find((c) => c.startsWith('doimoi_session='));
  if (!first) throw new Error('no session cookie was set');
  return first.split(';')[0]!;
};

/** Requests as that browser: cookie always, CSRF header on writes. */
export function as(app: FastifyInstance, browser: Browser | null) {
  return (options: InjectOptions) =>
    app.inject({
      ...options,
      headers: {
        ...(browser ? { cookie: browser.cookie } : {}),
        ...(browser && options.method && options.method !== 'GET' ? { 'x-csrf-token': browser.csrfToken } : {}),
        ...options.headers,
      },
    });
}

export async function signIn(app: FastifyInstance, email: string, password: string, remoteAddress = '10.0.0.1'): Promise<Browser & { status: string }> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password }, remoteAddress });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  return { cookie: cookieOf(res.headers['set-cookie']), csrfToken: res.json().csrfToken, status: res.json().status };
}

export async function passSecondFactor(app: FastifyInstance, pending: Browser, code: string): Promise<Browser> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/second-factor', payload: { code }, headers: { cookie: pending.cookie } });
  if (res.statusCode !== 200) throw new Error(`second factor failed: ${res.statusCode} ${res.body}`);
  return { cookie: cookieOf(res.headers['set-cookie']), csrfToken: res.json().csrfToken };
}

export const testPassword = 'mat-khau-that-dai-2030';

/** Creates an account with the given grants (unit codes from the demo data) and signs it in. */
export async function userWithRoles(t: TestApp, email: string, grants: Array<{ role: Role; unitCode: string; includesSubtree?: boolean }>) {
  const user = await createUser(systemContext(t.testDb.database.db, t.clock), {
    email,
    displayName: email.split('@')[0]!,
    password: testPassword,
    grants: grants.map((g) => ({ ...g, includesSubtree: g.includesSubtree ?? false })),
  });
  return { user, browser: await signIn(t.app, email, testPassword) };
}

/** Enrols TOTP for a signed-in browser and returns the secret, the recovery codes and the upgraded browser. */
export async function enrolTotp(t: TestApp, browser: Browser) {
  const request = as(t.app, browser);
  const enrol = await request({ method: 'POST', url: '/api/account/totp/enrol' });
  if (enrol.statusCode !== 200) throw new Error(`enrol failed: ${enrol.statusCode} ${enrol.body}`);
  const secret: string = enrol.json().secret;
  const confirm = await request({ method: 'POST', url: '/api/account/totp/confirm', payload: { code: totpCode(secret, t.clock.now()) } });
  if (confirm.statusCode !== 200) throw new Error(`confirm failed: ${confirm.statusCode} ${confirm.body}`);
  return { secret, recoveryCodes: confirm.json().recoveryCodes as string[] };
}
