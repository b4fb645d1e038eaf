import { and, asc, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../tests/support/app.js';
import { unitId } from '../../../../tests/support/movement.js';
import { as, enrolTotp, userWithRoles, type Browser } from '../../../../tests/support/sessions.js';
import { multipartFile, pdfBytes } from '../../../../tests/support/uploads.js';
import { editLoaded } from '../../../../tests/support/versions.js';
import { auditEvents } from '../../db/platform-schema.js';
import { nominationVotes } from './schema.js';

let t: TestApp;
let officer: Browser; // Sở Khoa học và Công nghệ
let wardOfficer: Browser; // Phường Bến Thành
let healthOfficer: Browser; // Sở Y tế
let manager: Browser;
let admin: Browser;
const members: Array<{ browser: Browser; user: { id: string } }> = [];
let skhcn: string;
let ward: string;
let syt: string;
let city: string;
let skhcnCouncil: string;
let cityCouncil: string;

const request = (browser: Browser | null) => as(t.app, browser);
const db = () => t.testDb.database.db;
const auditOf = async (entityId: string) =>
  (
    await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'nomination'), eq(auditEvents.entityId, entityId)))
      .orderBy(asc(auditEvents.id))
  ).map((a) => a.action);

const report = 'Năm 2025 hoàn thành tốt nhiệm vụ tham mưu chuyển đổi số, hướng dẫn 12 đơn vị trực thuộc báo cáo trực tuyến đúng hạn.';
const nomination = (unit: string, over: Record<string, unknown> = {}) => ({
  unitId: unit,
  titleCode: 'LDTT',
  level: 'unit',
  year: 2025,
  subject: 'individual',
  nomineeName: 'Nguyễn Thị Hồng',
  nomineeJobTitle: 'Chuyên viên',
  nomineeUnitId: unit,
  achievementReport: report,
  ratings: [{ year: 2025, rating: 'good' }],
  ...over,
});

