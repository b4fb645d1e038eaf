import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../tests/support/app.js';
import { completeDraft, demoCampaign, movementPeople, unitId } from '../../../../tests/support/movement.js';
import { as, userWithRoles, type Browser } from '../../../../tests/support/sessions.js';
import { scoreSight } from './reviews.js';
import { initiatives } from './schema.js';

const pngBytes = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const confidentialText = 'Sơ đồ mạng nội bộ: chỉ hội đồng được xem';
const author = {
  fullName: 'Nguyễn Văn An',
  email: 'cs-author@example.vn',
  birthDate: '1980-05-17',
  workplace: 'Trạm y tế phường Bến Thành',
  contributionPercent: 100,
};

function multipartFile(fileName: string, bytes: Buffer) {
  const boundary = `----doimoi${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe('who decides and who reads', () => {
  it('shows the scores only to the initiative’s own council, and a reviewer the others’ only after their own', () => {
    const member = { isManager: false, councilRole: 'member' as const, isAuthor: false, myAssignment: undefined };
    expect(scoreSight(member)).toBe('all');
    expect(scoreSight({ ...member, myAssignment: { submittedAt: null } })).toBe('own');
    expect(scoreSight({ ...member, myAssignment: { submittedAt: '2026-03-01T00:00:00Z' } })).toBe('all');
    expect(scoreSight({ ...member, councilRole: 'chair' })).toBe('all');
    expect(scoreSight({ ...member, councilRole: null })).toBe('none');
    // An author who sits on the council never sees how their own initiative was scored.
    expect(scoreSight({ ...member, isAuthor: true })).toBe('none');
    expect(scoreSight({ ...member, councilRole: null, isManager: true })).toBe('all');
  });
});

describe('council scope through the API', () => {
  let t: TestApp;
  let people: Awaited<ReturnType<typeof movementPeople>>;
  let otherChair: { browser: Browser; user: { id: string } };
  let secretary: { browser: Browser; user: { id: string } };
  let stray: { browser: Browser; user: { id: string } };
  let councilA: string;
  let councilB: string;
  let assigned: { id: string; code: string };
  let unassigned: { id: string; code: string };
  let fileId: string;
  let reviewerIds: string[];

  const request = (who: Browser | null) => as(t.app, who);
  const decide = (who: Browser, councilId: string, initiativeId: string) =>
    request(who)({
      method: 'POST',
      url: `/api/movement/councils/${councilId}/decisions`,
      payload: { initiativeId, outcome: 'recognised', scope: 'city', votesFor: 4, votesAgainst: 0, votesAbstain: 0 },
    });
  const sendBack = (who: Browser, initiativeId: string) =>
    request(who)({
      method: 'POST',
      url: `/api/movement/initiatives/${initiativeId}/transitions`,
      payload: { action: 'return', reason: 'Bổ sung số liệu đo hiệu quả' },
    });
  const sheet = (campaign: Awaited<ReturnType<typeof demoCampaign>>, value: number) => ({
    scores: campaign.criteria.map((c) => ({ criterionId: c.id, score: value, comment: 'Nhận xét' })),
  });
  const stateOf = async (id: string) =>
    (await t.testDb.database.db.select({ state: initiatives.state }).from(initiatives).where(eq(initiatives.id, id)))[0]!.state;
  const reviewerBrowser = (i: number) => people.reviewers.find((r) => r.user.id === reviewerIds[i])!.browser;
  let campaign: Awaited<ReturnType<typeof demoCampaign>>;

  beforeAll(async () => {
    t = await buildTestApp({ env: { LOG_LEVEL: 'error' } });
    people = await movementPeople(t, 'cs');
    campaign = await demoCampaign(t);
    otherChair = await userWithRoles(t, 'cs-other-chair@example.vn', [{ role: 'reviewer', unitCode: 'STC' }]);
    secretary = await userWithRoles(t, 'cs-secretary@skhcn.gov.vn', [{ role: 'reviewer', unitCode: 'SKHCN' }]);
    stray = await userWithRoles(t, 'cs-stray@example.vn', [{ role: 'reviewer', unitCode: 'SYT' }]);
    const pm = request(people.pm.browser);
    const council = async (nameVi: string, members: Array<{ userId: string; unitCode: string; role: string }>) => {
      const payload = {
        campaignId: campaign.id,
        nameVi,
        nameEn: nameVi,
        members: await Promise.all(members.map(async (m) => ({ userId: m.userId, unitId: await unitId(t, m.unitCode), role: m.role }))),
      };
      const res = await pm({ method: 'POST', url: '/api/movement/councils', payload });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    // The secretary comes from the initiative's own unit, so assignment passes them over: a member of its council who does not score it.
    councilA = await council('Hội đồng A', [
      { userId: people.chair.user.id, unitCode: 'VPUBND', role: 'chair' },
      { userId: secretary.user.id, unitCode: 'SKHCN', role: 'secretary' },
      ...people.reviewers.slice(0, 2).map((r) => ({ userId: r.user.id, unitCode: r.unitCode, role: 'member' })),
    ]);
    councilB = await council('Hội đồng B', [
      { userId: otherChair.user.id, unitCode: 'STC', role: 'chair' },
      ...people.reviewers.slice(2, 4).map((r) => ({ userId: r.user.id, unitCode: r.unitCode, role: 'member' })),
    ]);
    const underReview = async (title: string, withFile: boolean) => {
      const created = await request(people.author.browser)({
        method: 'POST',
        url: '/api/movement/initiatives',
        payload: completeDraft(campaign.id, {
          title,
          unitId: await unitId(t, 'SKHCN'),
          confidentialInfo: confidentialText,
          authors: [author],
        }),
      });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json().id as string;
      if (withFile) {
        const file = await request(people.author.browser)({
          method: 'POST',
          url: `/api/movement/initiatives/${id}/attachments?confidential=true`,
          ...multipartFile('so-do-mang.png', pngBytes),
        });
        expect(file.statusCode, file.body).toBe(201);
        fileId = file.json().id;
      }
      for (const [who, action] of [
        [people.author.browser, 'submit'],
        [people.pm.browser, 'start_screening'],
        [people.pm.browser, 'accept_for_review'],
      ] as const) {
        const res = await request(who)({ method: 'POST', url: `/api/movement/initiatives/${id}/transitions`, payload: { action } });
        expect(res.statusCode, res.body).toBe(200);
      }
      return { id, code: created.json().code as string };
    };
    assigned = await underReview('Sổ tay điện tử cho trạm y tế phường', true);
    unassigned = await underReview('Phiếu khảo sát điện tử tại bộ phận một cửa', false);
    const res = await pm({
      method: 'POST',
      url: `/api/movement/councils/${councilA}/assignments`,
      payload: { initiativeIds: [assigned.id], reviewersPerInitiative: 2 },
    });
    expect(res.statusCode, res.body).toBe(200);
    reviewerIds = res.json().assignments[0].reviewerIds;
    expect([...reviewerIds].sort()).toEqual(
      people.reviewers
        .slice(0, 2)
        .map((r) => r.user.id)
        .sort(),
    );
  }, 180_000);
  afterAll(() => t?.close());

  it('gives an initiative to one council only: assigning it to a second is refused', async () => {
    const res = await request(people.pm.browser)({
      method: 'POST',
      url: `/api/movement/councils/${councilB}/assignments`,
      payload: { initiativeIds: [assigned.id], reviewersPerInitiative: 1 },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'ASSIGNED_TO_ANOTHER_COUNCIL' },
      message: { en: `Initiative ${assigned.code} is already assigned to another council; each initiative is reviewed by one council` },
    });
  });

  it('refuses the chair of another council in the same campaign: 403 to decide it, 404 to send it back', async () => {
    const viaOwnCouncil = await decide(otherChair.browser, councilB, assigned.id);
    expect(viaOwnCouncil.statusCode).toBe(403);
    expect(viaOwnCouncil.json().error).toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: 'NOT_THIS_COUNCIL' },
      message: {
        vi: `Sáng kiến ${assigned.code} không được giao cho hội đồng của bạn; chỉ chủ tịch hội đồng được giao mới được công nhận sáng kiến này`,
        en: `Initiative ${assigned.code} is not assigned to your council; it can be recognised only by the chair of the council it is assigned to`,
      },
    });
    const viaTheirCouncil = await decide(otherChair.browser, councilA, assigned.id);
    expect(viaTheirCouncil.statusCode).toBe(403);
    expect(viaTheirCouncil.json().error.message.en).toBe('Only the council chair records the council’s decision');
    expect((await sendBack(otherChair.browser, assigned.id)).statusCode).toBe(404);
    expect(await stateOf(assigned.id)).toBe('under_review');
  });

  it('refuses the right chair until every assigned review is in, saying how many are missing', async () => {
    const none = await decide(people.chair.browser, councilA, assigned.id);
    expect(none.statusCode).toBe(409);
    expect(none.json().error).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'REVIEWS_PENDING', missing: 2, assigned: 2 },
      message: {
        vi: `Còn 2/2 phiếu chấm được phân công chưa nộp; hội đồng chỉ công nhận sáng kiến ${assigned.code} khi mọi phiếu chấm đã nộp`,
        en: `2 of 2 assigned score sheets are not yet submitted; initiative ${assigned.code} can be recognised only once every one is in`,
      },
    });
    expect(
      (
        await request(reviewerBrowser(0))({
          method: 'PUT',
          url: `/api/movement/initiatives/${assigned.id}/scores`,
          payload: sheet(campaign, 8),
        })
      ).statusCode,
    ).toBe(200);
    const returned = await sendBack(people.chair.browser, assigned.id);
    expect(returned.statusCode).toBe(409);
    expect(returned.json().error.message.en).toBe(
      `1 of 2 assigned score sheets are not yet submitted; initiative ${assigned.code} can be returned for changes only once every one is in`,
    );
    expect(await stateOf(assigned.id)).toBe('under_review');
  });

  it('cannot decide an initiative that is not assigned to a council', async () => {
    for (const [chair, councilId] of [
      [people.chair.browser, councilA],
      [otherChair.browser, councilB],
    ] as const) {
      const res = await decide(chair, councilId, unassigned.id);
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({
        details: { reason: 'NOT_ASSIGNED' },
        message: {
          vi: `Sáng kiến ${unassigned.code} chưa được giao cho hội đồng nào nên chưa thể công nhận; quản lý chương trình cần phân công chấm trước`,
          en: `Initiative ${unassigned.code} is not assigned to a council, so it cannot be recognised yet; a programme manager must assign its reviewers first`,
        },
      });
      // No council reads it yet either.
      expect((await request(chair)({ method: 'GET', url: `/api/movement/initiatives/${unassigned.id}` })).statusCode).toBe(404);
    }
    expect(await stateOf(unassigned.id)).toBe('under_review');
  });

  it('keeps the dossier (confidential text and files, authors’ details) and the scores from other councils and unassigned reviewers', async () => {
    const outsiders = [otherChair, stray, { browser: people.reviewers[2]!.browser }];
    for (const { browser } of outsiders) {
      const who = request(browser);
      for (const url of [
        `/api/movement/initiatives/${assigned.id}`,
        `/api/movement/initiatives/${assigned.id}/attachments`,
        `/api/movement/initiatives/${assigned.id}/attachments/${fileId}`,
        `/api/movement/initiatives/${assigned.id}/scores`,
        `/api/movement/councils/${councilA}/ranking`,
        `/api/movement/councils/${councilA}/minutes.docx`,
      ]) {
        const res = await who({ method: 'GET', url });
        expect(res.statusCode, url).toBe(404);
        expect(res.body).not.toContain(confidentialText);
        expect(res.body).not.toContain(author.birthDate);
      }
    }
  });

  it('lists an application under review among similar ones only to managers and the council it is assigned to', async () => {
    const similar = async (who: Browser) => {
      const res = await request(who)({
        method: 'GET',
        url: `/api/movement/similar?text=${encodeURIComponent('Sổ tay điện tử cho trạm y tế phường')}`,
      });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as Array<{ id: string }>).some((i) => i.id === assigned.id);
    };
    for (const who of [otherChair.browser, stray.browser, people.reviewers[2]!.browser]) expect(await similar(who)).toBe(false);
    for (const who of [people.pm.browser, people.chair.browser, secretary.browser, reviewerBrowser(0)])
      expect(await similar(who)).toBe(true);
  });

  it('lets its own council read the whole dossier: confidential text and files and the authors’ details', async () => {
    for (const browser of [people.chair.browser, secretary.browser, reviewerBrowser(0), reviewerBrowser(1)]) {
      const dossier = await request(browser)({ method: 'GET', url: `/api/movement/initiatives/${assigned.id}` });
      expect(dossier.statusCode, dossier.body).toBe(200);
      expect(dossier.json().confidentialInfo).toBe(confidentialText);
      expect(dossier.json().authors[0]).toMatchObject({ email: author.email, birthDate: author.birthDate, workplace: author.workplace });
      expect(dossier.json().attachments).toEqual([expect.objectContaining({ id: fileId, isConfidential: true })]);
      const file = await request(browser)({ method: 'GET', url: `/api/movement/initiatives/${assigned.id}/attachments/${fileId}` });
      expect(file.statusCode).toBe(200);
      expect(file.rawPayload.equals(pngBytes)).toBe(true);
    }
    // Only its chair is offered the council's steps on the dossier page.
    expect(
      (await request(people.chair.browser)({ method: 'GET', url: `/api/movement/initiatives/${assigned.id}` }))
        .json()
        .allowedActions.sort(),
    ).toEqual(['recognise', 'refuse', 'return']);
    expect(
      (await request(secretary.browser)({ method: 'GET', url: `/api/movement/initiatives/${assigned.id}` })).json().allowedActions,
    ).toEqual([]);
  });

  it('shows the scores to its own council: all to the chair and a member not scoring it, a reviewer the others’ only after their own, none to the author', async () => {
    const scores = async (browser: Browser) => request(browser)({ method: 'GET', url: `/api/movement/initiatives/${assigned.id}/scores` });
    const pending = await scores(reviewerBrowser(1));
    expect(pending.json()).toEqual({ mine: [], mySubmittedAt: null, others: [], aggregate: null });
    for (const browser of [people.chair.browser, secretary.browser, people.pm.browser]) {
      const res = await scores(browser);
      expect(res.json().others).toHaveLength(1);
      expect(res.json().aggregate).toMatchObject({ mean: 80, reviewers: 1 });
    }
    expect((await scores(people.author.browser)).statusCode).toBe(404);
    // The ranking hides the mean from a reviewer who has yet to score it, and shows it to the chair.
    const rankingOf = async (browser: Browser) =>
      (await request(browser)({ method: 'GET', url: `/api/movement/councils/${councilA}/ranking` })).json().rows[0];
    expect(await rankingOf(reviewerBrowser(1))).toMatchObject({ initiativeId: assigned.id, mean: null, spread: null, pendingReviews: 1 });
    expect(await rankingOf(people.chair.browser)).toMatchObject({ initiativeId: assigned.id, mean: 80, pendingReviews: 1 });

    const submitted = await request(reviewerBrowser(1))({
      method: 'PUT',
      url: `/api/movement/initiatives/${assigned.id}/scores`,
      payload: sheet(campaign, 6),
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().others).toHaveLength(1);
    expect(submitted.json().aggregate).toMatchObject({ mean: 70, reviewers: 2 });
  });

  it('lets the right chair decide once every review is in; the public view shows no confidential part, personal details or scores', async () => {
    const res = await decide(people.chair.browser, councilA, assigned.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'recognised', scope: 'city' });
    const page = await t.app.inject({ method: 'GET', url: `/api/movement/gallery/${assigned.id}` });
    expect(page.statusCode).toBe(200);
    expect(page.json().authors).toEqual([{ fullName: author.fullName, contributionPercent: 100 }]);
    expect(page.json().attachments).toEqual([]);
    for (const hidden of [confidentialText, author.email, author.birthDate, author.workplace, 'aggregate', 'scores'])
      expect(page.body).not.toContain(hidden);
  });
  it('opens a new round when the council sends an application back: the old sheets are taken back and the chair waits for the new ones', async () => {
    const assign = await request(people.pm.browser)({
      method: 'POST',
      url: `/api/movement/councils/${councilB}/assignments`,
      payload: { initiativeIds: [unassigned.id], reviewersPerInitiative: 2 },
    });
    expect(assign.statusCode, assign.body).toBe(200);
    const scorers = people.reviewers.slice(2, 4).map((r) => r.browser);
    const score = (who: Browser, value: number) =>
      request(who)({ method: 'PUT', url: `/api/movement/initiatives/${unassigned.id}/scores`, payload: sheet(campaign, value) });
    for (const who of scorers) expect((await score(who, 5)).statusCode).toBe(200);
    expect((await sendBack(otherChair.browser, unassigned.id)).statusCode).toBe(200);
    expect(await stateOf(unassigned.id)).toBe('returned');

    for (const [who, action] of [
      [people.author.browser, 'resubmit'],
      [people.pm.browser, 'start_screening'],
      [people.pm.browser, 'accept_for_review'],
    ] as const) {
      const res = await request(who)({
        method: 'POST',
        url: `/api/movement/initiatives/${unassigned.id}/transitions`,
        payload: { action },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const stale = await decide(otherChair.browser, councilB, unassigned.id);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details).toMatchObject({ reason: 'REVIEWS_PENDING', missing: 2, assigned: 2 });
    const rescored = await score(scorers[0]!, 9);
    expect(rescored.statusCode, rescored.body).toBe(200);
    expect(rescored.json().mine.map((s: { score: number }) => s.score)).toEqual(campaign.criteria.map(() => 9));
    expect((await score(scorers[1]!, 9)).statusCode).toBe(200);
    const decided = await request(otherChair.browser)({
      method: 'POST',
      url: `/api/movement/councils/${councilB}/decisions`,
      payload: { initiativeId: unassigned.id, outcome: 'recognised', scope: 'city', votesFor: 3, votesAgainst: 0, votesAbstain: 0 },
    });
    expect(decided.statusCode, decided.body).toBe(200);
  });
});
