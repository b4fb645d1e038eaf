import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { and, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../tests/support/app.js';
import { completeDraft, createCouncil, demoCampaign, markEmailVerified, movementPeople } from '../../../../tests/support/movement.js';
import { as, type Browser } from '../../../../tests/support/sessions.js';
import { multipartFile, pdfBytes, pngBytes } from '../../../../tests/support/uploads.js';
import { attachments, auditEvents as auditLog, jobs } from '../../db/platform-schema.js';
import { systemContext } from '../../lib/context.js';
import { movementModule } from './index.js';
import { eraseMovementDataOf, exportMovementDataOf, removeFilesJob } from './personal-data.js';
import { initiativeAttachments, initiatives } from './schema.js';

async function filesOnDisk(root: string): Promise<number> {
  try {
    return (await readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).length;
  } catch {
    return 0;
  }
}

let t: TestApp;
let people: Awaited<ReturnType<typeof movementPeople>>;
let coAuthor: { browser: Browser; user: { id: string } };
let campaignId: string;
let councilId: string;
let initiativeId: string;
let publicFileId: string;
let confidentialFileId: string;

const upload = (who: Browser | null, id: string, name: string, bytes: Buffer, confidential = false) =>
  as(
    t.app,
    who,
  )({
    method: 'POST',
    url: `/api/movement/initiatives/${id}/attachments${confidential ? '?confidential=true' : ''}`,
    ...multipartFile(name, bytes),
  });
const step = (who: Browser, id: string, action: string, reason = '') =>
  as(t.app, who)({ method: 'POST', url: `/api/movement/initiatives/${id}/transitions`, payload: { action, reason } });
const dossier = async (who: Browser, id: string) =>
  (await as(t.app, who)({ method: 'GET', url: `/api/movement/initiatives/${id}` })).json();
const storedFiles = () => filesOnDisk(join(t.config.dataDir, 'files'));

beforeAll(async () => {
  t = await buildTestApp({ env: { LOG_LEVEL: 'error' } });
  people = await movementPeople(t, 'att');
  const { userWithRoles } = await import('../../../../tests/support/sessions.js');
  coAuthor = await userWithRoles(t, 'att-coauthor@example.vn', [{ role: 'registered_user', unitCode: '79' }]);
  await markEmailVerified(t, coAuthor.user.id);
  campaignId = (await demoCampaign(t)).id;
  councilId = (await createCouncil(t, people.pm.browser, campaignId, people.chair, people.reviewers)).id;
  const created = await as(
    t.app,
    people.author.browser,
  )({
    method: 'POST',
    url: '/api/movement/initiatives',
    payload: completeDraft(campaignId, {
      title: 'Hồ sơ đính kèm: phiếu khảo sát điện tử tại bộ phận một cửa',
      authors: [
        { fullName: 'Tác giả chính', email: 'att-author@example.vn', contributionPercent: 70 },
        { fullName: 'Đồng tác giả', email: 'att-coauthor@example.vn', contributionPercent: 30 },
      ],
    }),
  });
  expect(created.statusCode, created.body).toBe(201);
  initiativeId = created.json().id;
}, 120_000);
afterAll(() => t?.close());

describe('initiative attachments', () => {
  it('lets the submitter attach a public and a confidential file to a draft, each audited', async () => {
    const open = await upload(people.author.browser, initiativeId, 'bao-cao-hieu-qua.pdf', pdfBytes);
    expect(open.statusCode, open.body).toBe(201);
    expect(open.json()).toMatchObject({
      fileName: 'bao-cao-hieu-qua.pdf',
      mediaType: 'application/pdf',
      sizeBytes: pdfBytes.length,
      isConfidential: false,
    });
    publicFileId = open.json().id;
    const secret = await upload(people.author.browser, initiativeId, 'so-do-may-chu.png', pngBytes, true);
    expect(secret.statusCode, secret.body).toBe(201);
    expect(secret.json()).toMatchObject({ isConfidential: true, mediaType: 'image/png' });
    confidentialFileId = secret.json().id;

    const list = await as(t.app, people.author.browser)({ method: 'GET', url: `/api/movement/initiatives/${initiativeId}/attachments` });
    expect(list.json().items.map((f: { fileName: string; isConfidential: boolean }) => [f.fileName, f.isConfidential])).toEqual([
      ['bao-cao-hieu-qua.pdf', false],
      ['so-do-may-chu.png', true],
    ]);
    expect((await dossier(people.author.browser, initiativeId)).attachments).toHaveLength(2);
    const audit = await t.testDb.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, initiativeId), eq(auditLog.action, 'initiatives.attachment.upload')));
    expect(audit).toHaveLength(2);
  });

  it('refuses a file whose content is not an accepted type, whatever its name, and keeps nothing', async () => {
    const rowsBefore = await t.testDb.database.db.select().from(attachments).where(eq(attachments.entityId, initiativeId));
    const filesBefore = await storedFiles();
    const exe = await upload(
      people.author.browser,
      initiativeId,
      'bang-tinh.pdf',
      Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00binary\x00\x00'),
    );
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(exe.json().error.message.vi).toContain('không được chấp nhận');
    expect(exe.json().error.message.en).toContain('is not accepted');
    expect(await t.testDb.database.db.select().from(attachments).where(eq(attachments.entityId, initiativeId))).toHaveLength(
      rowsBefore.length,
    );
    expect(await storedFiles()).toBe(filesBefore);
  });

  it('refuses a file over the size limit with 413 and keeps nothing', async () => {
    const filesBefore = await storedFiles();
    const big = Buffer.concat([pdfBytes, Buffer.alloc(20 * 1024 * 1024 + 10, 0x20)]);
    const res = await upload(people.author.browser, initiativeId, 'qua-lon.pdf', big);
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: { vi: 'Tệp vượt quá dung lượng cho phép (20 MB)', en: 'The file is larger than allowed (20 MB)' },
    });
    expect(
      await t.testDb.database.db.select().from(initiativeAttachments).where(eq(initiativeAttachments.initiativeId, initiativeId)),
    ).toHaveLength(2);
    expect(await storedFiles()).toBe(filesBefore);
  });

  it('refuses uploads and removals by anyone but the submitter: 403 to a co-author, 404 to a stranger, 401 signed out', async () => {
    const byCoAuthor = await upload(coAuthor.browser, initiativeId, 'them.pdf', pdfBytes);
    expect(byCoAuthor.statusCode).toBe(403);
    expect(byCoAuthor.json().error.details).toEqual({ reason: 'NOT_SUBMITTER' });
    expect(byCoAuthor.json().error.message.en).toBe('Only the person who filed the application may add or remove its attachments');
    expect((await upload(people.citizen.browser, initiativeId, 'them.pdf', pdfBytes)).statusCode).toBe(404);
    expect((await upload(null, initiativeId, 'them.pdf', pdfBytes)).statusCode).toBe(401);
    const removal = await as(
      t.app,
      coAuthor.browser,
    )({ method: 'DELETE', url: `/api/movement/initiatives/${initiativeId}/attachments/${publicFileId}` });
    expect(removal.statusCode).toBe(403);
    expect(
      await t.testDb.database.db.select().from(initiativeAttachments).where(eq(initiativeAttachments.initiativeId, initiativeId)),
    ).toHaveLength(2);
  });

  it('lets the submitter remove a file from a draft: row, file and bytes go, the removal is audited', async () => {
    const extra = await upload(people.author.browser, initiativeId, 'ban-nhap.txt', Buffer.from('Ghi chú tạm thời về sáng kiến\n'));
    expect(extra.statusCode, extra.body).toBe(201);
    const filesWith = await storedFiles();
    const removed = await as(
      t.app,
      people.author.browser,
    )({ method: 'DELETE', url: `/api/movement/initiatives/${initiativeId}/attachments/${extra.json().id}` });
    expect(removed.statusCode, removed.body).toBe(204);
    expect(await storedFiles()).toBe(filesWith - 1);
    expect(await t.testDb.database.db.select().from(attachments).where(eq(attachments.id, extra.json().id))).toHaveLength(0);
    const again = await as(
      t.app,
      people.author.browser,
    )({ method: 'DELETE', url: `/api/movement/initiatives/${initiativeId}/attachments/${extra.json().id}` });
    expect(again.statusCode).toBe(404);
    const audit = await t.testDb.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, initiativeId), eq(auditLog.action, 'initiatives.attachment.delete')));
    expect(audit).toHaveLength(1);
  });

  it('refuses to add or remove files once the application is submitted (409 NOT_EDITABLE)', async () => {
    const confirmed = await as(
      t.app,
      coAuthor.browser,
    )({
      method: 'POST',
      url: `/api/movement/initiatives/${initiativeId}/authors/${(await dossier(coAuthor.browser, initiativeId)).authors[1].id}/confirm`,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect((await step(people.author.browser, initiativeId, 'submit')).statusCode).toBe(200);
    const late = await upload(people.author.browser, initiativeId, 'muon.pdf', pdfBytes);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.details).toMatchObject({ reason: 'NOT_EDITABLE', state: 'submitted' });
    expect(late.json().error.message.vi).toContain('chỉ thêm hoặc xóa tệp khi là bản nháp hoặc được trả lại để bổ sung');
    const removal = await as(
      t.app,
      people.author.browser,
    )({ method: 'DELETE', url: `/api/movement/initiatives/${initiativeId}/attachments/${publicFileId}` });
    expect(removal.statusCode).toBe(409);
  });

  it('serves the confidential file to authors, managers and the council the initiative is assigned to, and no one else', async () => {
    expect((await step(people.pm.browser, initiativeId, 'start_screening')).statusCode).toBe(200);
    expect((await step(people.pm.browser, initiativeId, 'accept_for_review')).statusCode).toBe(200);
    const assigned = await as(
      t.app,
      people.pm.browser,
    )({
      method: 'POST',
      url: `/api/movement/councils/${councilId}/assignments`,
      payload: { initiativeIds: [initiativeId], reviewersPerInitiative: 1 },
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const reviewerId = assigned.json().assignments[0].reviewerIds[0] as string;
    const reviewer = people.reviewers.find((r) => r.user.id === reviewerId)!;
    // A member of the same council who was not assigned this one: the council decides on the whole dossier.
    const colleague = people.reviewers.find((r) => r.user.id !== reviewerId)!;

    const download = (who: Browser | null, fileId: string) =>
      as(t.app, who)({ method: 'GET', url: `/api/movement/initiatives/${initiativeId}/attachments/${fileId}` });
    for (const who of [
      people.author.browser,
      coAuthor.browser,
      people.pm.browser,
      reviewer.browser,
      colleague.browser,
      people.chair.browser,
    ]) {
      const res = await download(who, confidentialFileId);
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.equals(pngBytes)).toBe(true);
      expect(res.headers['content-disposition']).toBe("attachment; filename*=UTF-8''so-do-may-chu.png");
      expect((await dossier(who, initiativeId)).attachments.map((f: { id: string }) => f.id)).toEqual([publicFileId, confidentialFileId]);
    }
    expect((await download(people.citizen.browser, confidentialFileId)).statusCode).toBe(404);
    expect((await download(people.citizen.browser, publicFileId)).statusCode).toBe(404);
    expect((await download(null, publicFileId)).statusCode).toBe(401);
    // Not public yet: the public route serves nothing.
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/movement/gallery/${initiativeId}/attachments/${publicFileId}` })).statusCode,
    ).toBe(404);
  });

  it('lists and serves only the non-confidential file on the public side once the initiative is recognised, to anyone', async () => {
    await t.testDb.database.db
      .update(initiatives)
      .set({ state: 'recognised', scope: 'city', decidedAt: sql`now()` })
      .where(eq(initiatives.id, initiativeId));
    const page = await t.app.inject({ method: 'GET', url: `/api/movement/gallery/${initiativeId}` });
    expect(page.statusCode).toBe(200);
    expect(page.json().attachments).toEqual([
      {
        id: publicFileId,
        fileName: 'bao-cao-hieu-qua.pdf',
        mediaType: 'application/pdf',
        sizeBytes: pdfBytes.length,
        uploadedAt: expect.any(String),
        url: `/api/movement/gallery/${initiativeId}/attachments/${publicFileId}`,
      },
    ]);
    expect(JSON.stringify(page.json())).not.toContain('so-do-may-chu');
    const anonymous = await t.app.inject({ method: 'GET', url: page.json().attachments[0].url });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.headers['content-type']).toBe('application/pdf');
    expect(anonymous.rawPayload.equals(pdfBytes)).toBe(true);
    const secret = await t.app.inject({ method: 'GET', url: `/api/movement/gallery/${initiativeId}/attachments/${confidentialFileId}` });
    expect(secret.statusCode).toBe(404);
    // Not even the author gets the confidential file through the public route.
    expect(
      (
        await as(
          t.app,
          people.author.browser,
        )({ method: 'GET', url: `/api/movement/gallery/${initiativeId}/attachments/${confidentialFileId}` })
      ).statusCode,
    ).toBe(404);
  });

  it('puts the files a person uploaded in their personal-data export', async () => {
    const movement = await exportMovementDataOf(systemContext(t.testDb.database.db, t.clock), people.author.user.id);
    expect(movement.attachments.map((a: { fileName: string }) => a.fileName)).toEqual(['bao-cao-hieu-qua.pdf', 'so-do-may-chu.png']);
  });

  it('on erasure removes the files of a draft the person never submitted, the bytes by a job after commit', async () => {
    const draft = await as(
      t.app,
      people.citizen.browser,
    )({
      method: 'POST',
      url: '/api/movement/initiatives',
      payload: completeDraft(campaignId, { title: 'Bản nháp sẽ bị xóa cùng tài khoản' }),
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const file = await upload(people.citizen.browser, draft.json().id, 'ho-so-ca-nhan.pdf', pdfBytes);
    expect(file.statusCode, file.body).toBe(201);
    const filesBefore = await storedFiles();
    const db = t.testDb.database.db;
    await db.transaction((tx) => eraseMovementDataOf(systemContext(tx, t.clock), people.citizen.user.id));
    expect(await db.select().from(attachments).where(eq(attachments.id, file.json().id))).toHaveLength(0);
    expect(await db.select().from(initiativeAttachments).where(eq(initiativeAttachments.initiativeId, draft.json().id))).toHaveLength(0);
    const [job] = await db.select().from(jobs).where(eq(jobs.name, removeFilesJob));
    expect(job).toBeDefined();
    await movementModule.jobs!(t.app.services)[removeFilesJob]!(systemContext(db, t.clock), job!.payload);
    expect(await storedFiles()).toBe(filesBefore - 1);
    // The submitted application's files stay: others have relied on them.
    expect(await db.select().from(initiativeAttachments).where(eq(initiativeAttachments.initiativeId, initiativeId))).toHaveLength(2);
  });

  it('answers 400 with a clear message to a bad confidential flag and 415 to a body that is not multipart', async () => {
    const bad = await as(
      t.app,
      people.author.browser,
    )({
      method: 'POST',
      url: `/api/movement/initiatives/${initiativeId}/attachments?confidential=maybe`,
      ...multipartFile('a.pdf', pdfBytes),
    });
    expect(bad.statusCode).toBe(400);
    const json = await as(
      t.app,
      people.author.browser,
    )({ method: 'POST', url: `/api/movement/initiatives/${initiativeId}/attachments`, payload: { file: 'x' } });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.message.en).toBe('Send one file in the "file" field (multipart/form-data)');
    const strays = await t.testDb.database.db.select().from(attachments).where(like(attachments.fileName, 'a.pdf'));
    expect(strays).toHaveLength(0);
  });
});