async function create(browser: Browser, body: object) {
  const res = await request(browser)({ method: 'POST', url: '/api/commendation/nominations', payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as {
    id: string;
    code: string;
    state: string;
    eligibility: { isEligible: boolean; checks: Array<{ code: string; status: string; evidence: Array<{ href: string | null }> }> };
  };
}
const step = (browser: Browser, id: string, payload: object) =>
  request(browser)({ method: 'POST', url: `/api/commendation/nominations/${id}/transitions`, payload });
const vote = (browser: Browser, id: string, choice: string) =>
  request(browser)({ method: 'POST', url: `/api/commendation/nominations/${id}/ballots`, payload: { choice } });

beforeAll(async () => {
  t = await buildTestApp();
  [skhcn, ward, syt, city] = (await Promise.all(['SKHCN', '26743', 'SYT', '79'].map((code) => unitId(t, code)))) as [
    string,
    string,
    string,
    string,
  ];
  officer = (await userWithRoles(t, 'thi-dua@skhcn.gov.vn', [{ role: 'unit_officer', unitCode: 'SKHCN' }])).browser;
  wardOfficer = (await userWithRoles(t, 'thi-dua@benthanh.gov.vn', [{ role: 'unit_officer', unitCode: '26743' }])).browser;
  healthOfficer = (await userWithRoles(t, 'thi-dua@syt.gov.vn', [{ role: 'unit_officer', unitCode: 'SYT' }])).browser;
  manager = (await userWithRoles(t, 'ban-tdkt@snv.gov.vn', [{ role: 'programme_manager', unitCode: 'SKHCN', includesSubtree: true }]))
    .browser;
  await enrolTotp(t, manager);
  admin = (await userWithRoles(t, 'quan-tri@hcm.gov.vn', [{ role: 'administrator', unitCode: '79', includesSubtree: true }])).browser;
  await enrolTotp(t, admin);
  for (const [i, code] of ['SKHCN', 'SYT', 'SXD'].entries())
    members.push(await userWithRoles(t, `uy-vien${i + 1}@hoidong.gov.vn`, [{ role: 'reviewer', unitCode: code }]));
  const council = (unit: string, name: string) => ({
    unitId: unit,
    nameVi: name,
    nameEn: name,
    members: members.map((m, i) => ({ userId: m.user.id, role: i === 0 ? 'chair' : 'member' })),
  });
  const made = await request(manager)({
    method: 'POST',
    url: '/api/commendation/councils',
    payload: council(skhcn, 'Hội đồng TĐKT Sở KH&CN'),
  });
  expect(made.statusCode, made.body).toBe(201);
  skhcnCouncil = made.json().id;
  cityCouncil = (
    await request(manager)({ method: 'POST', url: '/api/commendation/councils', payload: council(city, 'Hội đồng TĐKT Thành phố') })
  ).json().id;
});
afterAll(() => t.close());

describe('titles and their settings', () => {
  it('lists the titles publicly with who gives each, its legal basis and the vote it needs', async () => {
    const res = await request(null)({ method: 'GET', url: '/api/commendation/titles' });
    expect(res.statusCode).toBe(200);
    const titles = res.json().titles as Array<{
      code: string;
      issuers: string[];
      voteThresholdPercent: number;
      legalBasis: { vi: string };
    }>;
    expect(titles.map((x) => x.code)).toEqual(['LDTT', 'CSTD_CS', 'CSTD_TP', 'TTLDTT', 'TTLDXS', 'CO_TD_TP', 'GIAY_KHEN', 'BK_CT_TP']);
    expect(titles.find((x) => x.code === 'CSTD_TP')).toMatchObject({ issuers: ['city_chairman'], voteThresholdPercent: 90 });
    expect(titles.find((x) => x.code === 'GIAY_KHEN')!.issuers).toEqual(['department_head', 'ward_chairman']);
    expect(titles.find((x) => x.code === 'LDTT')!.legalBasis.vi).toContain('Điều 24');
  });

  it('lets an administrator change a threshold (If-Match), refuses an impossible quorum, and audits the change', async () => {
    const { titles } = (await request(null)({ method: 'GET', url: '/api/commendation/titles' })).json();
    const giayKhen = titles.find((x: { code: string }) => x.code === 'GIAY_KHEN');
    const url = `/api/commendation/titles/${giayKhen.id}`;
    expect((await request(manager)({ method: 'PATCH', url, payload: { voteThresholdPercent: 60 } })).statusCode).toBe(403);
    const bad = await editLoaded(request(admin), url, { quorumNumerator: 4, quorumDenominator: 3 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message.en).toContain('quorum cannot exceed');
    const onlyCstd = await editLoaded(request(admin), url, { requiresInitiative: true });
    expect(onlyCstd.json().error.details).toMatchObject({ field: 'requiresInitiative' });
    const saved = await editLoaded(request(admin), url, { voteThresholdPercent: 60, isThresholdStrict: false });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ voteThresholdPercent: 60, isThresholdStrict: false, quorumNumerator: 2 });
    const [audit] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'commendation_title'), eq(auditEvents.entityId, giayKhen.id)));
    expect(audit).toMatchObject({ action: 'commendation.titles.update', before: { voteThresholdPercent: 50, isThresholdStrict: true } });
  });
});

describe('councils', () => {
  it('refuses anonymous callers and officers, a council with two chairs, and lists a member only their own councils', async () => {
    const body = { unitId: skhcn, nameVi: 'X', nameEn: 'X', members: [{ userId: members[0]!.user.id, role: 'chair' }] };
    expect((await request(null)({ method: 'POST', url: '/api/commendation/councils', payload: body })).statusCode).toBe(401);
    expect((await request(officer)({ method: 'POST', url: '/api/commendation/councils', payload: body })).statusCode).toBe(403);
    const twoChairs = await request(manager)({
      method: 'POST',
      url: '/api/commendation/councils',
      payload: { ...body, members: [...body.members, { userId: members[1]!.user.id, role: 'chair' }] },
    });
    expect(twoChairs.json().error.message).toEqual({ vi: 'Hội đồng cần đúng một chủ tịch', en: 'A council needs exactly one chair' });
    const mine = (await request(members[1]!.browser)({ method: 'GET', url: '/api/commendation/councils' }))
      .json()
      .councils.map((c: { id: string }) => c.id);
    expect(mine.sort()).toEqual([skhcnCouncil, cityCouncil].sort());
    expect((await request(officer)({ method: 'GET', url: '/api/commendation/councils' })).json().councils).toEqual([]);
  });
});

