import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../tests/support/app.js';
import { freePort, startOidcProvider, type TestOidcProvider } from '../../../../tests/support/oidc-provider.js';
import { auditEvents } from '../../db/platform-schema.js';
import { hashPassword } from '../../lib/passwords.js';
import { flowCookieName } from './oidc.js';
import { consents, externalIdentities, roleGrants, users } from './schema.js';

/** Cookies per origin, enough for one browser talking to the app and the provider. */
class CookieJar {
  private readonly byOrigin = new Map<string, Map<string, string>>();

  private cookiesOf(url: URL): Map<string, string> {
    let cookies = this.byOrigin.get(url.origin);
    if (!cookies) this.byOrigin.set(url.origin, (cookies = new Map()));
    return cookies;
  }

  header(url: URL): string {
    return [...this.cookiesOf(url)].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  get(url: URL, name: string): string | undefined {
    return this.cookiesOf(url).get(name);
  }

  set(url: URL, name: string, value: string): void {
    this.cookiesOf(url).set(name, value);
  }

  store(url: URL, response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const [name = '', value = ''] = [pair.slice(0, pair.indexOf('=')).trim(), pair.slice(pair.indexOf('=') + 1).trim()];
      const isExpired = attributes.some(
        (a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]!) < Date.now()),
      );
      if (isExpired || value === '') this.cookiesOf(url).delete(name);
      else this.cookiesOf(url).set(name, value);
    }
  }
}

const callbackPath = '/api/auth/oidc/callback';

let t: TestApp;
let provider: TestOidcProvider;
let base: string;

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  provider = await startOidcProvider({ appBaseUrl: base });
  t = await buildTestApp({
    env: { PUBLIC_URL: base, OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: provider.clientId, OIDC_CLIENT_SECRET: provider.clientSecret },
  });
  await t.app.listen({ port, host: '127.0.0.1' });
});
afterAll(async () => {
  await t?.close();
  await provider?.close();
});

async function visit(jar: CookieJar, url: URL, init: { method?: string; body?: URLSearchParams } = {}): Promise<Response> {
  const headers: Record<string, string> = { cookie: jar.header(url), 'user-agent': 'oidc-test' };
  if (init.body) headers['content-type'] = 'application/x-www-form-urlencoded';
  const response = await fetch(url, { method: init.method ?? 'GET', body: init.body, headers, redirect: 'manual' });
  jar.store(url, response);
  return response;
}

/**
 * Starts at the app, signs in at the provider as `login` (its login form, then its consent form,
 * each only when shown) and returns the app's answer at the callback.
 */
async function signInThroughProvider(
  login: string,
  options: { jar?: CookieJar; returnTo?: string; beforeCallback?: (jar: CookieJar) => void } = {},
) {
  const jar = options.jar ?? new CookieJar();
  let url = new URL(
    `/api/auth/oidc/start${options.returnTo === undefined ? '' : `?returnTo=${encodeURIComponent(options.returnTo)}`}`,
    base,
  );
  let response = await visit(jar, url);
  for (let step = 0; step < 20; step += 1) {
    if (url.pathname === callbackPath && url.origin === base) return { jar, response, location: response.headers.get('location') ?? '' };
    if (response.status >= 300 && response.status < 400) {
      url = new URL(response.headers.get('location')!, url);
      if (url.pathname === callbackPath) options.beforeCallback?.(jar);
      response = await visit(jar, url);
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (!action || !prompt) throw new Error(`unexpected page at ${url.href} (${response.status}): ${html.slice(0, 500)}`);
    url = new URL(action.replaceAll('&amp;', '&'), url);
    const body = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'any password' } : { prompt });
    response = await visit(jar, url, { method: 'POST', body });
  }
  throw new Error('too many steps without reaching the callback');
}

async function sessionOf(jar: CookieJar) {
  const url = new URL('/api/auth/session', base);
  const response = await fetch(url, { headers: { cookie: jar.header(url) } });
  return (await response.json()) as {
    user: { id: string; email: string; displayName: string; isEmailVerified: boolean; hasPassword: boolean } | null;
    isSecondFactorPending: boolean;
  };
}

const db = () => t.testDb.database.db;

async function insertUser(values: { email: string; emailVerifiedAt: string | null; totpSecret?: string }) {
  const [user] = await db()
    .insert(users)
    .values({ ...values, displayName: 'Trần Thị Lan', passwordHash: await hashPassword('mat-khau-rat-dai-123') })
    .returning();
  return user!;
}

const linksOf = (userId: string) => db().select().from(externalIdentities).where(eq(externalIdentities.userId, userId));
const usersWithEmail = async (email: string) =>
  (await db().execute(sql`select count(*)::int as n from users where lower(email) = lower(${email})`)).rows[0];

