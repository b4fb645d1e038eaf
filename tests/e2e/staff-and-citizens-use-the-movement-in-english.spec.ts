import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { en } from '../../src/web/i18n/en.js';
import { expectNoAxeViolations, launchBrowser, profilesOn } from '../support/browser.js';
import { completeDraft, createCouncil, demoCampaign, movementPeople, unitId } from '../support/movement.js';
import { startE2EServer } from '../support/server.js';
import { as, type Browser as Session } from '../support/sessions.js';

const m = en.movement;
const title = 'Digital vaccination records at the ward health station';

// The Vietnamese journey is walked end to end in citizen-initiative-is-recognised-awarded-and-replicated;
// here every signed-in page of the movement is opened in English and checked with axe-core.
describe('staff and citizens use the movement pages in English', () => {
  let server: Awaited<ReturnType<typeof startE2EServer>>;
  let browser: Browser;
  let people: Awaited<ReturnType<typeof movementPeople>>;
  let initiativeId: string;
  let councilId: string;
  let campaignCode: string;
  let profiles: ReturnType<typeof profilesOn>;

  beforeAll(async () => {
    server = await startE2EServer();
    browser = await launchBrowser();
    profiles = profilesOn(browser, server.baseUrl);
    const t = server.testApp;
    people = await movementPeople(t, 'eng');
    const campaign = await demoCampaign(t);
    campaignCode = campaign.code;
    const author = as(t.app, people.author.browser);
    const pm = as(t.app, people.pm.browser);
    initiativeId = (
      await author({
        method: 'POST',
        url: '/api/movement/initiatives',
        payload: completeDraft(campaign.id, { title, unitId: await unitId(t, 'SKHCN') }),
      })
    ).json().id;
    for (const [who, action] of [
      [author, 'submit'],
      [pm, 'start_screening'],
      [pm, 'accept_for_review'],
    ] as const) {
      const res = await who({ method: 'POST', url: `/api/movement/initiatives/${initiativeId}/transitions`, payload: { action } });
      if (res.statusCode !== 200) throw new Error(`${action}: ${res.body}`);
    }
    councilId = (await createCouncil(t, people.pm.browser, campaign.id, people.chair, people.reviewers.slice(0, 3))).id;
    const assigned = await pm({
      method: 'POST',
      url: `/api/movement/councils/${councilId}/assignments`,
      payload: { initiativeIds: [initiativeId], reviewersPerInitiative: 3 },
    });
    if (assigned.statusCode !== 200) throw new Error(`assign: ${assigned.body}`);
  }, 180_000);

  afterAll(async () => {
    await profiles?.closeAll();
    await browser?.close();
    await server?.close();
  });

  const openAs = (session: Session, path: string) => profiles.open(session, path, 'en');

  it('the citizen’s form, list and dossier', async () => {
    const citizen = await openAs(people.author.browser, '/sang-kien/nop');
    await citizen.getByRole('heading', { level: 1, name: m.submit.heading }).waitFor();
    await expectNoAxeViolations(citizen);
    await citizen.goto(`${server.baseUrl}/sang-kien/cua-toi`);
    await citizen.getByRole('heading', { level: 1, name: m.mine.heading }).waitFor();
    await citizen.getByRole('link', { name: title }).click();
    await citizen.getByRole('heading', { level: 1, name: title }).waitFor();
    await citizen.getByText(m.states.under_review, { exact: true }).first().waitFor();
    await expectNoAxeViolations(citizen);
  }, 120_000);

  it('the manager’s queue and the council pages', async () => {
    const manager = await openAs(people.pm.browser, '/quan-ly-sang-kien');
    await manager.getByRole('heading', { level: 1, name: m.manage.heading }).waitFor();
    await manager.getByLabel(m.manage.filter).selectOption({ label: m.states.under_review });
    await manager.getByRole('link', { name: title }).waitFor();
    await expectNoAxeViolations(manager);
    await manager.goto(`${server.baseUrl}/hoi-dong-sang-kien`);
    await manager.getByRole('heading', { level: 1, name: m.council.heading }).waitFor();
    await expectNoAxeViolations(manager);
    await manager.goto(`${server.baseUrl}/hoi-dong-sang-kien/${councilId}`);
    await manager.getByRole('heading', { name: m.council.assignHeading }).waitFor();
    await expectNoAxeViolations(manager);
    // The manager renames the council from its page.
    await manager.getByRole('link', { name: m.councilSetup.editLink }).click();
    await manager.getByRole('heading', { level: 1, name: m.councilSetup.editHeading }).waitFor();
    await expectNoAxeViolations(manager);
    await manager.getByLabel(m.councilSetup.nameEn).fill('City initiative council, second sitting');
    await manager.getByRole('button', { name: m.councilSetup.save }).click();
    await manager.getByRole('heading', { level: 1, name: 'City initiative council, second sitting' }).waitFor();
    // And corrects the campaign's English title; its scored criteria go back unchanged.
    await manager.goto(`${server.baseUrl}/phong-trao/${encodeURIComponent(campaignCode)}`);
    await manager.getByRole('link', { name: m.launch.editLink }).click();
    await manager.getByRole('heading', { level: 1, name: m.launch.editHeading }).waitFor();
    await expectNoAxeViolations(manager);
    await manager.getByLabel(m.launch.titleEn).fill('Emulation movement for innovation and digital transformation, 2026–2030');
    await manager.getByRole('button', { name: m.launch.save }).click();
    await manager
      .getByRole('heading', { level: 1, name: 'Emulation movement for innovation and digital transformation, 2026–2030' })
      .waitFor();
  }, 120_000);

  it('a reviewer fills in and submits their score sheet', async () => {
    const reviewer = await openAs(people.reviewers[0]!.browser, '/cham-diem');
    await reviewer.getByRole('heading', { level: 1, name: m.review.heading }).waitFor();
    await expectNoAxeViolations(reviewer);
    await reviewer.getByRole('link', { name: new RegExp(title) }).click();
    await reviewer.getByText(m.review.othersHidden).waitFor();
    for (const input of await reviewer.getByRole('textbox', { name: m.review.score, exact: true }).all()) await input.fill('8');
    await expectNoAxeViolations(reviewer);
    await reviewer.getByRole('button', { name: m.review.submit }).click();
    await reviewer.getByText(/^You submitted your score sheet at/).waitFor();
    await expectNoAxeViolations(reviewer);
  }, 120_000);
});
