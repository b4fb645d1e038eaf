import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../tests/support/app.js';
import { demoCampaign, movementPeople, unitId } from '../../../../tests/support/movement.js';
import { as, type Browser } from '../../../../tests/support/sessions.js';
import { editLoaded } from '../../../../tests/support/versions.js';
import { auditEvents } from '../../db/platform-schema.js';
import { councilMembers, reviewCouncils } from './schema.js';

/** Programme managers edit a launched campaign and a council; the rules that read other rows hold. */
let t: TestApp;
let people: Awaited<ReturnType<typeof movementPeople>>;
let campaign: Awaited<ReturnType<typeof demoCampaign>>;
beforeAll(async () => {
  t = await buildTestApp();
  people = await movementPeople(t, 'ed');
  campaign = await demoCampaign(t);
});
afterAll(() => t.close());

const request = (who: Browser | null) => as(t.app, who);
const errorOf = (res: { json(): unknown }) =>
  (res.json() as { error: { code: string; message: { vi: string; en: string }; details?: Record<string, unknown> } }).error;

async function lastAudit(action: string, entityId: string) {
  const [row] = await t.testDb.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)))
    .orderBy(desc(auditEvents.occurredAt))
    .limit(1);
  return row;
}

async function newCampaign(code: string) {
  const res = await request(people.pm.browser)({
    method: 'POST',
    url: '/api/movement/campaigns',
    payload: {
      code,
      titleVi: 'Phong trào thử sửa',
      titleEn: 'Campaign to edit',
      kind: 'thematic',
      launchingBodyVi: 'Ủy ban nhân dân Thành phố',
      launchingBodyEn: 'City People’s Committee',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      fields: [{ code: 'cds', nameVi: 'Chuyển đổi số', nameEn: 'Digital transformation' }],
      phases: [{ nameVi: 'Giai đoạn 1', nameEn: 'Phase 1', startsOn: '2026-01-01', endsOn: '2026-12-31', review: null, reviewOn: null }],
      criteria: [{ code: 'moi', nameVi: 'Tính mới', nameEn: 'Novelty', weight: 100, scaleMin: 0, scaleMax: 10 }],
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; code: string };
}

describe('PATCH /api/movement/campaigns/:id', () => {
  const url = (id: string) => `/api/movement/campaigns/${id}`;

  it('refuses the signed-out (401), a bad body (400), a unit officer (403) and an unknown campaign (404)', async () => {
    const created = await newCampaign('PT-SUA-1');
    expect((await editLoaded(request(null), url(created.id), { titleVi: 'X' })).statusCode).toBe(401);
    const bad = await editLoaded(request(people.pm.browser), url(created.id), { titleVi: '' });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).code).toBe('VALIDATION');
    expect((await editLoaded(request(people.officer.browser), url(created.id), { titleVi: 'Tên mới' })).statusCode).toBe(403);
    const missing = await request(people.pm.browser)({
      method: 'PATCH',
      url: url('00000000-0000-4000-8000-000000000000'),
      payload: { titleVi: 'Tên mới' },
      headers: { 'if-match': '"1"' },
    });
    expect(missing.statusCode).toBe(404);
  });

  it('checks dates and criteria on the campaign as it will be', async () => {
    const created = await newCampaign('PT-SUA-2');
    const early = await editLoaded(request(people.pm.browser), url(created.id), { periodEnd: '2025-12-31' });
    expect(early.statusCode).toBe(400);
    expect(errorOf(early).message).toEqual({ vi: 'Ngày kết thúc phải sau ngày bắt đầu', en: 'The end date must follow the start date' });
    const weights = await editLoaded(request(people.pm.browser), url(created.id), {
      criteria: [{ code: 'moi', nameVi: 'Tính mới', nameEn: 'Novelty', weight: 60, scaleMin: 0, scaleMax: 10 }],
    });
    expect(weights.statusCode).toBe(400);
    expect(errorOf(weights).message).toEqual({
      vi: 'Tổng trọng số tiêu chí phải bằng 100 (hiện 60)',
      en: 'Criteria weights must add up to 100 (now 60)',
    });
  });

  it('keeps the criteria once score sheets are sent and the fields initiatives are filed under (409)', async () => {
    // The demo council has sent sheets on the demo campaign's criteria.
    const scored = await editLoaded(request(people.pm.browser), url(campaign.id), {
      criteria: [{ code: 'moi', nameVi: 'Tính mới', nameEn: 'Novelty', weight: 100, scaleMin: 0, scaleMax: 10 }],
    });
    expect(scored.statusCode).toBe(409);
    expect(errorOf(scored).details).toMatchObject({ reason: 'CRITERIA_SCORED' });
    const fields = await editLoaded(request(people.pm.browser), url(campaign.id), {
      fields: [{ code: 'khac', nameVi: 'Lĩnh vực khác', nameEn: 'Other' }],
    });
    expect(fields.statusCode).toBe(409);
    expect(errorOf(fields).message.en).toMatch(/^A field that initiatives are filed under cannot be removed: /);
    // The criteria sent back as loaded (as the edit form does) are no change.
    type Criterion = { code: string; name: { vi: string; en: string }; weight: number; scaleMin: number; scaleMax: number };
    const loaded = (await request(null)({ method: 'GET', url: url(campaign.id) })).json() as { criteria: Criterion[] };
    const unchanged = await editLoaded(request(people.pm.browser), url(campaign.id), {
      titleEn: 'Innovation emulation movement 2026–2030',
      criteria: loaded.criteria.map((c) => ({
        code: c.code,
        nameVi: c.name.vi,
        nameEn: c.name.en,
        weight: c.weight,
        scaleMin: c.scaleMin,
        scaleMax: c.scaleMax,
      })),
    });
    expect(unchanged.statusCode, unchanged.body).toBe(200);
    expect(unchanged.json().criteria.map((c: { id: string }) => c.id)).toEqual(
      loaded.criteria.map((c) => (c as unknown as { id: string }).id),
    );
  });

  it('changes what it is sent, keeps the code and phases, and writes the audit row', async () => {
    const created = await newCampaign('PT-SUA-3');
    const res = await editLoaded(request(people.pm.browser), url(created.id), {
      titleVi: 'Phong trào đã sửa',
      periodEnd: '2027-06-30',
      criteria: [
        { code: 'moi', nameVi: 'Tính mới', nameEn: 'Novelty', weight: 50, scaleMin: 0, scaleMax: 10 },
        { code: 'hieu-qua', nameVi: 'Hiệu quả', nameEn: 'Effect', weight: 50, scaleMin: 0, scaleMax: 10 },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      code: 'PT-SUA-3',
      title: { vi: 'Phong trào đã sửa', en: 'Campaign to edit' },
      periodEnd: '2027-06-30',
    });
    expect(res.json().criteria.map((c: { code: string }) => c.code)).toEqual(['moi', 'hieu-qua']);
    expect(res.json().phases).toHaveLength(1);
    // Read by its code as the public pages do, naming the address it is edited at and its version.
    const byCode = await request(null)({ method: 'GET', url: '/api/movement/campaigns/PT-SUA-3' });
    expect(byCode.json().title.vi).toBe('Phong trào đã sửa');
    expect(byCode.headers['content-location']).toBe(url(created.id));
    expect(byCode.headers.etag).toBe('"2"');
    const audit = await lastAudit('campaigns.update', created.id);
    expect(audit?.actorId).toBe(people.pm.user.id);
    expect(audit?.after).toMatchObject({ titleVi: 'Phong trào đã sửa', periodEnd: '2027-06-30' });
    expect(audit?.before).toMatchObject({ titleVi: 'Phong trào thử sửa', periodEnd: '2026-12-31' });
  });
});

describe('PATCH /api/movement/councils/:id', () => {
  const url = (id: string) => `/api/movement/councils/${id}`;
  const demoCouncilId = async () => (await t.testDb.database.db.select({ id: reviewCouncils.id }).from(reviewCouncils).limit(1))[0]!.id;
  async function newCouncil() {
    const members = [
      { userId: people.chair.user.id, unitId: await unitId(t, 'SKHCN'), role: 'chair' },
      { userId: people.reviewers[0]!.user.id, unitId: await unitId(t, 'SYT'), role: 'member' },
    ];
    const res = await request(people.pm.browser)({
      method: 'POST',
      url: '/api/movement/councils',
      payload: { campaignId: campaign.id, nameVi: 'Hội đồng thử sửa', nameEn: 'Council to edit', members },
    });
    expect(res.statusCode, res.body).toBe(201);
    return { id: (res.json() as { id: string }).id, members };
  }

  it('refuses the signed-out (401), a council without one chair (400), a unit officer (403) and an unknown council (404)', async () => {
    const council = await newCouncil();
    expect(
      (await request(null)({ method: 'PATCH', url: url(council.id), payload: { nameVi: 'X' }, headers: { 'if-match': '"1"' } })).statusCode,
    ).toBe(401);
    const noChair = await editLoaded(request(people.pm.browser), url(council.id), {
      members: council.members.map((m) => ({ ...m, role: 'member' })),
    });
    expect(noChair.statusCode).toBe(400);
    expect(errorOf(noChair).message).toEqual({ vi: 'Hội đồng cần đúng một chủ tịch', en: 'A council needs exactly one chair' });
    const officer = await request(people.officer.browser)({
      method: 'PATCH',
      url: url(council.id),
      payload: { nameVi: 'Tên mới' },
      headers: { 'if-match': '"1"' },
    });
    expect(officer.statusCode).toBe(403);
    const missing = await request(people.pm.browser)({
      method: 'PATCH',
      url: url('00000000-0000-4000-8000-000000000000'),
      payload: { nameVi: 'Tên mới' },
      headers: { 'if-match': '"1"' },
    });
    expect(missing.statusCode).toBe(404);
  });

  it('keeps a member who has reviews to do as a reviewing member, and the council in its campaign’s phases (409, 400)', async () => {
    const id = await demoCouncilId();
    const rows = await t.testDb.database.db.select().from(councilMembers).where(eq(councilMembers.councilId, id));
    const chair = rows.find((m) => m.role === 'chair')!;
    const secretary = rows.find((m) => m.role === 'secretary')!;
    // Only the chair and the secretary left: the three reviewers have sheets in the demo.
    const res = await editLoaded(request(people.pm.browser), url(id), {
      members: [chair, secretary].map((m) => ({ userId: m.userId, unitId: m.unitId, role: m.role })),
    });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).details).toMatchObject({ reason: 'MEMBER_HAS_REVIEWS' });
    expect((errorOf(res).details?.userIds as string[]).length).toBe(3);

    const other = await newCampaign('PT-SUA-HD');
    const [phase] = (await request(null)({ method: 'GET', url: `/api/movement/campaigns/${other.id}` })).json().phases;
    const wrongPhase = await editLoaded(request(people.pm.browser), url(id), { phaseId: phase.id });
    expect(wrongPhase.statusCode).toBe(400);
    expect(errorOf(wrongPhase).message).toEqual({
      vi: 'Giai đoạn không thuộc phong trào của hội đồng',
      en: "The phase is not one of the council's campaign",
    });

    // Creating a council checks it the same way, and writes nothing.
    const before = (await t.testDb.database.db.select().from(reviewCouncils)).length;
    const created = await request(people.pm.browser)({
      method: 'POST',
      url: '/api/movement/councils',
      payload: {
        campaignId: campaign.id,
        phaseId: phase.id,
        nameVi: 'Hội đồng giai đoạn khác',
        nameEn: 'Council of another phase',
        members: [{ userId: chair.userId, unitId: chair.unitId, role: 'chair' }],
      },
    });
    expect(created.statusCode).toBe(400);
    expect(errorOf(created).message.en).toBe("The phase is not one of the council's campaign");
    expect((await t.testDb.database.db.select().from(reviewCouncils)).length).toBe(before);
  });

  it('replaces the members and writes the audit row with the members before and after', async () => {
    const council = await newCouncil();
    const members = [...council.members, { userId: people.reviewers[1]!.user.id, unitId: await unitId(t, 'SGDDT'), role: 'expert' }];
    const res = await editLoaded(request(people.pm.browser), url(council.id), {
      nameEn: 'Renamed council',
      approvalThresholdPercent: 75,
      members,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: { vi: 'Hội đồng thử sửa', en: 'Renamed council' }, approvalThresholdPercent: 75 });
    expect(
      res
        .json()
        .members.map((m: { userId: string }) => m.userId)
        .sort(),
    ).toEqual(members.map((m) => m.userId).sort());
    const audit = await lastAudit('councils.update', council.id);
    expect(audit?.actorId).toBe(people.pm.user.id);
    expect((audit?.before as { members: unknown[] }).members).toHaveLength(2);
    expect((audit?.after as { members: unknown[] }).members).toHaveLength(3);
  });
});

describe('the managers’ queue for a council', () => {
  it('offers only the campaign’s initiatives that no council has yet', async () => {
    const list = async (query: string) =>
      (await request(people.pm.browser)({ method: 'GET', url: `/api/movement/manage/initiatives?${query}` })).json() as {
        items: Array<{ id: string }>;
      };
    const all = await list(`state=under_review&campaignId=${campaign.id}`);
    const free = await list(`state=under_review&campaignId=${campaign.id}&assignment=none`);
    // The demo council reviews the demo's three initiatives under review.
    expect(all.items.length).toBeGreaterThanOrEqual(3);
    expect(free.items.length).toBe(all.items.length - 3);
    const other = await newCampaign('PT-SUA-DS');
    expect((await list(`state=under_review&campaignId=${other.id}`)).items).toEqual([]);
  });
});