describe('single sign-on with the city provider', () => {
  it('creates a citizen account on the first sign-in, with grant, consent and audit rows free of personal data', async () => {
    provider.setAccount({ sub: 'cd-0001', email: 'minh.nguyen@example.vn', email_verified: true, name: 'Nguyễn Văn Minh' });

    const { jar, response, location } = await signInThroughProvider('cd-0001', { returnTo: '/ke-hoach?nam=2026' });

    expect(response.status).toBe(302);
    expect(location).toBe('/ke-hoach?nam=2026');
    const { user } = await sessionOf(jar);
    expect(user).toMatchObject({
      email: 'minh.nguyen@example.vn',
      displayName: 'Nguyễn Văn Minh',
      isEmailVerified: true,
      hasPassword: false,
    });
    const [link] = await linksOf(user!.id);
    expect(link).toMatchObject({ issuer: provider.issuer, subject: 'cd-0001' });
    const grants = await db().select({ role: roleGrants.role }).from(roleGrants).where(eq(roleGrants.userId, user!.id));
    expect(grants).toEqual([{ role: 'registered_user' }]);
    expect(await db().select({ purpose: consents.purpose }).from(consents).where(eq(consents.userId, user!.id))).toEqual([
      { purpose: 'account' },
    ]);

    const audit = await db().select().from(auditEvents).where(eq(auditEvents.actorId, user!.id));
    expect(audit.map((row) => row.action).sort()).toEqual(['sessions.sign_in', 'users.link_external_identity', 'users.sign_up']);
    const logged = JSON.stringify(audit.map((row) => [row.before, row.after]));
    expect(logged).toContain(provider.issuer);
    expect(logged).not.toMatch(/minh|cd-0001/i);
  });

  it('signs the same person in to the same account the second time', async () => {
    const first = await signInThroughProvider('cd-0001');
    const again = await signInThroughProvider('cd-0001', { jar: first.jar });

    expect(again.location).toBe('/viec-cua-toi');
    const { user } = await sessionOf(again.jar);
    expect(user?.email).toBe('minh.nguyen@example.vn');
    expect(await usersWithEmail('minh.nguyen@example.vn')).toEqual({ n: 1 });
    expect(await linksOf(user!.id)).toHaveLength(1);
  });

  it('links an existing password account when the provider vouches for the same e-mail', async () => {
    const existing = await insertUser({ email: 'Lan.Tran@example.vn', emailVerifiedAt: '2026-02-01T00:00:00Z' });
    provider.setAccount({ sub: 'cd-0002', email: 'lan.tran@example.vn', email_verified: true, name: 'Lan' });

    const { jar, location } = await signInThroughProvider('cd-0002');

    expect(location).toBe('/viec-cua-toi');
    const { user } = await sessionOf(jar);
    expect(user).toMatchObject({ id: existing.id, hasPassword: true });
    expect(await usersWithEmail('lan.tran@example.vn')).toEqual({ n: 1 });
    expect((await linksOf(existing.id)).map((link) => link.subject)).toEqual(['cd-0002']);
  });

  it('refuses an e-mail the provider has not verified when no account is linked, and creates nothing', async () => {
    provider.setAccount({ sub: 'cd-0003', email: 'chua.xac.minh@example.vn', email_verified: false, name: 'Chưa Xác Minh' });

    const { jar, location } = await signInThroughProvider('cd-0003');

    expect(location).toBe('/dang-nhap?sso_error=email_not_verified');
    expect((await sessionOf(jar)).user).toBeNull();
    expect(await usersWithEmail('chua.xac.minh@example.vn')).toEqual({ n: 0 });
  });

  it('does not link to a local account whose address was never confirmed', async () => {
    const unconfirmed = await insertUser({ email: 'cho.san@example.vn', emailVerifiedAt: null });
    provider.setAccount({ sub: 'cd-0004', email: 'cho.san@example.vn', email_verified: true });

    const { location } = await signInThroughProvider('cd-0004');

    expect(location).toBe('/dang-nhap?sso_error=account_unconfirmed');
    expect(await linksOf(unconfirmed.id)).toHaveLength(0);
  });

  it('refuses a linked account that an administrator disabled', async () => {
    provider.setAccount({ sub: 'cd-0005', email: 'tam.khoa@example.vn', email_verified: true });
    const first = await signInThroughProvider('cd-0005');
    const { user } = await sessionOf(first.jar);
    await db().update(users).set({ isActive: false }).where(eq(users.id, user!.id));

    const again = await signInThroughProvider('cd-0005');

    expect(again.location).toBe('/dang-nhap?sso_error=account_disabled');
    expect((await sessionOf(again.jar)).user).toBeNull();
  });

  it('owes the second factor when the account has TOTP: the session is incomplete', async () => {
    await insertUser({ email: 'quan.tri@example.vn', emailVerifiedAt: '2026-02-01T00:00:00Z', totpSecret: 'JBSWY3DPEHPK3PXP' });
    provider.setAccount({ sub: 'cd-0006', email: 'quan.tri@example.vn', email_verified: true });

    const { jar, location } = await signInThroughProvider('cd-0006', { returnTo: '/quan-tri' });

    expect(location).toBe('/dang-nhap/xac-thuc?returnTo=%2Fquan-tri');
    expect(await sessionOf(jar)).toMatchObject({ user: null, isSecondFactorPending: true });
    const [audit] = await db()
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'session'), inArray(auditEvents.action, ['sessions.sso_accepted'])));
    expect(audit).toEqual({ action: 'sessions.sso_accepted' });
  });

  it('goes back only to a same-site path: //evil.example becomes /', async () => {
    const start = await fetch(new URL('/api/auth/oidc/start?returnTo=%2F%2Fevil.example', base), { redirect: 'manual' });
    expect(start.status).toBe(302);
    expect(new URL(start.headers.get('location')!).origin).toBe(provider.issuer);

    const { location } = await signInThroughProvider('cd-0001', { returnTo: '//evil.example' });
    expect(location).toBe('/viec-cua-toi');
    expect((await signInThroughProvider('cd-0001', { returnTo: '/\\evil.example' })).location).toBe('/viec-cua-toi');
  });

  it('refuses a callback whose flow cookie was tampered with', async () => {
    const appUrl = new URL(base);
    const { jar, location } = await signInThroughProvider('cd-0001', {
      returnTo: '/',
      beforeCallback(jar) {
        const [payload, mac] = jar.get(appUrl, flowCookieName)!.split('.');
        const flow = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Record<string, unknown>;
        const forged = Buffer.from(JSON.stringify({ ...flow, returnTo: '/evil' })).toString('base64url');
        jar.set(appUrl, flowCookieName, `${forged}.${mac}`);
      },
    });

    expect(location).toBe('/dang-nhap?sso_error=invalid_state');
    expect((await sessionOf(jar)).user).toBeNull();
  });

  it('refuses a callback without the flow cookie', async () => {
    const { location } = await signInThroughProvider('cd-0001', { beforeCallback: (jar) => jar.set(new URL(base), flowCookieName, '') });
    expect(location).toBe('/dang-nhap?sso_error=invalid_state');
  });

  it('sends the browser back with provider_error when the person declines at the provider', async () => {
    const jar = new CookieJar();
    const start = await visit(jar, new URL('/api/auth/oidc/start', base));
    const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
    const declined = new URL(`${callbackPath}?${new URLSearchParams({ error: 'access_denied', state, iss: provider.issuer })}`, base);

    const response = await visit(jar, declined);

    expect(response.headers.get('location')).toBe('/dang-nhap?sso_error=provider_error');
    expect((await sessionOf(jar)).user).toBeNull();
  });

  it('sets the flow cookie HttpOnly, SameSite=Lax, for the callback path only', async () => {
    const start = await fetch(new URL('/api/auth/oidc/start', base), { redirect: 'manual' });
    const cookie = start.headers.getSetCookie().find((line) => line.startsWith(`${flowCookieName}=`));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\/api\/auth\/oidc/);
    expect(cookie).toMatch(/Max-Age=600/);
  });
});

