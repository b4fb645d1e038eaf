import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../tests/support/app.js';
import { completeDraft, demoCampaign, markEmailVerified, movementPeople } from '../../../../tests/support/movement.js';
import { as, signIn, testPassword, userWithRoles, type Browser } from '../../../../tests/support/sessions.js';
import { auditEvents } from '../../db/platform-schema.js';
import { emailOutbox, notifications } from '../notifications/schema.js';
import { initiativeAuthors } from './schema.js';
import { editLoaded } from '../../../../tests/support/versions.js';

let t: TestApp;
let people: Awaited<ReturnType<typeof movementPeople>>;
let coAuthor: { browser: Browser; user: { id: string } };
let initiativeId: string;
let coAuthorRowId: string;

const dossier = async (who: Browser, id: string) =>
  (await as(t.app, who)({ method: 'GET', url: `/api/movement/initiatives/${id}` })).json();
const confirm = (who: Browser | null, authorId = coAuthorRowId) =>
  as(t.app, who)({ method: 'POST', url: `/api/movement/initiatives/${initiativeId}/authors/${authorId}/confirm` });
const titlesOf = async (userId: string) =>
  (
    await t.testDb.database.db
      .select({ title: notifications.titleVi })
      .from(notifications)
      .where(eq(notifications.userId, userId))
      .orderBy(notifications.createdAt)
  ).map((n) => n.title);

beforeAll(async () => {
  t = await buildTestApp({ env: { LOG_LEVEL: 'error' } });
  people = await movementPeople(t, 'coa');
  coAuthor = await userWithRoles(t, 'coa-coauthor@example.vn', [{ role: 'registered_user', unitCode: '79' }]);
  await markEmailVerified(t, coAuthor.user.id);
  const campaignId = (await demoCampaign(t)).id;
  const created = await as(
    t.app,
    people.author.browser,
  )({
    method: 'POST',
    url: '/api/movement/initiatives',
    payload: completeDraft(campaignId, {
      authors: [
        { fullName: 'Lê Văn Nộp', email: 'coa-author@example.vn', contributionPercent: 60 },
        { fullName: 'Phạm Thị Cùng', email: 'coa-coauthor@example.vn', contributionPercent: 40 },
      ],
    }),
  });
  expect(created.statusCode, created.body).toBe(201);
  initiativeId = created.json().id;
  coAuthorRowId = created.json().authors[1].id;
}, 120_000);
afterAll(() => t?.close());

