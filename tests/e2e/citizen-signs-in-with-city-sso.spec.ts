import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { vi } from '../../src/web/i18n/vi.js';
import { buildTestApp, type TestApp } from '../support/app.js';
import { expectNoAxeViolations, launchBrowser } from '../support/browser.js';
import { freePort, startOidcProvider, type TestOidcProvider } from '../support/oidc-provider.js';

const citizen = { sub: 'cong-dan-0042', email: 'hoa.le@example.vn', email_verified: true, name: 'Lê Thị Hoa' };

describe('a citizen signs in with the city single sign-on', () => {
  let app: TestApp;
  let provider: TestOidcProvider;
  let baseUrl: string;
  let browser: Browser;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    // startE2EServer takes no settings, so the app is built here with the provider's; the port is
    // chosen first because the callback URL registered at the provider has to name it.
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    provider = await startOidcProvider({ appBaseUrl: baseUrl, accounts: [citizen] });
    app = await buildTestApp({
      template: 'demo',
      env: {
        PUBLIC_URL: baseUrl,
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: provider.clientId,
        OIDC_CLIENT_SECRET: provider.clientSecret,
      },
    });
    await app.app.listen({ port, host: '127.0.0.1' });
    browser = await launchBrowser();
  });

  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await provider?.close();
  });

  it('goes to the provider, signs in and consents there, and comes back to the portal signed in', async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/api/auth/oidc/start?returnTo=/`);

    // The provider's own pages: its login form, then its consent form.
    expect(new URL(page.url()).origin).toBe(provider.issuer);
    await page.getByPlaceholder('Enter any login').fill(citizen.sub);
    await page.getByPlaceholder('and password').fill('mat-khau-bat-ky');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.waitForURL(`${baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: vi.home.title }).waitFor();
    const session = await page.evaluate(async () => {
      const response = await fetch('/api/auth/session');
      return (await response.json()) as { user: { email: string; displayName: string } | null };
    });
    expect(session.user).toMatchObject({ email: citizen.email, displayName: citizen.name });
    await expectNoAxeViolations(page);
  });
});