describe('a unit officer drafts and edits their own unit’s nominations only', () => {
  it('401 anonymous, 400 a bad form, 403 for another unit, 201 for their own with the checks explained, audited', async () => {
    expect((await request(null)({ method: 'POST', url: '/api/commendation/nominations', payload: nomination(skhcn) })).statusCode).toBe(
      401,
    );
    const bad = await request(officer)({
      method: 'POST',
      url: '/api/commendation/nominations',
      payload: nomination(skhcn, { year: 1999 }),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('body.year');
    const future = await request(officer)({
      method: 'POST',
      url: '/api/commendation/nominations',
      payload: nomination(skhcn, { year: 2027 }),
    });
    expect(future.json().error.message.en).toBe('The year cannot be after 2026');
    const other = await request(officer)({ method: 'POST', url: '/api/commendation/nominations', payload: nomination(syt) });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.message.vi).toBe('Chỉ cán bộ của Sở Y tế mới đề nghị khen thưởng cho đơn vị này');
    expect((await request(manager)({ method: 'POST', url: '/api/commendation/nominations', payload: nomination(skhcn) })).statusCode).toBe(
      403,
    );
    const made = await create(officer, nomination(skhcn));
    expect(made.state).toBe('draft');
    expect(made.eligibility.isEligible).toBe(true);
    expect(made.eligibility.checks.map((c) => c.code)).toEqual([
      'subject',
      'issuer',
      'unit_scope',
      'not_under_review',
      'rating_good',
      'participation',
    ]);
    expect(await auditOf(made.id)).toEqual(['commendation.nominations.create']);
  });

  it('hides a unit’s nomination from another unit’s officer (404) and lists each officer only their units’', async () => {
    const made = await create(officer, nomination(skhcn, { nomineeName: 'Phan Văn Khải' }));
    expect((await request(healthOfficer)({ method: 'GET', url: `/api/commendation/nominations/${made.id}` })).statusCode).toBe(404);
    const patch = await request(healthOfficer)({
      method: 'PATCH',
      url: `/api/commendation/nominations/${made.id}`,
      payload: { nomineeJobTitle: 'x' },
      headers: { 'if-match': '"1"' },
    });
    expect(patch.statusCode).toBe(404);
    const listed = (await request(healthOfficer)({ method: 'GET', url: '/api/commendation/nominations' })).json().items;
    expect(listed.every((n: { unit: { code: string } }) => n.unit.code === 'SYT')).toBe(true);
    expect(listed.map((n: { id: string }) => n.id)).not.toContain(made.id);
    expect(
      (await request(officer)({ method: 'GET', url: '/api/commendation/nominations' })).json().items.map((n: { id: string }) => n.id),
    ).toContain(made.id);
  });

  it('edits only what is sent, with the loaded version, while a draft; the checks follow the change', async () => {
    const made = await create(officer, nomination(skhcn, { nomineeName: 'Đỗ Minh Tuấn' }));
    const url = `/api/commendation/nominations/${made.id}`;
    const saved = await editLoaded(request(officer), url, { ratings: [{ year: 2025, rating: 'completed' }] });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ nomineeName: 'Đỗ Minh Tuấn', achievementReport: report, eligibility: { isEligible: false } });
    const rating = saved.json().eligibility.checks.find((c: { code: string }) => c.code === 'rating_good');
    expect(rating.message.vi).toBe('Cần hoàn thành tốt nhiệm vụ trở lên trong năm 2025 (hiện: Hoàn thành nhiệm vụ)');
    const collectiveOnPerson = await editLoaded(request(officer), url, {
      collective: {
        members: 3,
        membersCompletingTasks: 3,
        membersLdtt: 1,
        membersCstdCs: 0,
        membersDisciplined: 0,
        leadsEmulationBloc: null,
      },
    });
    expect(collectiveOnPerson.json().error.details).toMatchObject({ field: 'collective' });
  });
});

