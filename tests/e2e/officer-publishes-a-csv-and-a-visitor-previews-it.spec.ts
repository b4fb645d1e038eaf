import { join } from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vi } from '../../src/web/i18n/vi.js';
import { expectNoAxeViolations, launchBrowser, profilesOn } from '../support/browser.js';
import { startE2EServer } from '../support/server.js';
import { enrolTotp, userWithRoles, type Browser as Session } from '../support/sessions.js';

const m = vi.opendata;
const stations = [
  'ten,quan,cong_suat_kw',
  'Trạm sạc Bến Thành,Quận 1,150',
  'Trạm sạc Thủ Đức,Thủ Đức,60',
  'Trạm sạc Chợ Lớn,Quận 5,120',
].join('\n');

describe('an officer uploads a CSV, a manager publishes it, a visitor finds and previews it', () => {
  let server: Awaited<ReturnType<typeof startE2EServer>>;
  let browser: Browser;
  let profiles: ReturnType<typeof profilesOn>;
  let officer: Session;
  let manager: Session;

  beforeAll(async () => {
    server = await startE2EServer();
    browser = await launchBrowser();
    profiles = profilesOn(browser, server.baseUrl);
    officer = (await userWithRoles(server.testApp, 'du-lieu@skhcn.gov.vn', [{ role: 'unit_officer', unitCode: 'SKHCN' }])).browser;
    manager = (
      await userWithRoles(server.testApp, 'quan-ly-du-lieu@skhcn.gov.vn', [
        { role: 'programme_manager', unitCode: 'SKHCN', includesSubtree: true },
      ])
    ).browser;
    await enrolTotp(server.testApp, manager);
  });

  afterAll(async () => {
    await profiles?.closeAll();
    await browser?.close();
    await server?.close();
  });

  it('goes from a draft to rows a visitor filters, and datastore_search returns the same rows', async () => {
    const page = await profiles.open(officer, '/quan-ly-du-lieu');
    await page.getByRole('heading', { name: m.work.heading }).waitFor();
    await page.getByLabel(m.work.name).fill('tram-sac-xe-dien');
    await page.getByLabel(m.work.titleVi).fill('Trạm sạc xe điện');
    await page.getByLabel(m.work.titleEn).fill('Electric vehicle charging stations');
    await page.getByLabel(m.work.contactName).fill('Phòng Dữ liệu');
    await page.getByLabel(m.work.contactEmail).fill('du-lieu@skhcn.gov.vn');
    await page.getByRole('button', { name: m.work.create }).click();
    await page.getByText(m.work.created.replace('{{name}}', 'tram-sac-xe-dien')).waitFor();
    await expectNoAxeViolations(page);
    const file = join(mkdtempSync(join(tmpdir(), 'doimoi-e2e-')), 'tram-sac.csv');
    writeFileSync(file, stations);
    const row = page.getByRole('row').filter({ hasText: 'Trạm sạc xe điện' });
    await row.getByLabel(new RegExp(m.work.file.replace(/[()]/g, '.'))).setInputFiles(file);
    await row.getByRole('button', { name: m.work.upload }).click();
    await page.getByText(m.work.uploaded).waitFor();
    await row.getByRole('button', { name: m.work.propose }).click();
    await row.getByText(m.state.proposed).waitFor();

    const managerPage = await profiles.open(manager, '/quan-ly-du-lieu');
    const proposed = managerPage.getByRole('row').filter({ hasText: 'Trạm sạc xe điện' });
    await proposed.getByRole('button', { name: m.work.publish }).click();
    await proposed.getByText(m.state.published).waitFor();
    await expectNoAxeViolations(managerPage);

    const visitor = await profiles.open(null, '/du-lieu-mo');
    await visitor.getByLabel(m.catalogue.search).fill('tram sac xe dien');
    await visitor.getByRole('button', { name: m.catalogue.submit }).first().click();
    await visitor.getByRole('link', { name: 'Trạm sạc xe điện' }).click();
    await visitor.getByRole('heading', { name: 'Trạm sạc xe điện', level: 1 }).waitFor();
    await expectNoAxeViolations(visitor);
    await visitor.getByRole('link', { name: m.dataset.preview.replace('{{name}}', 'tram-sac') }).click();
    await visitor.getByRole('searchbox', { name: m.preview.filter }).fill('thu duc');
    await visitor.getByRole('button', { name: m.preview.apply }).first().click();
    await visitor.getByText(m.preview.total.replace('{{total}}', '1')).waitFor();
    const shown = await visitor.locator('[data-table="preview"] tbody tr').allTextContents();
    await expectNoAxeViolations(visitor);

    const resourceId = visitor.url().split('/xem/')[1]!.split('?')[0]!;
    const api = await visitor.request.get(`${server.baseUrl}/api/3/action/datastore_search?resource_id=${resourceId}&q=thu%20duc`);
    const records = (await api.json()).result.records as Array<{ ten: string; quan: string; cong_suat_kw: number }>;
    expect(records).toEqual([{ _id: 2, ten: 'Trạm sạc Thủ Đức', quan: 'Thủ Đức', cong_suat_kw: 60 }]);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toContain('Trạm sạc Thủ Đức');
  });
});