describe('co-authors confirm their part', () => {
  it('asks the co-author, once, to confirm when named; autosaves that change nothing for them stay silent', async () => {
    const asked = (await titlesOf(coAuthor.user.id)).filter((title) => title.startsWith('Xác nhận đồng tác giả'));
    expect(asked).toHaveLength(1);
    const autosave = await editLoaded(as(t.app, people.author.browser), `/api/movement/initiatives/${initiativeId}`, { benefits: 'Giảm 45% số mũi tiêm trễ hẹn' });
    expect(autosave.statusCode, autosave.body).toBe(200);
    // An autosave of one field leaves the others as they were.
    expect(autosave.json()).toMatchObject({
      benefits: 'Giảm 45% số mũi tiêm trễ hẹn',
      title: 'Số hóa sổ theo dõi tiêm chủng tại trạm y tế phường',
      fieldCode: 'cds',
    });
    expect(autosave.json().authors).toHaveLength(2);
    expect((await titlesOf(coAuthor.user.id)).filter((title) => title.startsWith('Xác nhận đồng tác giả'))).toHaveLength(1);
    // The submitter's own part counts as confirmed; the co-author's waits.
    const view = await dossier(people.author.browser, initiativeId);
    expect(view.authors.map((a: { isMe: boolean; confirmedAt: string | null }) => [a.isMe, a.confirmedAt !== null])).toEqual([
      [true, true],
      [false, false],
    ]);
  });

  it('keeps submission waiting until every co-author named by e-mail has confirmed', async () => {
    const early = await as(
      t.app,
      people.author.browser,
    )({ method: 'POST', url: `/api/movement/initiatives/${initiativeId}/transitions`, payload: { action: 'submit', reason: '' } });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message.en).toContain('Co-authors who have not confirmed: Phạm Thị Cùng');
  });

  it('refuses anyone else confirming for the co-author: 403 to the submitter, 404 to a stranger, 401 signed out', async () => {
    const bySubmitter = await confirm(people.author.browser);
    expect(bySubmitter.statusCode).toBe(403);
    expect(bySubmitter.json().error).toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: 'NOT_THIS_AUTHOR' },
      message: { vi: 'Chỉ chính Phạm Thị Cùng mới xác nhận được phần của mình', en: 'Only Phạm Thị Cùng can confirm their own part' },
    });
    expect((await confirm(people.citizen.browser)).statusCode).toBe(404);
    expect((await confirm(null)).statusCode).toBe(401);
    expect((await dossier(coAuthor.browser, initiativeId)).authors[1].confirmedAt).toBeNull();
  });

  it('lets the co-author confirm, tells the submitter, and the submitter sees it on the dossier', async () => {
    const view = await dossier(coAuthor.browser, initiativeId);
    expect(view.authors[1]).toMatchObject({ isMe: true, confirmedAt: null });
    const res = await confirm(coAuthor.browser);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().authors[1].confirmedAt).not.toBeNull();
    expect(await titlesOf(people.author.user.id)).toContain(`Sáng kiến ${view.code}: đồng tác giả đã xác nhận`);
    const seenBySubmitter = await dossier(people.author.browser, initiativeId);
    expect(seenBySubmitter.authors[1]).toMatchObject({
      fullName: 'Phạm Thị Cùng',
      isMe: false,
      confirmedAt: res.json().authors[1].confirmedAt,
    });
  });

  it('treats a second confirmation as harmless: same time, no second audit row, no second notice', async () => {
    const first = (await dossier(coAuthor.browser, initiativeId)).authors[1].confirmedAt;
    t.clock.advance(60_000);
    const again = await confirm(coAuthor.browser);
    expect(again.statusCode).toBe(200);
    expect(again.json().authors[1].confirmedAt).toBe(first);
    const audits = await t.testDb.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, initiativeId), eq(auditEvents.action, 'initiatives.confirm-authorship')));
    expect(audits).toHaveLength(1);
    expect((await titlesOf(people.author.user.id)).filter((title) => title.endsWith('đồng tác giả đã xác nhận'))).toHaveLength(1);
  });

  it('asks again when the co-author’s share changes, and lets the submission through once they confirm it', async () => {
    const changed = await editLoaded(as(t.app, people.author.browser), `/api/movement/initiatives/${initiativeId}`, {
      authors: [
        { fullName: 'Lê Văn Nộp', email: 'coa-author@example.vn', contributionPercent: 50 },
        { fullName: 'Phạm Thị Cùng', email: 'coa-coauthor@example.vn', contributionPercent: 50 },
      ],
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().authors[1].confirmedAt).toBeNull();
    expect((await titlesOf(coAuthor.user.id)).filter((title) => title.startsWith('Xác nhận đồng tác giả'))).toHaveLength(2);
    coAuthorRowId = changed.json().authors[1].id;
    expect((await confirm(coAuthor.browser)).statusCode).toBe(200);
    const submitted = await as(
      t.app,
      people.author.browser,
    )({ method: 'POST', url: `/api/movement/initiatives/${initiativeId}/transitions`, payload: { action: 'submit', reason: '' } });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().state).toBe('submitted');
  });
});

