import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../tests/support/app.js';
import { as, enrolTotp, signIn, testPassword, userWithRoles, type Browser } from '../../../../tests/support/sessions.js';
import { multipartFile, pdfBytes, pngBytes } from '../../../../tests/support/uploads.js';
import { editLoaded } from '../../../../tests/support/versions.js';
import { auditEvents } from '../../db/platform-schema.js';
import { systemContext } from '../../lib/context.js';
import { units } from '../identity/schema.js';
import { emailOutbox, notifications } from '../notifications/schema.js';
import { askStillActive } from './active-check.js';

let t: TestApp;
let founder: { browser: Browser; user: { id: string } };
let stranger: Browser;
let staff: Browser;
let startupId: string;
let wardId: string;

beforeAll(async () => {
  t = await buildTestApp();
  founder = await userWithRoles(t, 'sang-lap@nongtraiso.vn', [{ role: 'registered_user', unitCode: '79' }]);
  stranger = (await userWithRoles(t, 'nguoi-la@example.vn', [{ role: 'registered_user', unitCode: '79' }])).browser;
  staff = (await userWithRoles(t, 'can-bo@sihub.vn', [{ role: 'programme_manager', unitCode: 'SIHUB' }])).browser;
  await enrolTotp(t, staff);
  const [ward] = await t.testDb.database.db.select({ id: units.id }).from(units).where(eq(units.code, '26740'));
  wardId = ward!.id;
});
afterAll(() => t.close());

const request = (browser: Browser | null) => as(t.app, browser);
const profile = {
  kind: 'startup',
  nameVi: 'Công ty Cá Giống Thông Minh',
  nameEn: 'Smart Fingerling Co.',
  fields: ['agritech', 'ai'],
  stage: 'seed',
  descriptionVi: 'Cảm biến nước và trí tuệ nhân tạo cho trại cá giống, dự báo dịch bệnh.',
  website: 'https://cagiong.vn',
};
const db = () => t.testDb.database.db;

