import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/server/modules/identity/service.js';
import { systemContext } from '../../src/server/lib/context.js';
import { en } from '../../src/web/i18n/en.js';
import { localeStorageKey } from '../../src/web/i18n/index.js';
import { vi } from '../../src/web/i18n/vi.js';
import { expectNoAxeViolations, launchBrowser } from '../support/browser.js';
import { startE2EServer } from '../support/server.js';
import { testPassword } from '../support/sessions.js';
import { totpCode } from '../support/totp.js';

const admin = { email: 'quan.tri@hcm.gov.vn', displayName: 'Trần Quản Trị' };
const officer = { email: 'can.bo.yte@hcm.gov.vn', displayName: 'Phạm Cán Bộ' };

describe('an administrator manages units, roles and the audit log', () => {
  let server: Awaited<ReturnType<typeof startE2EServer>>;
  let browser: Browser;
  let context: BrowserContext | undefined;
  let totpSecret = '';

  beforeAll(async () => {
    server = await startE2EServer();
    const t = server.testApp;
    const ctx = systemContext(t.testDb.database.db, t.clock);
    await createUser(ctx, { ...admin, password: testPassword, grants: [{ role: 'administrator', unitCode: '79', includesSubtree: true }] });
    await createUser(ctx, { ...officer, password: testPassword, grants: [] });
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

  async function openPage(path: string, locale: 'vi' | 'en' = 'vi'): Promise<Page> {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: locale === 'vi' ? 'vi-VN' : 'en-GB' });
    await context.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [localeStorageKey, locale] as const);
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}${path}`);
    return page;
  }

  async function signInWithPassword(page: Page, email: string): Promise<void> {
    await page.getByRole('heading', { level: 1, name: vi.auth.signIn.heading }).waitFor();
    await page.getByLabel(vi.auth.email, { exact: true }).fill(email);
    await page.getByLabel(vi.auth.password, { exact: true }).fill(testPassword);
    await page.getByRole('main').getByRole('button', { name: vi.auth.signIn.submit }).click();
  }

  /** A code for the server's clock, 30 s on from the last one so no code is ever given twice. */
  function nextCode(): string {
    server.testApp.clock.advance(30_000);
    return totpCode(totpSecret, server.testApp.clock.now());
  }

  it('refuses the administration pages to an account without the role, and says why', async () => {
    const page = await openPage('/quan-tri');
    await signInWithPassword(page, officer.email);
    await page.getByRole('heading', { level: 1, name: vi.admin.guard.forbiddenHeading }).waitFor();
    await expectNoAxeViolations(page);
  });

  it('sets up two-step verification when first asked, then signs in with a code', async () => {
    const page = await openPage('/quan-tri');
    await signInWithPassword(page, admin.email);

    // Without a second factor the administration pages say what to do instead of failing.
    await page.getByRole('heading', { level: 1, name: vi.admin.guard.secondFactorHeading }).waitFor();
    await page.getByRole('main').getByRole('link', { name: vi.admin.guard.enrolLink }).click();
    await page.getByRole('button', { name: vi.account.twoFactor.start }).click();
    await page.getByRole('heading', { level: 3, name: vi.account.twoFactor.enrolHeading }).waitFor();
    await expectNoAxeViolations(page);

    // The setup key as shown (in groups of four) is what an authenticator app would store.
    totpSecret = (await page.locator('[data-secret]').innerText()).replace(/\s/g, '');
    await page.getByLabel(vi.auth.codeLabel, { exact: true }).fill(nextCode());
    await page.getByRole('button', { name: vi.account.twoFactor.confirm }).click();
    await page.getByRole('heading', { name: vi.account.recoveryCodes.heading }).waitFor();
    await expectNoAxeViolations(page);

    // Next time the password alone is not enough: the second-factor page asks for a code, in both languages.
    await page
      .getByRole('banner')
      .getByRole('button', { name: new RegExp(admin.displayName) })
      .click();
    await page.getByRole('banner').getByRole('button', { name: vi.header.signOut }).click();
    await page.getByRole('banner').getByRole('link', { name: vi.header.signIn }).waitFor();
    await page.goto(`${server.baseUrl}/dang-nhap?returnTo=/quan-tri`);
    await signInWithPassword(page, admin.email);
    await page.getByRole('heading', { level: 1, name: vi.auth.secondFactor.heading }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: en.auth.secondFactor.heading }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();

    // A wrong code is refused; the right one opens the administration home.
    await page.getByLabel(vi.auth.codeLabel, { exact: true }).fill('000000');
    await page.getByRole('main').getByRole('button', { name: vi.auth.secondFactor.submit }).click();
    await page.getByRole('group', { name: vi.form.errorSummaryTitle }).waitFor();
    await page.getByLabel(vi.auth.codeLabel, { exact: true }).fill(nextCode());
    await page.getByRole('main').getByRole('button', { name: vi.auth.secondFactor.submit }).click();
    await page.getByRole('heading', { level: 1, name: vi.admin.home.heading }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/quan-tri');
    await expectNoAxeViolations(page);
  });

  async function signInAsAdmin(path: string): Promise<Page> {
    const page = await openPage(`/dang-nhap?returnTo=${encodeURIComponent(path)}`);
    await signInWithPassword(page, admin.email);
    await page.getByLabel(vi.auth.codeLabel, { exact: true }).fill(nextCode());
    await page.getByRole('main').getByRole('button', { name: vi.auth.secondFactor.submit }).click();
    return page;
  }

  it('adds a unit, finds it without diacritics, and deactivates it', async () => {
    const page = await signInAsAdmin('/quan-tri/don-vi');
    await page.getByRole('heading', { level: 1, name: vi.admin.units.heading }).waitFor();
    await page.getByLabel(vi.admin.units.filter).fill('thu duc');
    await page.locator('[data-unit]', { hasText: 'Phường Thủ Đức' }).waitFor();
    await expectNoAxeViolations(page);

    const create = page.locator('form').filter({ has: page.getByRole('button', { name: vi.admin.units.create }) });
    await create.getByLabel(vi.admin.units.code, { exact: true }).fill('TT-DMST');
    await create.getByLabel(vi.admin.units.nameVi, { exact: true }).fill('Trung tâm Đổi mới sáng tạo Thành phố');
    await create.getByLabel(vi.admin.units.nameEn, { exact: true }).fill('City Innovation Centre');
    await create.getByLabel(vi.admin.units.kind, { exact: true }).selectOption('agency');
    await create.getByLabel(vi.admin.units.parent, { exact: true }).selectOption({ label: 'Sở Khoa học và Công nghệ (SKHCN)' });
    await create.getByRole('button', { name: vi.admin.units.create }).click();
    await page.getByRole('status').filter({ hasText: 'Trung tâm Đổi mới sáng tạo Thành phố' }).waitFor();

    await page.getByLabel(vi.admin.units.filter).fill('doi moi sang tao thanh pho');
    await page.getByRole('button', { name: `${vi.admin.units.edit} Trung tâm Đổi mới sáng tạo Thành phố` }).click();
    const edit = page.locator('form').filter({ has: page.getByRole('button', { name: vi.admin.units.save }) });
    await edit.getByLabel(vi.admin.units.isActive, { exact: true }).uncheck();
    await edit.getByRole('button', { name: vi.admin.units.save }).click();
    await page
      .getByRole('status')
      .filter({ hasText: vi.admin.units.saved.replace('{{name}}', 'Trung tâm Đổi mới sáng tạo Thành phố') })
      .waitFor();

    // Inactive units are kept (with their history) and shown on request, marked as such.
    expect(await page.locator('[data-unit]', { hasText: 'Trung tâm Đổi mới sáng tạo Thành phố' }).count()).toBe(0);
    await page.getByLabel(vi.admin.units.showInactive).check();
    const row = page.locator('[data-unit]', { hasText: 'Trung tâm Đổi mới sáng tạo Thành phố' });
    await row.getByText(vi.admin.units.inactive).waitFor();
    await expectNoAxeViolations(page);
  });

  it('grants a role on a unit and revokes it', async () => {
    const page = await signInAsAdmin(`/quan-tri/tai-khoan?q=${encodeURIComponent(officer.email)}`);
    await page.getByRole('heading', { level: 1, name: vi.admin.users.heading }).waitFor();
    const card = page.getByRole('article', { name: officer.displayName });
    await card.getByText(vi.admin.users.noGrants).waitFor();
    await card.getByRole('button', { name: `${vi.admin.users.grantHeading} — ${officer.displayName}` }).click();
    await card.getByLabel(vi.admin.users.role, { exact: true }).selectOption('unit_officer');
    await card.getByLabel(vi.admin.users.unit, { exact: true }).selectOption({ label: 'Sở Y tế (SYT)' });
    await expectNoAxeViolations(page);
    await card.getByRole('button', { name: vi.admin.users.grant }).click();
    const grantText = `${vi.admin.roles.unit_officer} — Sở Y tế`;
    await card.locator('[data-grant]').getByText(grantText, { exact: true }).first().waitFor();

    page.once('dialog', (dialog) => void dialog.accept());
    await card.getByRole('button', { name: `${vi.admin.users.revoke} ${grantText}` }).click();
    await card.getByText(vi.admin.users.noGrants).waitFor();
    await expectNoAxeViolations(page);
  });

  it('filters the audit log, exports what it shows, and verifies the chain', async () => {
    const page = await signInAsAdmin('/quan-tri/nhat-ky');
    await page.getByRole('heading', { level: 1, name: vi.admin.audit.heading }).waitFor();
    await page.getByRole('table').waitFor();
    await expectNoAxeViolations(page);

    await page.getByLabel(vi.admin.audit.action, { exact: true }).fill('units.create');
    await page.getByRole('button', { name: vi.admin.audit.apply, exact: true }).click();
    await page.waitForURL(/action=units.create/);
    const rows = page.getByRole('table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    await rows.first().getByText(vi.admin.audit.show).click();
    await rows.first().getByText('TT-DMST').waitFor();

    // The CSV link carries the same filters; the file it gives is the same one row.
    const href = await page.getByRole('link', { name: vi.admin.audit.exportCsv }).getAttribute('href');
    expect(href).toContain('action=units.create');
    const csv = await (await page.request.get(`${server.baseUrl}${href}`)).text();
    const lines = csv.trim().split(/\r?\n/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('TT-DMST');

    await page.getByRole('button', { name: vi.admin.audit.verify }).click();
    await page.getByText(/Chuỗi nguyên vẹn: đã kiểm tra [\d.]+ dòng đã niêm phong; [\d.]+ dòng mới đang chờ niêm phong\./).waitFor();

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: en.admin.audit.heading }).waitFor();
    await expectNoAxeViolations(page);
  });
});