describe('from submission to the decision', () => {
  let id: string;

  it('refuses to submit an incomplete or ineligible dossier, naming each problem', async () => {
    const made = await create(officer, nomination(skhcn, { nomineeName: 'Trương Thị Mai', achievementReport: 'Ngắn', ratings: [] }));
    const res = await step(officer, made.id, { action: 'submit' });
    expect(res.statusCode).toBe(400);
    const problems = res.json().error.details.problems.map((p: { field: string }) => p.field);
    expect(problems).toEqual(['achievementReport', 'eligibility.rating_good']);
    expect(res.json().error.message.vi).toContain('Báo cáo thành tích cần ít nhất 50 ký tự');
  });

  it('submits; the unit officer may not put it to a vote; the manager must pick the deciding unit’s council', async () => {
    id = (await create(officer, nomination(skhcn, { nomineeName: 'Lâm Gia Bảo' }))).id;
    const submitted = await step(officer, id, { action: 'submit' });
    expect(submitted.json().state).toBe('submitted');
    const twin = await create(officer, nomination(skhcn, { nomineeName: 'Lâm  gia BẢO' }));
    const duplicate = await step(officer, twin.id, { action: 'submit' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.details.reason).toBe('DUPLICATE');
    expect((await step(officer, id, { action: 'open_vote', councilId: skhcnCouncil })).statusCode).toBe(403);
    const wrong = await step(manager, id, { action: 'open_vote', councilId: cityCouncil });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().error.message.en).toContain('choose the nominating unit’s council');
    const opened = await step(manager, id, { action: 'open_vote', councilId: skhcnCouncil });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({
      state: 'voting',
      vote: { members: 3, ballotsCast: 0, result: null, threshold: { percent: 50, isStrict: true } },
    });
  });

  it('takes one secret ballot from each member, refuses outsiders and second ballots, and shows no one how anyone voted', async () => {
    expect((await vote(officer, id, 'for')).statusCode).toBe(403);
    expect((await vote(healthOfficer, id, 'for')).statusCode).toBe(404);
    const first = await vote(members[1]!.browser, id, 'for');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ ballotsCast: 1, myBallot: 'voted', result: null, roll: null });
    expect((await vote(members[1]!.browser, id, 'against')).json().error.details.reason).toBe('ALREADY_VOTED');
    // The chair sees who has voted, not how; before the vote closes nobody sees the counts.
    const chairView = (await request(members[0]!.browser)({ method: 'GET', url: `/api/commendation/nominations/${id}` })).json();
    expect(chairView.vote.roll).toEqual(
      expect.arrayContaining([
        { displayName: 'uy-vien2', hasVoted: true },
        { displayName: 'uy-vien1', hasVoted: false },
      ]),
    );
    expect(chairView.vote.result).toBeNull();
    expect(chairView.vote.canClose).toBe(false);
    const early = await request(members[0]!.browser)({ method: 'POST', url: `/api/commendation/nominations/${id}/vote/close` });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message.vi).toContain('Mới có 1/3 thành viên bỏ phiếu');
    await vote(members[2]!.browser, id, 'against');
    // Nothing stored links a member to a choice: the audit rows of the ballots say only that each voted.
    const ballots = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'commendation.votes.cast'), eq(auditEvents.entityId, id)));
    expect(ballots.map((b) => b.after)).toEqual([{ voted: true }, { voted: true }]);
    expect(JSON.stringify(ballots)).not.toMatch(/against|"for"/);
    const [tally] = await db().select().from(nominationVotes).where(eq(nominationVotes.nominationId, id));
    expect(Object.keys(tally!).some((k) => /user|voter/i.test(k))).toBe(false);
  });

  it('lets only the chair close the vote; the result applies the title’s threshold to all members', async () => {
    expect((await request(members[1]!.browser)({ method: 'POST', url: `/api/commendation/nominations/${id}/vote/close` })).statusCode).toBe(
      403,
    );
    // 1 for of 3 members is not more than half: not approved.
    const closed = await request(members[0]!.browser)({ method: 'POST', url: `/api/commendation/nominations/${id}/vote/close` });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ state: 'not_approved', vote: { result: { for: 1, against: 1, abstain: 0, isApproved: false } } });
    expect((await vote(members[0]!.browser, id, 'for')).json().error.details.reason).toBe('VOTE_CLOSED');
    expect(await auditOf(id)).toEqual([
      'commendation.nominations.create',
      'commendation.nominations.submit',
      'commendation.nominations.open-vote',
      'commendation.votes.cast',
      'commendation.votes.cast',
      'commendation.nominations.close-vote',
    ]);
  });

  it('an approved nomination gets its decision: public, listing the person, as a DOCX in the official layout', async () => {
    const made = await create(
      officer,
      nomination(skhcn, { nomineeName: 'Vũ Thanh Hương', nomineeJobTitle: 'Chuyên viên Phòng Quản lý Công nghệ' }),
    );
    await step(officer, made.id, { action: 'submit' });
    await step(manager, made.id, { action: 'open_vote', councilId: skhcnCouncil });
    for (const m of members.slice(0, 2)) expect((await vote(m.browser, made.id, 'for')).statusCode).toBe(200);
    const approved = await request(members[0]!.browser)({ method: 'POST', url: `/api/commendation/nominations/${made.id}/vote/close` });
    expect(approved.json().state).toBe('approved');
    const body = {
      titleCode: 'LDTT',
      nominationIds: [made.id],
      number: '12/QĐ-SKHCN',
      signedOn: '2026-03-05',
      signerName: 'Trần Văn Bình',
      signerPosition: 'Phó Giám đốc',
    };
    expect((await request(officer)({ method: 'POST', url: '/api/commendation/decisions', payload: body })).statusCode).toBe(403);
    expect(
      (await request(manager)({ method: 'POST', url: '/api/commendation/decisions', payload: { ...body, nominationIds: [id] } })).json()
        .error.details.reason,
    ).toBe('NOT_APPROVED');
    expect(
      (await request(manager)({ method: 'POST', url: '/api/commendation/decisions', payload: { ...body, titleCode: 'GIAY_KHEN' } }))
        .statusCode,
    ).toBe(400);
    const decided = await request(manager)({ method: 'POST', url: '/api/commendation/decisions', payload: body });
    expect(decided.statusCode, decided.body).toBe(201);
    const decision = decided.json();
    expect(decision).toMatchObject({
      number: '12/QĐ-SKHCN',
      issuer: { kind: 'department_head', unit: { code: 'SKHCN' } },
      commended: [{ name: 'Vũ Thanh Hương' }],
    });
    expect((await request(manager)({ method: 'POST', url: '/api/commendation/decisions', payload: body })).statusCode).toBe(409);
    const publicView = await request(null)({ method: 'GET', url: `/api/commendation/decisions/${decision.id}` });
    expect(publicView.json().commended).toEqual([
      {
        nominationId: made.id,
        name: 'Vũ Thanh Hương',
        jobTitle: 'Chuyên viên Phòng Quản lý Công nghệ',
        subject: 'individual',
        unit: { code: 'SKHCN', name: { vi: 'Sở Khoa học và Công nghệ', en: expect.any(String) } },
      },
    ]);
    expect((await request(officer)({ method: 'GET', url: `/api/commendation/nominations/${made.id}` })).json()).toMatchObject({
      state: 'issued',
      decision: { number: '12/QĐ-SKHCN' },
    });
    const docx = await request(null)({ method: 'GET', url: decision.docxUrl });
    expect(docx.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    for (const part of [
      'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
      'Số: 12/QĐ-SKHCN',
      'ngày 05 tháng 3 năm 2026',
      'QUYẾT ĐỊNH',
      'Về việc tặng danh hiệu “Lao động tiên tiến” năm 2025',
      'GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ',
      'KT. GIÁM ĐỐC',
      'PHÓ GIÁM ĐỐC',
      'DANH SÁCH',
      'Vũ Thanh Hương',
    ])
      expect(text, part).toContain(part);
    expect(await auditOf(made.id)).toContain('commendation.nominations.issue');
  });
});

