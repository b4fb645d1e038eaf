import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { rolesRequiringSecondFactor, roleNames, type RoleName } from '../../src/shared/contracts/identity.js';
import type { Workspace } from '../../src/shared/contracts/workspace.js';
import { readDemoSeed } from '../../src/server/lib/seed-files.js';
import { demoPassword } from '../../src/server/modules/identity/seed.js';
import { en } from '../../src/web/i18n/en.js';
import { localeStorageKey } from '../../src/web/i18n/index.js';
import { vi } from '../../src/web/i18n/vi.js';
import { expectNoAxeViolations, launchBrowser } from '../support/browser.js';
import { startE2EServer } from '../support/server.js';
import { as, enrolTotp, signIn } from '../support/sessions.js';
import { totpCode } from '../support/totp.js';

/** One demo account per role (seeds/demo/accounts.json): the journeys follow the seed, not a hand list. */
const accounts = readDemoSeed(
  'accounts.json',
  z.object({ accounts: z.array(z.object({ email: z.string(), grants: z.array(z.object({ role: z.enum(roleNames) })) })) }).loose(),
).accounts;
const accountOf = (role: RoleName) => accounts.find((a) => a.grants.some((g) => g.role === role))!.email;
const messages = { vi, en } as const;

describe('every role signs in, lands on its workspace and reaches each of its jobs by clicking', () => {
  let server: Awaited<ReturnType<typeof startE2EServer>>;
  let browser: Browser;
  const secrets = new Map<string, string>();

  beforeAll(async () => {
    server = await startE2EServer();
    browser = await launchBrowser();
    for (const role of rolesRequiringSecondFactor) {
      const email = accountOf(role);
      secrets.set(email, (await enrolTotp(server.testApp, await signIn(server.testApp.app, email, demoPassword, '10.8.0.1'))).secret);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Signs in through the form (and the second factor where the role needs one): sign-in lands on the workspace. */
  async function signInThroughForm(email: string, locale: 'vi' | 'en'): Promise<Page> {
    const m = messages[locale];
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: locale === 'vi' ? 'vi-VN' : 'en-GB' });
    await context.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [localeStorageKey, locale] as const);
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/dang-nhap`);
    await page.getByLabel(m.auth.email).fill(email);
    await page.getByLabel(m.auth.password, { exact: true }).fill(demoPassword);
    await page.getByRole('button', { name: m.auth.signIn.submit }).click();
    const secret = secrets.get(email);
    if (secret) {
      server.testApp.clock.advance(30_000);
      await page.getByLabel(m.auth.codeLabel).fill(totpCode(secret, server.testApp.clock.now()));
      await page.getByRole('button', { name: m.auth.secondFactor.submit }).click();
    }
    await page.getByRole('heading', { level: 1, name: m.workspace.heading }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/viec-cua-toi');
    return page;
  }

  const journeys = roleNames.flatMap((role) => (['vi', 'en'] as const).map((locale) => [role, locale] as const));

  it.each(journeys)('%s, in %s', async (role, locale) => {
    const m = messages[locale];
    const email = accountOf(role);
    const page = await signInThroughForm(email, locale);
    // What the server lists for this person; the page must offer each of it.
    const cookie = (await page.context().cookies()).find((c) => c.name === 'doimoi_session')!;
    const workspace = (
      await as(server.testApp.app, { cookie: `${cookie.name}=${cookie.value}`, csrfToken: '' })({ method: 'GET', url: '/api/workspace' })
    ).json() as Workspace;
    const own = workspace.items.filter((item) => item.role === role);
    expect(own.length).toBeGreaterThan(0);
    await expectNoAxeViolations(page);

    for (const item of own) {
      const card = page.locator(`[data-card="${item.id}"]`);
      await card.getByRole('link').first().click();
      await page.waitForURL((url) => `${url.pathname}${url.search}` === item.href);
      const heading = page.getByRole('heading', { level: 1 });
      await heading.waitFor();
      // Every job opens a page the person may use: never "not found" or "sign in".
      expect(await heading.textContent()).not.toBe(m.notFound.heading);
      expect(new URL(page.url()).pathname).not.toBe('/dang-nhap');
      await expectNoAxeViolations(page);
      // Back to the workspace through the header, by clicking.
      await page.getByRole('link', { name: new RegExp(`^${m.nav.workspace}`) }).click();
      await page.getByRole('heading', { level: 1, name: m.workspace.heading }).waitFor();
    }
    await page.context().close();
  });
});
