import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vi } from '../../src/web/i18n/vi.js';
import { expectNoAxeViolations, launchBrowser, profilesOn } from '../support/browser.js';
import { datasetForm, unitId } from '../support/opendata.js';
import { startE2EServer } from '../support/server.js';
import { as, userWithRoles, type Browser as Session } from '../support/sessions.js';

const m = vi.opendata;

describe('an officer edits the details of a draft dataset', () => {
  let server: Awaited<ReturnType<typeof startE2EServer>>;
  let browser: Browser;
  let profiles: ReturnType<typeof profilesOn>;
  let officer: Session;
  let id: string;

  beforeAll(async () => {
    server = await startE2EServer();
    browser = await launchBrowser();
    profiles = profilesOn(browser, server.baseUrl);
    officer = (await userWithRoles(server.testApp, 'sua-du-lieu@skhcn.gov.vn', [{ role: 'unit_officer', unitCode: 'SKHCN' }])).browser;
    const form = datasetForm(await unitId(server.testApp, 'SKHCN'), 'bai-do-xe', {
      title: { vi: 'Bãi đỗ xe', en: 'Car parks' },
      themes: [],
      keywords: [],
      updateFrequency: 'UNKNOWN',
    });
    id = (await as(server.testApp.app, officer)({ method: 'POST', url: '/api/opendata/datasets', payload: form })).json().id;
  });

  afterAll(async () => {
    await profiles?.closeAll();
    await browser?.close();
    await server?.close();
  });

  it('opens the form from the work list, saves the change and sees it on the dataset page and in its history', async () => {
    const page = await profiles.open(officer, '/quan-ly-du-lieu');
    await page.getByRole('link', { name: m.work.edit.replace('{{title}}', 'Bãi đỗ xe') }).click();
    await page.getByRole('heading', { name: m.edit.heading, level: 1 }).waitFor();
    expect(await page.getByLabel(m.work.titleVi).inputValue()).toBe('Bãi đỗ xe');
    await expectNoAxeViolations(page);
    await page.getByLabel(m.work.titleVi).fill('Bãi đỗ xe công cộng');
    await page.getByRole('checkbox', { name: 'Giao thông' }).check();
    await page.getByLabel(m.dataset.keywords).fill('đỗ xe, giao thông tĩnh');
    await page.getByLabel(m.dataset.frequency).selectOption('MONTHLY');
    await page.getByRole('button', { name: m.edit.submit }).click();
    await page.getByRole('heading', { name: 'Bãi đỗ xe công cộng', level: 1 }).waitFor();
    await page.getByText(m.dataset.actions['opendata.dataset.update']).first().waitFor();
    await expectNoAxeViolations(page);

    const saved = (await as(server.testApp.app, officer)({ method: 'GET', url: `/api/opendata/datasets/${id}` })).json().form;
    expect(saved).toMatchObject({
      title: { vi: 'Bãi đỗ xe công cộng', en: 'Car parks' },
      themes: ['giao-thong'],
      keywords: ['đỗ xe', 'giao thông tĩnh'],
      updateFrequency: 'MONTHLY',
    });
  });
});