describe('eligibility in the dossier, from the movement and the platform’s own decisions', () => {
  it('Chiến sĩ thi đua cơ sở: links the nominee’s initiative the movement recognised in that year', async () => {
    const made = await create(
      healthOfficer,
      nomination(syt, {
        titleCode: 'CSTD_CS',
        year: 2026,
        nomineeName: 'Võ Minh Châu',
        ratings: [{ year: 2026, rating: 'good' }],
        priorTitles: [{ year: 2026, titleCode: 'LDTT', decisionRef: 'QĐ 1/QĐ-SYT' }],
      }),
    );
    const branch = made.eligibility.checks.find((c) => c.code === 'cstd_cs_achievement')!;
    expect(branch.status).toBe('met');
    expect(branch.evidence[0]!.href).toMatch(/^\/thu-vien-sang-kien\/[0-9a-f-]{36}$/);
    expect(made.eligibility.isEligible).toBe(true);
  });

  it('a ward may not give Chiến sĩ thi đua cơ sở (Article 80(3)), nor nominate someone of another unit (Article 83(1))', async () => {
    const made = await create(wardOfficer, nomination(ward, { titleCode: 'CSTD_CS', nomineeUnitId: skhcn }));
    const failed = made.eligibility.checks.filter((c) => c.status === 'not_met').map((c) => c.code);
    expect(failed).toEqual(expect.arrayContaining(['issuer', 'unit_scope']));
  });

  it('a proposal to the city needs the unit’s own minutes attached before it is sent (Article 84(1)(c)), through the one upload path', async () => {
    const made = await create(
      officer,
      nomination(skhcn, {
        titleCode: 'BK_CT_TP',
        level: 'city',
        nomineeName: 'Mai Thùy Dung',
        ratings: [{ year: 2025, rating: 'excellent' }],
        priorTitles: [
          { year: 2024, titleCode: 'CSTD_CS', decisionRef: 'QĐ 9/QĐ-SKHCN' },
          { year: 2025, titleCode: 'CSTD_CS', decisionRef: 'QĐ 19/QĐ-SKHCN' },
        ],
      }),
    );
    const refused = await step(officer, made.id, { action: 'submit' });
    expect(refused.json().error.details.problems.map((p: { field: string }) => p.field)).toEqual(['attachments']);
    const url = `/api/commendation/nominations/${made.id}/attachments`;
    expect((await request(healthOfficer)({ method: 'POST', url, ...multipartFile('bien-ban.pdf', pdfBytes) })).statusCode).toBe(404);
    const uploaded = await request(officer)({ method: 'POST', url, ...multipartFile('bien-ban.pdf', pdfBytes) });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    expect((await request(officer)({ method: 'GET', url: uploaded.json().url })).rawPayload.equals(pdfBytes)).toBe(true);
    expect((await step(officer, made.id, { action: 'submit' })).json().state).toBe('submitted');
    // Submitted: the dossier's files no longer change.
    expect((await request(officer)({ method: 'DELETE', url: `${url}/${uploaded.json().id}` })).statusCode).toBe(409);
  });
});