describe('registering and keeping a profile', () => {
  it('refuses an anonymous caller with 401', async () => {
    const res = await request(null)({ method: 'POST', url: '/api/ecosystem/organisations', payload: profile });
    expect(res.statusCode).toBe(401);
  });

  it('refuses a stage on anything but a startup, and a ward that is not a ward, with 400 and the reason', async () => {
    const res = await request(founder.browser)({
      method: 'POST',
      url: '/api/ecosystem/organisations',
      payload: { ...profile, kind: 'incubator' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toEqual({ vi: 'Chỉ doanh nghiệp khởi nghiệp mới có giai đoạn', en: 'Only a startup has a stage' });
    const [city] = await db().select({ id: units.id }).from(units).where(eq(units.code, '79'));
    const ward = await request(founder.browser)({
      method: 'POST',
      url: '/api/ecosystem/organisations',
      payload: { ...profile, wardUnitId: city!.id },
    });
    expect(ward.statusCode).toBe(400);
    expect(ward.json().error.details[0].path).toBe('body.wardUnitId');
  });

  it('registers the profile to its owner, unverified, audited, in the directory and findable without diacritics', async () => {
    const res = await request(founder.browser)({
      method: 'POST',
      url: '/api/ecosystem/organisations',
      payload: { ...profile, wardUnitId: wardId },
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    startupId = body.id;
    expect(body).toMatchObject({
      slug: 'cong-ty-ca-giong-thong-minh',
      isMine: true,
      hasOwner: true,
      verifiedAt: null,
      isUnconfirmed: false,
      ward: { code: '26740' },
    });
    expect(body.history.map((h: { action: string }) => h.action)).toEqual(['organisation.register']);
    const found = await request(null)({ method: 'GET', url: '/api/ecosystem/organisations?q=ca%20giong%20thong%20minh' });
    expect(found.json().items.map((o: { id: string }) => o.id)).toEqual([startupId]);
    const faceted = await request(null)({ method: 'GET', url: `/api/ecosystem/organisations?kind=startup&ward=${wardId}&field=agritech` });
    expect(faceted.json().items.map((o: { id: string }) => o.id)).toEqual([startupId]);
    const verifiedOnly = await request(null)({ method: 'GET', url: '/api/ecosystem/organisations?kind=startup&verified=true' });
    expect(verifiedOnly.json().items.map((o: { id: string }) => o.id)).not.toContain(startupId);
  });

  it('lets only the keeper change it; the change shows in the history by field', async () => {
    const denied = await editLoaded(request(stranger), `/api/ecosystem/organisations/${startupId}`, { descriptionVi: 'Bị sửa' });
    expect(denied.statusCode).toBe(403);
    const res = await editLoaded(request(founder.browser), `/api/ecosystem/organisations/${startupId}`, { sizeBand: 'micro', foundedYear: 2024 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ sizeBand: 'micro', foundedYear: 2024, stage: 'seed', nameVi: profile.nameVi });
    expect(res.json().history[0]).toMatchObject({ action: 'organisation.update', changed: ['foundedYear', 'sizeBand'] });
    const [audit] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, startupId), eq(auditEvents.action, 'ecosystem.organisation.update')));
    expect(audit!.before).toEqual({ foundedYear: null, sizeBand: null });
  });

  it('takes a logo only as an image, judged by content; evidence stays away from the public', async () => {
    const pdfLogo = await request(founder.browser)({
      method: 'POST',
      url: `/api/ecosystem/organisations/${startupId}/files?purpose=logo`,
      ...multipartFile('logo.png', pdfBytes),
    });
    expect(pdfLogo.statusCode).toBe(415);
    const logo = await request(founder.browser)({
      method: 'POST',
      url: `/api/ecosystem/organisations/${startupId}/files?purpose=logo`,
      ...multipartFile('logo.png', pngBytes),
    });
    expect(logo.statusCode, logo.body).toBe(201);
    expect((await request(null)({ method: 'GET', url: logo.json().url })).statusCode).toBe(200);
    const evidence = await request(founder.browser)({
      method: 'POST',
      url: `/api/ecosystem/organisations/${startupId}/files`,
      ...multipartFile('giay-chung-nhan.pdf', pdfBytes),
    });
    expect(evidence.statusCode, evidence.body).toBe(201);
    expect((await request(null)({ method: 'GET', url: evidence.json().url })).statusCode).toBe(404);
    expect((await request(stranger)({ method: 'GET', url: evidence.json().url })).statusCode).toBe(404);
    expect((await request(staff)({ method: 'GET', url: evidence.json().url })).statusCode).toBe(200);
    const page = await request(null)({ method: 'GET', url: `/api/ecosystem/organisations/${startupId}` });
    expect(page.json().logoUrl).toBe(logo.json().url);
  });
});

describe('verification by the Startup Centre', () => {
  it('queues the profile with its evidence for staff only, and verifying it moves the verified count', async () => {
    expect((await request(founder.browser)({ method: 'GET', url: '/api/ecosystem/verification-queue' })).statusCode).toBe(403);
    const queue = await request(staff)({ method: 'GET', url: '/api/ecosystem/verification-queue' });
    const item = queue.json().items.find((o: { id: string }) => o.id === startupId);
    expect(item.evidence.map((e: { fileName: string }) => e.fileName)).toEqual(['giay-chung-nhan.pdf']);
    const before = (await request(null)({ method: 'GET', url: '/api/ecosystem/stats' })).json();
    const startupsBefore = before.byKind.find((k: { key: string }) => k.key === 'startup');
    const verified = await request(staff)({
      method: 'POST',
      url: `/api/ecosystem/organisations/${startupId}/verify`,
      payload: { note: 'Đã đối chiếu giấy chứng nhận' },
    });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json().verifiedAt).toBe(t.clock.now().toISOString());
    const after = (await request(null)({ method: 'GET', url: '/api/ecosystem/stats' })).json();
    expect(after.byKind.find((k: { key: string }) => k.key === 'startup')).toMatchObject({
      all: startupsBefore.all,
      verified: startupsBefore.verified + 1,
    });
    const again = await request(staff)({ method: 'POST', url: `/api/ecosystem/organisations/${startupId}/verify`, payload: {} });
    expect(again.statusCode).toBe(409);
  });
});

describe('relations, shown both ways', () => {
  it('shows "incubated by" on the startup and "incubates" on the incubator', async () => {
    const sihub = (await request(null)({ method: 'GET', url: '/api/ecosystem/organisations/by-slug/sihub' })).json();
    const res = await request(founder.browser)({
      method: 'POST',
      url: `/api/ecosystem/organisations/${startupId}/relations`,
      payload: { kind: 'incubated_by', targetId: sihub.id },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().items).toEqual([
      expect.objectContaining({
        direction: 'outgoing',
        label: { vi: 'Được ươm tạo bởi', en: 'Incubated by' },
        other: expect.objectContaining({ slug: 'sihub' }),
      }),
    ]);
    const back = (await request(null)({ method: 'GET', url: '/api/ecosystem/organisations/by-slug/sihub' })).json();
    expect(back.relations).toContainEqual(
      expect.objectContaining({
        direction: 'incoming',
        label: { vi: 'Ươm tạo', en: 'Incubates' },
        other: expect.objectContaining({ id: startupId }),
      }),
    );
    const twice = await request(founder.browser)({
      method: 'POST',
      url: `/api/ecosystem/organisations/${startupId}/relations`,
      payload: { kind: 'incubated_by', targetId: sihub.id },
    });
    expect(twice.statusCode).toBe(409);
  });
});

describe('programmes and applications', () => {
  let programmeId: string;
  let applicationId: string;

  it('takes an application from the keeper only, once', async () => {
    programmeId = (await request(null)({ method: 'GET', url: '/api/ecosystem/programmes/by-slug/sihub-incubation-2026' })).json().id;
    const form = { organisationId: startupId, pitch: 'Chúng tôi giảm hao hụt cá giống bằng cảm biến và dự báo dịch bệnh.', teamSize: 4 };
    const notKeeper = await request(stranger)({
      method: 'POST',
      url: `/api/ecosystem/programmes/${programmeId}/applications`,
      payload: form,
    });
    expect(notKeeper.statusCode).toBe(403);
    const res = await request(founder.browser)({
      method: 'POST',
      url: `/api/ecosystem/programmes/${programmeId}/applications`,
      payload: form,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().status).toBe('received');
    applicationId = res.json().id;
    const twice = await request(founder.browser)({
      method: 'POST',
      url: `/api/ecosystem/programmes/${programmeId}/applications`,
      payload: form,
    });
    expect(twice.statusCode).toBe(409);
  });

  it('moves received → shortlisted → accepted only, tells the applicant, and the page lists the programme', async () => {
    const skip = await request(staff)({
      method: 'POST',
      url: `/api/ecosystem/applications/${applicationId}/move`,
      payload: { to: 'accepted' },
    });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error.message.en).toBe('An application cannot go from “Received” to “Accepted”');
    const byStranger = await request(stranger)({
      method: 'POST',
      url: `/api/ecosystem/applications/${applicationId}/move`,
      payload: { to: 'shortlisted' },
    });
    expect(byStranger.statusCode).toBe(404);
    expect(
      (await request(staff)({ method: 'POST', url: `/api/ecosystem/applications/${applicationId}/move`, payload: { to: 'shortlisted' } }))
        .statusCode,
    ).toBe(200);
    const accepted = await request(staff)({
      method: 'POST',
      url: `/api/ecosystem/applications/${applicationId}/move`,
      payload: { to: 'accepted', note: 'Chào mừng vào khóa ươm tạo' },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const [notice] = await db()
      .select()
      .from(notifications)
      .where(eq(notifications.userId, founder.user.id))
      .orderBy(desc(notifications.createdAt))
      .limit(1);
    expect(notice!.bodyVi).toBe('Chào mừng vào khóa ươm tạo');
    const page = (await request(null)({ method: 'GET', url: `/api/ecosystem/organisations/${startupId}` })).json();
    expect(page.programmes.map((p: { slug: string }) => p.slug)).toEqual(['sihub-incubation-2026']);
    const board = await request(staff)({ method: 'GET', url: `/api/ecosystem/programmes/${programmeId}/applications` });
    expect(board.json().items.find((a: { id: string }) => a.id === applicationId).status).toBe('accepted');
    expect((await request(stranger)({ method: 'GET', url: `/api/ecosystem/programmes/${programmeId}/applications` })).statusCode).toBe(403);
  });
});

describe('matching', () => {
  it('suggests funds, incubators and programmes that fit the startup, each with its reasons', async () => {
    const res = await request(null)({ method: 'GET', url: `/api/ecosystem/organisations/${startupId}/matches` });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Array<{ kind: string; url: string; reasons: Array<{ vi: string }> }>;
    expect(items.length).toBeGreaterThan(2);
    // The green fund serves prototype and seed in agritech: it fits; the angels serve only idea and prototype: left out.
    expect(items.map((i) => i.url)).toContain('/he-sinh-thai/to-chuc/fund-green');
    expect(items.map((i) => i.url)).not.toContain('/he-sinh-thai/to-chuc/angels');
    for (const item of items) expect(item.reasons.length).toBeGreaterThan(0);
    const notStartup = await request(null)({ method: 'GET', url: '/api/ecosystem/organisations/by-slug/shtp' });
    expect((await request(null)({ method: 'GET', url: `/api/ecosystem/organisations/${notStartup.json().id}/matches` })).statusCode).toBe(
      409,
    );
  });
});

describe('claiming an existing profile', () => {
  it('by an address at the organisation domain: a wrong domain is refused; the link hands the profile over', async () => {
    const claimant = await userWithRoles(t, 'giam-doc@qtsc.com.vn', [{ role: 'registered_user', unitCode: '79' }]);
    const qtsc = (await request(null)({ method: 'GET', url: '/api/ecosystem/organisations/by-slug/qtsc' })).json();
    const wrong = await request(claimant.browser)({
      method: 'POST',
      url: `/api/ecosystem/organisations/${qtsc.id}/claims`,
      payload: { method: 'email', email: 'giam-doc@gmail.com' },
    });
    expect(wrong.statusCode).toBe(400);
    const res = await request(claimant.browser)({
      method: 'POST',
      url: `/api/ecosystem/organisations/${qtsc.id}/claims`,
      payload: { method: 'email', email: 'giam-doc@mail.qtsc.com.vn' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const [mail] = await db().select().from(emailOutbox).where(eq(emailOutbox.toAddress, 'giam-doc@mail.qtsc.com.vn'));
    const token = /token=([\w-]+)/.exec(mail!.bodyText)![1]!;
    const other = await request(stranger)({ method: 'POST', url: '/api/ecosystem/claims/confirm', payload: { token } });
    expect(other.statusCode).toBe(410);
    const confirmed = await request(claimant.browser)({ method: 'POST', url: '/api/ecosystem/claims/confirm', payload: { token } });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().status).toBe('approved');
    const page = (await request(claimant.browser)({ method: 'GET', url: `/api/ecosystem/organisations/${qtsc.id}` })).json();
    expect(page.isMine).toBe(true);
    const late = await request(stranger)({
      method: 'POST',
      url: `/api/ecosystem/organisations/${qtsc.id}/claims`,
      payload: { method: 'document' },
    });
    expect(late.statusCode).toBe(409);
  });

  it('by a document: the claimant uploads proof and staff approve', async () => {
    const claimant = await userWithRoles(t, 'vien@aiti.example.vn', [{ role: 'registered_user', unitCode: '79' }]);
    const aiti = (await request(null)({ method: 'GET', url: '/api/ecosystem/organisations/by-slug/aiti' })).json();
    const noClaim = await request(claimant.browser)({
      method: 'POST',
      url: `/api/ecosystem/organisations/${aiti.id}/files`,
      ...multipartFile('quyet-dinh.pdf', pdfBytes),
    });
    expect(noClaim.statusCode).toBe(403);
    const claim = await request(claimant.browser)({
      method: 'POST',
      url: `/api/ecosystem/organisations/${aiti.id}/claims`,
      payload: { method: 'document', note: 'Quyết định bổ nhiệm kèm theo' },
    });
    expect(claim.statusCode, claim.body).toBe(201);
    const proof = await request(claimant.browser)({
      method: 'POST',
      url: `/api/ecosystem/organisations/${aiti.id}/files`,
      ...multipartFile('quyet-dinh.pdf', pdfBytes),
    });
    expect(proof.statusCode, proof.body).toBe(201);
    const queue = (await request(staff)({ method: 'GET', url: '/api/ecosystem/verification-queue' })).json();
    const pending = queue.claims.find((c: { id: string }) => c.id === claim.json().id);
    expect(pending.evidence.map((e: { fileName: string }) => e.fileName)).toEqual(['quyet-dinh.pdf']);
    const decided = await request(staff)({
      method: 'POST',
      url: `/api/ecosystem/claims/${claim.json().id}/decision`,
      payload: { decision: 'approve' },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(
      (await request(claimant.browser)({ method: 'GET', url: '/api/ecosystem/mine' }))
        .json()
        .organisations.map((o: { slug: string }) => o.slug),
    ).toEqual(['aiti']);
  });
});

describe('experts who opt in', () => {
  it('lists a person only with consent, until they withdraw; the listing is in their data export and goes with the account', async () => {
    const expert = await userWithRoles(t, 'co-van@example.vn', [{ role: 'registered_user', unitCode: '79' }]);
    const body = {
      displayName: 'TS. Trần Cố Vấn',
      fields: ['agritech'],
      offersVi: 'Cố vấn chuỗi giá trị thủy sản',
      affiliation: 'Đại học',
    };
    const noConsent = await request(expert.browser)({ method: 'PUT', url: '/api/ecosystem/experts/me', payload: body });
    expect(noConsent.statusCode).toBe(400);
    expect(
      (await request(expert.browser)({ method: 'PUT', url: '/api/ecosystem/experts/me', payload: { ...body, consent: true } })).statusCode,
    ).toBe(200);
    const listed = (await request(null)({ method: 'GET', url: '/api/ecosystem/experts' })).json().items;
    expect(listed.map((e: { displayName: string }) => e.displayName)).toContain('TS. Trần Cố Vấn');
    const exported = (await request(expert.browser)({ method: 'GET', url: '/api/account/export' })).json();
    expect(exported.ecosystem.expertListing).toMatchObject({ displayName: 'TS. Trần Cố Vấn', consentedAt: expect.any(String) });
    expect((await request(expert.browser)({ method: 'DELETE', url: '/api/ecosystem/experts/me' })).statusCode).toBe(204);
    expect(
      (await request(null)({ method: 'GET', url: '/api/ecosystem/experts' }))
        .json()
        .items.map((e: { displayName: string }) => e.displayName),
    ).not.toContain('TS. Trần Cố Vấn');
    const erased = await request(expert.browser)({
      method: 'POST',
      url: '/api/account/erase',
      payload: { confirmEmail: 'co-van@example.vn', password: testPassword },
    });
    expect(erased.statusCode, erased.body).toBe(204);
    const { ecoExperts } = await import('./schema.js');
    expect(await db().select().from(ecoExperts).where(eq(ecoExperts.userId, expert.user.id))).toEqual([]);
  });
});

describe('the yearly "still active?" request', () => {
  it('asks a keeper after twelve months, shows the profile unconfirmed after fifteen, and clears it when they answer', async () => {
    const ctx = systemContext(db(), t.clock);
    t.clock.set(new Date('2027-03-10T02:00:00Z'));
    const asked = await askStillActive(ctx);
    expect(asked).toBeGreaterThanOrEqual(1);
    expect(await askStillActive(ctx)).toBe(0);
    const [notice] = await db()
      .select()
      .from(notifications)
      .where(eq(notifications.userId, founder.user.id))
      .orderBy(desc(notifications.createdAt))
      .limit(1);
    expect(notice!.titleVi).toBe('Công ty Cá Giống Thông Minh còn hoạt động không?');
    expect((await request(null)({ method: 'GET', url: `/api/ecosystem/organisations/${startupId}` })).json().isUnconfirmed).toBe(false);
    t.clock.set(new Date('2027-06-10T02:00:00Z'));
    expect((await request(null)({ method: 'GET', url: `/api/ecosystem/organisations/${startupId}` })).json().isUnconfirmed).toBe(true);
    // Fifteen months on, the old session has expired: the keeper signs in again.
    const keeper = await signIn(t.app, 'sang-lap@nongtraiso.vn', testPassword);
    const answered = await request(keeper)({ method: 'POST', url: `/api/ecosystem/organisations/${startupId}/still-active` });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json().isUnconfirmed).toBe(false);
  });
});
