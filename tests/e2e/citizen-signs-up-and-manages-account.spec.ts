import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/web/i18n/en.js';
import { localeStorageKey } from '../../src/web/i18n/index.js';
import { vi, type Messages } from '../../src/web/i18n/vi.js';
import { expectNoAxeViolations, launchBrowser } from '../support/browser.js';
import { startE2EServer } from '../support/server.js';

const desktop = { width: 1280, height: 900 };
const phone = { width: 375, height: 667 };
const messages = { vi, en } as const;
type Locale = keyof typeof messages;

/** Long enough to pass as a reset token's shape; the page is only looked at, never submitted. */
const dummyResetToken = 'khong-phai-ma-that-0123456789abcdef';

describe('a citizen signs up and manages their account', () => {
  let server: Awaited<ReturnType<typeof startE2EServer>>;
  let browser: Browser;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    server = await startE2EServer();
    browser = await launchBrowser();
  });

  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A fresh browser profile in the given language (the switch's saved choice), on `path`. */
  async function openPage(
    path: string,
    { locale = 'vi', viewport = desktop }: { locale?: Locale; viewport?: typeof desktop } = {},
  ): Promise<Page> {
    context = await browser.newContext({ viewport, locale: locale === 'vi' ? 'vi-VN' : 'en-GB' });
    await context.addInitScript(
      ([key, value]) => {
        window.localStorage.setItem(key, value);
      },
      [localeStorageKey, locale] as const,
    );
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}${path}`);
    return page;
  }

  /** The page is drawn: its heading is there and the header knows whether someone is signed in. */
  async function waitForPage(page: Page, heading: string, m: Messages): Promise<void> {
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    // On a phone the link sits in the folded menu: there, not necessarily visible.
    await page.getByRole('banner').getByRole('link', { name: m.header.signIn, includeHidden: true }).waitFor({ state: 'attached' });
  }

  function isFocused(page: Page, selector: string): Promise<boolean> {
    return page.locator(selector).evaluate((element) => element === document.activeElement);
  }

  it.each(['vi', 'en'] as const)('shows the sign-up, sign-in and password pages in %s without accessibility violations', async (locale) => {
    const m = messages[locale];
    const page = await openPage('/dang-ky', { locale });
    const pages: Array<[path: string, heading: string]> = [
      ['/dang-ky', m.auth.signUp.heading],
      ['/dang-nhap', m.auth.signIn.heading],
      ['/quen-mat-khau', m.auth.forgotPassword.heading],
      [`/dat-lai-mat-khau?token=${dummyResetToken}`, m.auth.resetPassword.heading],
      ['/bao-ve-du-lieu-ca-nhan', m.privacy.heading],
    ];
    for (const [path, heading] of pages) {
      if (page.url() !== `${server.baseUrl}${path}`) await page.goto(`${server.baseUrl}${path}`);
      await waitForPage(page, heading, m);
      expect(await page.locator('html').getAttribute('lang')).toBe(locale);
      await expectNoAxeViolations(page);
    }

    // The reset page takes its token from the link; without one it says so instead of showing a form.
    await page.goto(`${server.baseUrl}/dat-lai-mat-khau`);
    await page.getByText(m.auth.resetPassword.invalidLink).waitFor();

    // Single sign-on sends the person back here with a reason, said in their language; unknown reasons are ignored.
    await page.goto(`${server.baseUrl}/dang-nhap?sso_error=account_disabled`);
    await page.getByRole('alert').filter({ hasText: m.auth.signIn.ssoErrors.account_disabled }).waitFor();
    await expectNoAxeViolations(page);
    await page.goto(`${server.baseUrl}/dang-nhap?sso_error=<script>`);
    await waitForPage(page, m.auth.signIn.heading, m);
    expect(await page.getByRole('main').getByRole('alert').count()).toBe(0);

    // English paths lead to the Vietnamese ones.
    await page.goto(`${server.baseUrl}/sign-up`);
    await waitForPage(page, m.auth.signUp.heading, m);
    expect(new URL(page.url()).pathname).toBe('/dang-ky');
  });

  it('announces every error of an empty sign-up form, in the language chosen', async () => {
    const page = await openPage('/dang-ky');
    await waitForPage(page, vi.auth.signUp.heading, vi);
    await page.getByRole('button', { name: vi.auth.signUp.submit }).click();

    // The summary takes focus, so a screen reader reads it out, and it links to each field.
    const summary = page.getByRole('group', { name: vi.form.errorSummaryTitle });
    await summary.waitFor();
    expect(await isFocused(page, '[data-error-summary]')).toBe(true);
    await summary.getByRole('alert').waitFor();
    expect(await summary.getByRole('link').count()).toBe(4);

    const fields: Array<[label: string, message: string]> = [
      [vi.auth.signUp.displayName, vi.form.errors.required],
      [vi.auth.email, vi.form.errors.required],
      [vi.auth.password, vi.form.errors.required],
      [vi.auth.signUp.consent, vi.auth.signUp.consentRequired],
    ];
    for (const [label, message] of fields) {
      const control = page.getByLabel(label, { exact: true });
      expect(await control.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await control.getAttribute('aria-describedby')) ?? '';
      const descriptions = await Promise.all(describedBy.split(' ').map((id) => page.locator(`[id="${id}"]`).innerText()));
      expect(descriptions.join(' ')).toContain(message);
    }
    await expectNoAxeViolations(page);

    // Following a link in the summary puts the cursor in that field.
    await summary.getByRole('link', { name: new RegExp(`^${vi.auth.email}`) }).click();
    expect(await page.getByLabel(vi.auth.email, { exact: true }).evaluate((input) => input === document.activeElement)).toBe(true);

    // A business must name itself.
    await page.getByLabel(vi.auth.signUp.enterprise).check();
    await page.getByRole('button', { name: vi.auth.signUp.submit }).click();
    const organization = page.getByLabel(vi.auth.signUp.organizationName, { exact: true });
    await organization.waitFor();
    expect(await organization.getAttribute('aria-invalid')).toBe('true');

    // Messages already shown follow the language switch.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('group', { name: en.form.errorSummaryTitle }).waitFor();
    await page.getByText(en.auth.signUp.consentRequired).first().waitFor();
    await expectNoAxeViolations(page);
  });

  it('fits the sign-up form on a 375-pixel-wide phone screen without scrolling sideways', async () => {
    const page = await openPage('/dang-ky', { viewport: phone });
    await waitForPage(page, vi.auth.signUp.heading, vi);
    await page.getByRole('button', { name: vi.auth.signUp.submit }).click();
    await page.getByRole('group', { name: vi.form.errorSummaryTitle }).waitFor();

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
  });

  it('signs up as a citizen, signs in, changes the display name and signs out', async () => {
    const email = `lan.nguyen.${Date.now()}@example.vn`;
    const password = 'mot cum tu that dai 2030';
    const page = await openPage('/dang-ky');
    await waitForPage(page, vi.auth.signUp.heading, vi);

    await page.getByLabel(vi.auth.signUp.displayName, { exact: true }).fill('Nguyễn Thị Lan');
    await page.getByLabel(vi.auth.email, { exact: true }).fill(email);
    await page.getByLabel(vi.auth.password, { exact: true }).fill(password);
    await page.getByLabel(vi.auth.signUp.consent, { exact: true }).check();
    await page.getByRole('button', { name: vi.auth.signUp.submit }).click();

    await page.getByRole('heading', { level: 1, name: vi.auth.signUp.sentHeading }).waitFor();
    expect(await isFocused(page, 'h1')).toBe(true);
    await page.getByText(email, { exact: false }).first().waitFor();
    await expectNoAxeViolations(page);

    // The verification link arrives by e-mail; signing in does not wait for it.
    await page.getByRole('main').getByRole('link', { name: vi.auth.signUp.signInLink }).click();
    await page.getByRole('heading', { level: 1, name: vi.auth.signIn.heading }).waitFor();

    // A wrong password is refused with the server's message, in the summary.
    await page.getByLabel(vi.auth.email, { exact: true }).fill(email);
    await page.getByLabel(vi.auth.password, { exact: true }).fill('khong phai mat khau nay');
    await page.getByRole('main').getByRole('button', { name: vi.auth.signIn.submit }).click();
    await page.getByRole('group', { name: vi.form.errorSummaryTitle }).waitFor();
    expect(await isFocused(page, '[data-error-summary]')).toBe(true);

    await page.getByLabel(vi.auth.password, { exact: true }).fill(password);
    await page.getByRole('main').getByRole('button', { name: vi.auth.signIn.submit }).click();

    // Signing in lands on the workspace; the account page is in the account menu.
    await page.getByRole('heading', { level: 1, name: vi.workspace.heading }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/viec-cua-toi');
    await page.getByRole('banner').getByRole('button', { name: /Nguyễn Thị Lan/ }).click();
    await page.getByRole('banner').getByRole('link', { name: vi.header.account }).click();
    await page.getByRole('heading', { level: 1, name: vi.account.heading }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/tai-khoan');
    await page.getByRole('heading', { level: 2, name: vi.account.profile.heading }).waitFor();
    await page.getByRole('heading', { level: 2, name: vi.account.tokens.heading }).waitFor();
    await page
      .getByText(vi.account.notifications.empty)
      .or(page.getByRole('main').locator('[data-list="notifications"]'))
      .first()
      .waitFor();
    const accountMenu = page.getByRole('banner').getByRole('button', { name: /Nguyễn Thị Lan/ });
    await accountMenu.waitFor();
    await expectNoAxeViolations(page);

    // Rename, and the header follows; the new name survives a reload.
    const displayName = page.getByLabel(vi.account.profile.displayName, { exact: true });
    await displayName.fill('Nguyễn Thị Lan Anh');
    await page.getByRole('button', { name: vi.account.profile.save }).click();
    await page.getByRole('status').filter({ hasText: vi.account.profile.saved }).waitFor();
    await page
      .getByRole('banner')
      .getByRole('button', { name: /Nguyễn Thị Lan Anh/ })
      .waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: vi.account.heading }).waitFor();
    expect(await page.getByLabel(vi.account.profile.displayName, { exact: true }).inputValue()).toBe('Nguyễn Thị Lan Anh');

    // The account page in English passes too.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: en.account.heading }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('heading', { level: 1, name: vi.account.heading }).waitFor();

    // Sign out from the account menu: back on the home page, told so, and the account page is closed.
    const menu = page.getByRole('banner').getByRole('button', { name: /Nguyễn Thị Lan Anh/ });
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('banner').getByRole('button', { name: vi.header.signOut }).click();
    await page.getByText(vi.flash.signedOut).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByRole('banner').getByRole('link', { name: vi.header.signIn }).waitFor();

    await page.goto(`${server.baseUrl}/tai-khoan`);
    await page.getByRole('heading', { level: 1, name: vi.auth.signIn.heading }).waitFor();
    expect(new URL(page.url()).searchParams.get('returnTo')).toBe('/tai-khoan');
  });
});