describe('the workspace', () => {
  it('shows a council member the ballots waiting for them, and the chair the votes to close', async () => {
    const made = await create(officer, nomination(skhcn, { nomineeName: 'Kiều Anh Thư' }));
    await step(officer, made.id, { action: 'submit' });
    await step(manager, made.id, { action: 'open_vote', councilId: skhcnCouncil });
    const itemOf = async (browser: Browser) =>
      (await request(browser)({ method: 'GET', url: '/api/workspace' }))
        .json()
        .items.find((i: { id: string }) => i.id === 'commendation.votes');
    expect((await itemOf(members[2]!.browser)).parts.map((p: { href: string }) => p.href)).toContain(`/khen-thuong/de-nghi/${made.id}`);
    await vote(members[1]!.browser, made.id, 'for');
    await vote(members[2]!.browser, made.id, 'for');
    expect((await itemOf(members[2]!.browser)).parts.map((p: { href: string }) => p.href)).not.toContain(`/khen-thuong/de-nghi/${made.id}`);
    const chair = await itemOf(members[0]!.browser);
    expect(chair.parts.find((p: { href: string }) => p.href === `/khen-thuong/de-nghi/${made.id}`).label.en).toContain('your ballot');
    await vote(members[0]!.browser, made.id, 'abstain');
    expect(
      (await itemOf(members[0]!.browser)).parts.find((p: { href: string }) => p.href === `/khen-thuong/de-nghi/${made.id}`).label.en,
    ).toContain('for the chair to close');
  });
});