describe('the co-author field never tells whether an address has an account', () => {
  const known = 'coa-known@example.vn';
  const nobody = 'coa-nobody@example.vn';
  const drafts: Record<string, { id: string; json: Record<string, unknown> }> = {};
  let campaignId: string;

  /** A dossier as the submitter sees it, without what differs by construction (ids, code, times, the address typed). */
  const comparable = (dto: Record<string, unknown>) =>
    JSON.parse(JSON.stringify(dto), (key, value) => (['id', 'code', 'updatedAt', 'email'].includes(key) ? undefined : value)) as unknown;
  const draftNaming = (address: string) =>
    completeDraft(campaignId, {
      authors: [
        { fullName: 'Lê Văn Nộp', email: 'coa-author@example.vn', contributionPercent: 60 },
        { fullName: 'Trần Văn Cùng', email: address, contributionPercent: 40 },
      ],
    });
  const mailsTo = (address: string) =>
    t.testDb.database.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, address)).orderBy(emailOutbox.createdAt);

  beforeAll(async () => {
    campaignId = (await demoCampaign(t)).id;
    const holder = await userWithRoles(t, known, [{ role: 'registered_user', unitCode: '79' }]);
    await markEmailVerified(t, holder.user.id);
  }, 60_000);

  it('answers the draft, its autosave and its submission alike for an address with an account and one without', async () => {
    for (const address of [known, nobody]) {
      const created = await as(
        t.app,
        people.author.browser,
      )({ method: 'POST', url: '/api/movement/initiatives', payload: draftNaming(address) });
      expect(created.statusCode, created.body).toBe(201);
      const saved = await editLoaded(as(t.app, people.author.browser), `/api/movement/initiatives/${created.json().id}`, { benefits: 'Giảm 45% số mũi tiêm trễ hẹn' });
      expect(saved.statusCode, saved.body).toBe(200);
      const submitted = await as(
        t.app,
        people.author.browser,
      )({ method: 'POST', url: `/api/movement/initiatives/${created.json().id}/transitions`, payload: { action: 'submit', reason: '' } });
      expect(submitted.statusCode).toBe(400);
      drafts[address] = {
        id: created.json().id,
        json: { created: comparable(created.json()), saved: comparable(saved.json()), submitted: submitted.json().error.message },
      };
    }
    expect(drafts[known]!.json).toEqual(drafts[nobody]!.json);
    expect(drafts[nobody]!.json.submitted).toMatchObject({
      en: expect.stringContaining('Co-authors who have not confirmed: Trần Văn Cùng'),
    });
    const coAuthorRow = (drafts[nobody]!.json.saved as { authors: Array<Record<string, unknown>> }).authors[1];
    expect(coAuthorRow).toEqual({
      fullName: 'Trần Văn Cùng',
      birthDate: null,
      workplace: '',
      jobTitle: '',
      qualification: '',
      contributionPercent: 40,
      isConfirmationNeeded: true,
      confirmedAt: null,
      isMe: false,
    });
  });

  it('asks both to confirm by e-mail: the account holder as a notice, the other as an invitation to make an account', async () => {
    const [notice] = await mailsTo(known);
    expect(notice?.subject).toMatch(/^Xác nhận đồng tác giả sáng kiến SK-/);
    const [invitation, ...more] = await mailsTo(nobody);
    expect(more).toHaveLength(0);
    expect(invitation).toMatchObject({ userId: null, template: 'message' });
    expect(invitation!.subject).toMatch(/^Xác nhận đồng tác giả sáng kiến SK-\S+ \/ Confirm your co-authorship of initiative SK-/);
    expect(invitation!.bodyText).toContain('hãy tạo tài khoản doimoi bằng chính địa chỉ e-mail này');
    expect(invitation!.bodyText).toContain('create a doimoi account with this very address and verify it');
    expect(invitation!.bodyText).toContain(`/sang-kien/${drafts[nobody]!.id}`);
  });

  it('lets the invited co-author in once they have an account with that address, verified, and links them when they confirm', async () => {
    const id = drafts[nobody]!.id;
    const signUp = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: { email: nobody, password: testPassword, displayName: 'Trần Văn Cùng', accountKind: 'citizen', locale: 'vi', consent: true },
    });
    expect(signUp.statusCode, signUp.body).toBe(201);
    const unverified = await signIn(t.app, nobody, testPassword);
    // Until the address is proven theirs, an account with it is a stranger to the dossier.
    expect((await as(t.app, unverified)({ method: 'GET', url: `/api/movement/initiatives/${id}` })).statusCode).toBe(404);
    const authorId = (await dossier(people.author.browser, id)).authors[1].id as string;
    expect(
      (await as(t.app, unverified)({ method: 'POST', url: `/api/movement/initiatives/${id}/authors/${authorId}/confirm` })).statusCode,
    ).toBe(404);

    const [verification] = await t.testDb.database.db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.toAddress, nobody), eq(emailOutbox.template, 'verify_email')));
    const token = /token=([\w-]+)/.exec(verification!.bodyText)![1];
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/verify-email', payload: { token } })).statusCode).toBe(200);
    const invited = await signIn(t.app, nobody, testPassword);
    const view = await dossier(invited, id);
    expect(view.authors[1]).toMatchObject({ fullName: 'Trần Văn Cùng', isMe: true, confirmedAt: null });
    expect(
      (await as(t.app, invited)({ method: 'GET', url: '/api/movement/initiatives/mine' })).json().items.map((i: { id: string }) => i.id),
    ).toEqual([id]);
    const confirmed = await as(t.app, invited)({ method: 'POST', url: `/api/movement/initiatives/${id}/authors/${authorId}/confirm` });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const [row] = await t.testDb.database.db.select().from(initiativeAuthors).where(eq(initiativeAuthors.id, authorId));
    expect(row!.userId).not.toBeNull();
    const submitted = await as(
      t.app,
      people.author.browser,
    )({ method: 'POST', url: `/api/movement/initiatives/${id}/transitions`, payload: { action: 'submit', reason: '' } });
    expect(submitted.statusCode, submitted.body).toBe(200);
  });
});