describe('single sign-on when it is not configured', () => {
  let bare: TestApp;
  beforeAll(async () => {
    bare = await buildTestApp();
  });
  afterAll(() => bare?.close());

  it('answers 404 NOT_FOUND on start and callback, in both languages', async () => {
    for (const url of ['/api/auth/oidc/start?returnTo=/', '/api/auth/oidc/callback?code=x&state=y']) {
      const res = await bare.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(404);
      expect(res.json().error).toMatchObject({
        code: 'NOT_FOUND',
        message: { vi: 'Đăng nhập một lần chưa được cấu hình', en: 'Single sign-on is not configured' },
      });
    }
  });
});

describe('single sign-on when the provider cannot be reached', () => {
  let offline: TestApp;
  beforeAll(async () => {
    const closedPort = await freePort();
    offline = await buildTestApp({
      env: { OIDC_ISSUER: `http://127.0.0.1:${closedPort}`, OIDC_CLIENT_ID: 'doimoi-portal', OIDC_CLIENT_SECRET: 'secret' },
    });
  });
  afterAll(() => offline?.close());

  it('sends the browser to the sign-in page with provider_error instead of failing', async () => {
    const res = await offline.app.inject({ method: 'GET', url: '/api/auth/oidc/start?returnTo=/' });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/dang-nhap?sso_error=provider_error');
  });
});
