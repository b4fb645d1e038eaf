import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../tests/support/app.js';
import { movementPeople, unitId } from '../../../../tests/support/movement.js';
import { as } from '../../../../tests/support/sessions.js';

/** What the movement's pages need beyond the original API: council candidates, the expert role, why a comment is held. */
describe('support for the movement pages', () => {
  let t: TestApp;
  let people: Awaited<ReturnType<typeof movementPeople>>;
  let campaignId: string;
  let publicId: string;

  beforeAll(async () => {
    t = await buildTestApp();
    people = await movementPeople(t, 'pg');
    campaignId = (await t.app.inject({ method: 'GET', url: '/api/movement/campaigns' })).json().campaigns[0].id;
    publicId = (await t.app.inject({ method: 'GET', url: '/api/movement/gallery?q=QR' })).json().items[0].id;
  }, 120_000);
  afterAll(() => t?.close());

  it('lists council candidates by name or e-mail, with the unit of their grant, to managers only', async () => {
    const res = await as(t.app, people.pm.browser)({ method: 'GET', url: '/api/movement/council-candidates?q=pg-reviewer' });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{ email: string; unitId: string | null }>;
    expect(items.map((i) => i.email)).toEqual([
      'pg-reviewer1@example.vn',
      'pg-reviewer2@example.vn',
      'pg-reviewer3@example.vn',
      'pg-reviewer4@example.vn',
    ]);
    expect(items[0]!.unitId).toBe(await unitId(t, 'SYT'));
    // A citizen with no staff role is not offered; a wildcard in the search is taken literally.
    const citizens = await as(t.app, people.pm.browser)({ method: 'GET', url: '/api/movement/council-candidates?q=pg-citizen' });
    expect(citizens.json().items).toEqual([]);
    const wildcard = await as(t.app, people.pm.browser)({ method: 'GET', url: '/api/movement/council-candidates?q=%25' });
    expect(wildcard.json().items).toEqual([]);
    const officer = await as(t.app, people.officer.browser)({ method: 'GET', url: '/api/movement/council-candidates?q=pg' });
    expect(officer.statusCode).toBe(403);
  });

  it('sets up a council with an expert, who is then assignable like a member', async () => {
    const members = [
      { userId: people.chair.user.id, unitId: await unitId(t, 'SKHCN'), role: 'chair' },
      { userId: people.reviewers[0]!.user.id, unitId: await unitId(t, 'SYT'), role: 'expert' },
    ];
    const res = await as(
      t.app,
      people.pm.browser,
    )({
      method: 'POST',
      url: '/api/movement/councils',
      payload: { campaignId, nameVi: 'Hội đồng chuyên gia', nameEn: 'Expert council', members },
    });
    expect(res.statusCode).toBe(201);
    expect(
      res
        .json()
        .members.map((m: { role: string }) => m.role)
        .sort(),
    ).toEqual(['chair', 'expert']);
  });

  it('tells a call that is still to open from one that has closed', async () => {
    const states = async () =>
      (
        (await t.app.inject({ method: 'GET', url: '/api/movement/campaigns' })).json().campaigns[0].calls as Array<{
          state: string;
          isOpen: boolean;
        }>
      ).map((c) => [c.state, c.isOpen]);
    // The demo's calls: 2026-01-15..2026-12-31, 2027-01-15..2027-12-31, 2028-07-01..2030-06-30; the clock is at 2026-03-02.
    expect(await states()).toEqual([
      ['open', true],
      ['upcoming', false],
      ['upcoming', false],
    ]);
    const before = t.clock.now();
    t.clock.set(new Date('2028-01-10T03:00:00Z'));
    try {
      expect(await states()).toEqual([
        ['closed', false],
        ['closed', false],
        ['upcoming', false],
      ]);
    } finally {
      t.clock.set(before);
    }
  });

  it('names units and award types in both languages in the phase report, for the English page', async () => {
    const phaseId = (await t.app.inject({ method: 'GET', url: '/api/movement/campaigns' })).json().campaigns[0].phases[0].id;
    const report = (await as(t.app, people.pm.browser)({ method: 'GET', url: `/api/movement/phases/${phaseId}/report` })).json();
    const ward = report.byUnit.find((r: { key: string }) => r.key === 'Phường Thủ Dầu Một');
    expect(ward.name).toEqual({ vi: 'Phường Thủ Dầu Một', en: 'Thu Dau Mot Ward' });
    expect(report.awards.length).toBeGreaterThan(0);
    for (const award of report.awards) expect(award.name.vi).toBe(award.type);
    expect(report.awards.map((a: { name: { en: string } }) => a.name.en)).toContain('Certificate of merit of a unit head');
  });

  it('tells the moderator why each comment waits: the filter’s reason or the readers’ reports', async () => {
    const held = await as(
      t.app,
      people.citizen.browser,
    )({
      method: 'POST',
      url: `/api/movement/gallery/${publicId}/comments`,
      payload: { body: 'Kiếm tiền online tại nhà, liên hệ Zalo 0909' },
    });
    expect(held.json().status).toBe('held');
    const fine = await as(
      t.app,
      people.author.browser,
    )({ method: 'POST', url: `/api/movement/gallery/${publicId}/comments`, payload: { body: 'Phường mình nên áp dụng cách này' } });
    await as(
      t.app,
      people.citizen.browser,
    )({ method: 'POST', url: `/api/movement/comments/${fine.json().id}/reports`, payload: { reason: 'Quảng cáo trá hình' } });

    const queue = await as(t.app, people.pm.browser)({ method: 'GET', url: '/api/movement/moderation/comments' });
    expect(queue.statusCode).toBe(200);
    const byId = new Map((queue.json().comments as Array<{ id: string; initiativeTitle: string }>).map((c) => [c.id, c]));
    expect(byId.get(held.json().id)).toMatchObject({
      heldBy: 'filter',
      heldReason: 'spam_phrase',
      initiativeId: publicId,
      reportReasons: [],
    });
    expect(byId.get(fine.json().id)).toMatchObject({
      heldBy: 'reports',
      status: 'visible',
      reportReasons: ['Quảng cáo trá hình'],
      reportCount: 1,
    });
    expect(byId.get(held.json().id)?.initiativeTitle.length).toBeGreaterThan(0);

    // Either decision takes the comment out of the queue; a shown one is public again.
    const pm = as(t.app, people.pm.browser);
    expect(
      (
        await pm({
          method: 'POST',
          url: `/api/movement/comments/${fine.json().id}/moderation`,
          payload: { action: 'show', note: 'Không vi phạm' },
        })
      ).json(),
    ).toMatchObject({ status: 'visible', reportCount: 0 });
    expect(
      (
        await pm({
          method: 'POST',
          url: `/api/movement/comments/${held.json().id}/moderation`,
          payload: { action: 'hide', note: 'Quảng cáo' },
        })
      ).json().status,
    ).toBe('hidden');
    const after = (await pm({ method: 'GET', url: '/api/movement/moderation/comments' })).json().comments.map((c: { id: string }) => c.id);
    expect(after).not.toContain(fine.json().id);
    expect(after).not.toContain(held.json().id);
    const visible = (await t.app.inject({ method: 'GET', url: `/api/movement/gallery/${publicId}/comments` }))
      .json()
      .comments.map((c: { id: string }) => c.id);
    expect(visible).toContain(fine.json().id);
    expect(visible).not.toContain(held.json().id);
  });
});
