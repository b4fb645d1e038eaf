import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../tests/support/app.js';
import { completeDraft, demoCampaign, movementPeople, unitId } from '../../../../tests/support/movement.js';
import { as, userWithRoles } from '../../../../tests/support/sessions.js';
import { conflictOf, planAssignments } from './assignment.js';
import { aggregate, reviewerTotal } from './scoring-method.js';

describe('assignment plan', () => {
  it('spreads work evenly and never picks a conflicted member', () => {
    const candidates = ['a', 'b', 'c', 'd', 'e'].map((userId, i) => ({ userId, unitId: `u${i}`, load: 0 }));
    const targets = Array.from({ length: 10 }, (_, i) => ({
      initiativeId: `i${i}`,
      unitId: i % 2 === 0 ? 'u0' : 'u9',
      authorUserIds: new Set(i === 3 ? ['b'] : []),
      declaredConflicts: new Set(i === 5 ? ['c'] : []),
      alreadyAssigned: new Set<string>(),
    }));
    const plan = planAssignments(candidates, targets, 3);
    for (const [i, p] of plan.entries()) {
      expect(p.reviewerIds).toHaveLength(3);
      for (const id of p.reviewerIds)
        expect(
          conflictOf(
            candidates.find((c) => c.userId === id)!,
            targets[i]!,
          ),
        ).toBeNull();
    }
    expect(plan.filter((_, i) => i % 2 === 0).every((p) => !p.reviewerIds.includes('a'))).toBe(true);
    const loads = candidates.map((c) => plan.filter((p) => p.reviewerIds.includes(c.userId)).length);
    // 30 reviews among 5 people, with "a" barred from half of them: nobody carries more than 2 above another.
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(2);
    expect(loads.reduce((x, y) => x + y, 0)).toBe(30);
  });

  it('reports the shortfall instead of assigning a conflicted member', () => {
    const plan = planAssignments(
      [{ userId: 'a', unitId: 'u1', load: 0 }],
      [{ initiativeId: 'i', unitId: 'u1', authorUserIds: new Set(), declaredConflicts: new Set(), alreadyAssigned: new Set() }],
      1,
    );
    expect(plan[0]).toEqual({ initiativeId: 'i', reviewerIds: [], shortBy: 1 });
  });
});

describe('scoring method', () => {
  const criteria = [
    { id: 'moi', weight: 30, scaleMin: 0, scaleMax: 10 },
    { id: 'hq', weight: 40, scaleMin: 0, scaleMax: 10 },
    { id: 'nr', weight: 30, scaleMin: 0, scaleMax: 10 },
  ];
  it('rescales each score to its scale and weights it, out of 100', () => {
    expect(
      reviewerTotal(criteria, [
        { criterionId: 'moi', score: 10 },
        { criterionId: 'hq', score: 5 },
        { criterionId: 'nr', score: 0 },
      ]),
    ).toBe(50);
    expect(
      reviewerTotal(criteria, [
        { criterionId: 'moi', score: 8 },
        { criterionId: 'hq', score: 9 },
        { criterionId: 'nr', score: 7 },
      ]),
    ).toBe(81);
  });
  it('averages reviewers and flags a spread above 20 points', () => {
    expect(aggregate([80, 70, 75])).toEqual({ mean: 75, spread: 10, reviewers: 3, isDisputed: false });
    expect(aggregate([90, 60, 75])).toEqual({ mean: 75, spread: 30, reviewers: 3, isDisputed: true });
    expect(aggregate([])).toBeNull();
  });
});

describe('review councils through the API', () => {
  let t: TestApp;
  let people: Awaited<ReturnType<typeof movementPeople>>;
  let campaign: Awaited<ReturnType<typeof demoCampaign>>;
  let initiativeId: string;
  let councilId: string;
  let sameUnitMember: Awaited<ReturnType<typeof userWithRoles>>;
  let declaringMember: Awaited<ReturnType<typeof userWithRoles>>;

  beforeAll(async () => {
    t = await buildTestApp();
    people = await movementPeople(t, 'rv');
    campaign = await demoCampaign(t);
    sameUnitMember = await userWithRoles(t, 'rv-same-unit@skhcn.gov.vn', [{ role: 'reviewer', unitCode: 'SKHCN' }]);
    declaringMember = await userWithRoles(t, 'rv-declares@example.vn', [{ role: 'reviewer', unitCode: 'STC' }]);
    const author = as(t.app, people.author.browser);
    const created = await author({
      method: 'POST',
      url: '/api/movement/initiatives',
      payload: completeDraft(campaign.id, { unitId: await unitId(t, 'SKHCN') }),
    });
    initiativeId = created.json().id;
    const pm = as(t.app, people.pm.browser);
    for (const [who, action] of [
      [author, 'submit'],
      [pm, 'start_screening'],
      [pm, 'accept_for_review'],
    ] as const) {
      const res = await who({ method: 'POST', url: `/api/movement/initiatives/${initiativeId}/transitions`, payload: { action } });
      expect(res.statusCode, res.body).toBe(200);
    }
    const members = [
      { userId: people.chair.user.id, unitId: await unitId(t, 'VPUBND'), role: 'chair' },
      { userId: sameUnitMember.user.id, unitId: await unitId(t, 'SKHCN'), role: 'member' },
      { userId: people.author.user.id, unitId: null, role: 'member' },
      { userId: declaringMember.user.id, unitId: await unitId(t, 'STC'), role: 'member' },
      ...(await Promise.all(
        people.reviewers.slice(0, 3).map(async (r) => ({ userId: r.user.id, unitId: await unitId(t, r.unitCode), role: 'member' })),
      )),
    ];
    const council = await pm({
      method: 'POST',
      url: '/api/movement/councils',
      payload: { campaignId: campaign.id, nameVi: 'Hội đồng thử', nameEn: 'Test council', members },
    });
    expect(council.statusCode, council.body).toBe(201);
    councilId = council.json().id;
  }, 120_000);
  afterAll(() => t?.close());

  const sheet = (values: number[]) => ({
    scores: campaign.criteria.map((c, i) => ({ criterionId: c.id, score: values[i]!, comment: `Nhận xét ${i + 1}` })),
  });

  it('never assigns a member of the same unit, an author or one who declared a conflict', async () => {
    const declared = await as(
      t.app,
      declaringMember.browser,
    )({
      method: 'POST',
      url: `/api/movement/initiatives/${initiativeId}/conflicts`,
      payload: { reason: 'Tôi từng tư vấn cho nhóm tác giả' },
    });
    expect(declared.statusCode, declared.body).toBe(204);
    const res = await as(
      t.app,
      people.pm.browser,
    )({
      method: 'POST',
      url: `/api/movement/councils/${councilId}/assignments`,
      payload: { initiativeIds: [initiativeId], reviewersPerInitiative: 3 },
    });
    expect(res.statusCode, res.body).toBe(200);
    const assigned = res.json().assignments[0].reviewerIds as string[];
    expect(assigned.sort()).toEqual(
      people.reviewers
        .slice(0, 3)
        .map((r) => r.user.id)
        .sort(),
    );
    for (const excluded of [sameUnitMember.user.id, people.author.user.id, declaringMember.user.id, people.chair.user.id])
      expect(assigned).not.toContain(excluded);

    const more = await as(
      t.app,
      people.pm.browser,
    )({
      method: 'POST',
      url: `/api/movement/councils/${councilId}/assignments`,
      payload: { initiativeIds: [initiativeId], reviewersPerInitiative: 4 },
    });
    expect(more.statusCode).toBe(409);
    expect(more.json().error.message.en).toMatch(/^Not enough members without a conflict of interest to assign: SK-/);
  });

  it('hides the other reviewers’ scores until a reviewer has submitted their own', async () => {
    const [first, second, third] = people.reviewers.map((r) => as(t.app, r.browser));
    const submitted = await first!({ method: 'PUT', url: `/api/movement/initiatives/${initiativeId}/scores`, payload: sheet([8, 9, 7]) });
    expect(submitted.statusCode, submitted.body).toBe(200);

    const before = await second!({ method: 'GET', url: `/api/movement/initiatives/${initiativeId}/scores` });
    expect(before.statusCode).toBe(200);
    expect(before.json()).toEqual({ mine: [], mySubmittedAt: null, others: [], aggregate: null });

    const outOfScale = await second!({
      method: 'PUT',
      url: `/api/movement/initiatives/${initiativeId}/scores`,
      payload: sheet([11, 9, 7]),
    });
    expect(outOfScale.statusCode).toBe(400);
    expect(outOfScale.json().error.message.en).toBe('The score for “Novelty” must be from 0 to 10');

    const after = await second!({ method: 'PUT', url: `/api/movement/initiatives/${initiativeId}/scores`, payload: sheet([7, 8, 8]) });
    expect(after.json().others).toHaveLength(1);
    expect(after.json().others[0].total).toBe(81);

    const again = await second!({ method: 'PUT', url: `/api/movement/initiatives/${initiativeId}/scores`, payload: sheet([1, 1, 1]) });
    expect(again.statusCode).toBe(409);

    const stranger = await as(t.app, people.citizen.browser)({ method: 'GET', url: `/api/movement/initiatives/${initiativeId}/scores` });
    expect(stranger.statusCode).toBe(404);

    await third!({ method: 'PUT', url: `/api/movement/initiatives/${initiativeId}/scores`, payload: sheet([2, 3, 2]) });
    const ranking = await as(t.app, people.chair.browser)({ method: 'GET', url: `/api/movement/councils/${councilId}/ranking` });
    expect(ranking.json().rows[0]).toMatchObject({ rank: 1, initiativeId, reviewers: 3, pendingReviews: 0, isDisputed: true });
  });

  it('records the chair’s decision with its tally, and refuses a recognition without the majority', async () => {
    const chair = as(t.app, people.chair.browser);
    const url = `/api/movement/councils/${councilId}/decisions`;
    const weak = await chair({
      method: 'POST',
      url,
      payload: { initiativeId, outcome: 'recognised', scope: 'city', votesFor: 4, votesAgainst: 3, votesAbstain: 0 },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.message.en).toBe('Recognition needs at least 67% of members in favour');
    const member = await as(
      t.app,
      people.reviewers[0]!.browser,
    )({ method: 'POST', url, payload: { initiativeId, outcome: 'recognised', scope: 'city', votesFor: 7, votesAgainst: 0 } });
    expect(member.statusCode).toBe(403);
    const ok = await chair({
      method: 'POST',
      url,
      payload: { initiativeId, outcome: 'recognised', scope: 'city', votesFor: 6, votesAgainst: 1, votesAbstain: 0 },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ state: 'recognised', scope: 'city' });
  });

  it('exports the minutes as a DOCX that a real reader opens', async () => {
    const res = await as(t.app, people.chair.browser)({ method: 'GET', url: `/api/movement/councils/${councilId}/minutes.docx` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const { value } = await mammoth.extractRawText({ buffer: res.rawPayload });
    expect(value).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(value).toContain('BIÊN BẢN');
    expect(value).toContain('Họp hội đồng xét công nhận sáng kiến');
    expect(value).toContain('TM. HỘI ĐỒNG');
    expect(value).toContain('Số hóa sổ theo dõi tiêm chủng');
    expect(value).toContain('Công nhận (cấp Thành phố)');
    expect(value).toMatch(/Chủ tịch/);
  });
});
