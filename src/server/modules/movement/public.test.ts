import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../tests/support/app.js';
import { completeDraft, demoCampaign, manyAccounts, movementPeople, unitId } from '../../../../tests/support/movement.js';
import { as } from '../../../../tests/support/sessions.js';
import { checkComment } from './content-filter.js';

describe('comment filter', () => {
  it.each([
    ['Đ.m mày, đồ ngu', 'refused'],
    ['dm may do ngu', 'refused'],
    ['This is fucking useless', 'refused'],
    ['sh1t idea', 'refused'],
    ['vcl thật', 'refused'],
  ])('refuses profanity: %s', (text, verdict) => {
    expect(checkComment(text).verdict).toBe(verdict);
  });

  it.each([
    'Các bạn làm rất tốt, phường mình nên áp dụng',
    'cac ban lam rat tot',
    'Lớn lên em muốn làm kỹ sư như các anh chị',
    'Dịch vụ này giúp tôi tiết kiệm thời gian',
    'Great initiative, our ward should adopt it',
  ])('lets ordinary Vietnamese and English through: %s', (text) => {
    expect(checkComment(text)).toEqual({ verdict: 'ok' });
  });

  it.each([
    ['Xem ngay http://a.example và http://b.example', 'links'],
    ['Kiếm tiền online tại nhà, liên hệ Zalo 0909', 'spam_phrase'],
    ['SÁNG KIẾN NÀY QUÁ TUYỆT VỜI MỌI NGƯỜI ƠI', 'shouting'],
    ['hayyyyyyyyyyyy quá', 'repetition'],
  ])('holds spam for a moderator: %s', (text, reason) => {
    expect(checkComment(text)).toEqual({ verdict: 'held', reason });
  });
});

describe('the public side', () => {
  let t: TestApp;
  let people: Awaited<ReturnType<typeof movementPeople>>;
  let publicId: string;

  beforeAll(async () => {
    t = await buildTestApp();
    people = await movementPeople(t, 'pub');
    const gallery = await t.app.inject({ method: 'GET', url: '/api/movement/gallery?q=QR' });
    publicId = gallery.json().items[0].id;
  }, 120_000);
  afterAll(() => t?.close());

  it('searches the gallery without diacritics and filters by field and scope', async () => {
    const plain = await t.app.inject({ method: 'GET', url: `/api/movement/gallery?q=${encodeURIComponent('ban do so diem ngap')}` });
    expect(plain.json().items.map((i: { title: string }) => i.title)).toEqual(['Bản đồ số điểm ngập và cảnh báo sớm cho người dân']);
    const accented = await t.app.inject({ method: 'GET', url: `/api/movement/gallery?q=${encodeURIComponent('Điểm Ngập')}` });
    expect(accented.json().total).toBe(1);
    // Whole syllables, except the last word, which may still be being typed: "nga" then begins "ngập".
    const typing = await t.app.inject({ method: 'GET', url: `/api/movement/gallery?q=${encodeURIComponent('diem nga')}` });
    expect(typing.json().total).toBe(1);
    const partial = await t.app.inject({ method: 'GET', url: `/api/movement/gallery?q=${encodeURIComponent('nga diem')}` });
    expect(partial.json().total).toBe(0);
    const oneMissing = await t.app.inject({ method: 'GET', url: `/api/movement/gallery?q=${encodeURIComponent('diem ngap tiem chung')}` });
    expect(oneMissing.json().total).toBe(0);
    const byField = await t.app.inject({ method: 'GET', url: '/api/movement/gallery?field=yte' });
    // The recognised health initiative; the one in screening and the refused one stay out of the gallery.
    expect(byField.json().items.map((i: { title: string }) => i.title)).toEqual(['Sổ sức khỏe điện tử cho học sinh tiểu học']);
    const byScope = await t.app.inject({ method: 'GET', url: '/api/movement/gallery?scope=unit' });
    expect(byScope.json().items.every((i: { scope: string }) => i.scope === 'unit')).toBe(true);
    const bad = await t.app.inject({ method: 'GET', url: '/api/movement/gallery?scope=planet' });
    expect(bad.statusCode).toBe(400);
  });

  it('never shows the confidential part or an unrecognised initiative publicly', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/movement/gallery/${publicId}` });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('không công khai');
    expect(res.json()).not.toHaveProperty('confidentialInfo');
    expect(res.json().replications.length).toBeGreaterThan(0);

    const campaign = await demoCampaign(t);
    const draft = await as(
      t.app,
      people.author.browser,
    )({ method: 'POST', url: '/api/movement/initiatives', payload: completeDraft(campaign.id) });
    expect(draft.json().confidentialInfo).toBe('Mật khẩu máy chủ: không công khai');
    expect((await t.app.inject({ method: 'GET', url: `/api/movement/gallery/${draft.json().id}` })).statusCode).toBe(404);
    expect(
      (await as(t.app, people.citizen.browser)({ method: 'GET', url: `/api/movement/initiatives/${draft.json().id}` })).statusCode,
    ).toBe(404);
  });

  it('comments: profanity refused, spam held, reports hold a comment, a moderator hides it', async () => {
    const url = `/api/movement/gallery/${publicId}/comments`;
    const rude = await as(t.app, people.citizen.browser)({ method: 'POST', url, payload: { body: 'đồ ngu, dm may' } });
    expect(rude.statusCode).toBe(400);
    expect(rude.json().error.message.vi).toBe('Bình luận có từ ngữ thô tục; vui lòng viết lại lịch sự hơn');
    const spam = await as(t.app, people.citizen.browser)({ method: 'POST', url, payload: { body: 'Kiếm tiền online tại nhà' } });
    expect(spam.json().status).toBe('held');
    const good = await as(
      t.app,
      people.citizen.browser,
    )({ method: 'POST', url, payload: { body: 'Phường tôi đã áp dụng, rất hiệu quả!' } });
    expect(good.statusCode).toBe(201);
    let list = await t.app.inject({ method: 'GET', url });
    expect(list.json().comments.map((c: { body: string }) => c.body)).toEqual(['Phường tôi đã áp dụng, rất hiệu quả!']);
    // Each reader's own comment is marked as theirs (the page offers no "report" button on it); a visitor owns none.
    expect(good.json().isMine).toBe(true);
    expect(list.json().comments.map((c: { isMine: boolean }) => c.isMine)).toEqual([false]);
    const byAuthor = await as(t.app, people.citizen.browser)({ method: 'GET', url });
    expect(byAuthor.json().comments.map((c: { isMine: boolean }) => c.isMine)).toEqual([true]);
    const byOther = await as(t.app, people.author.browser)({ method: 'GET', url });
    expect(byOther.json().comments.map((c: { isMine: boolean }) => c.isMine)).toEqual([false]);

    const reporters = await manyAccounts(t, 3, 'bao-cao');
    for (const reporter of [...reporters, reporters[0]!]) {
      await as(
        t.app,
        reporter,
      )({ method: 'POST', url: `/api/movement/comments/${good.json().id}/reports`, payload: { reason: 'Không liên quan' } });
    }
    list = await t.app.inject({ method: 'GET', url });
    expect(list.json().comments).toEqual([]);
    const queue = await as(t.app, people.pm.browser)({ method: 'GET', url: '/api/movement/moderation/comments' });
    expect(queue.json().comments.find((c: { id: string }) => c.id === good.json().id)).toMatchObject({ status: 'held', reportCount: 3 });
    const shown = await as(
      t.app,
      people.pm.browser,
    )({ method: 'POST', url: `/api/movement/comments/${good.json().id}/moderation`, payload: { action: 'show', note: 'Không vi phạm' } });
    expect(shown.json().status).toBe('visible');
    const hidden = await as(
      t.app,
      people.pm.browser,
    )({ method: 'POST', url: `/api/movement/comments/${spam.json().id}/moderation`, payload: { action: 'hide', note: 'Quảng cáo' } });
    expect(hidden.json().status).toBe('hidden');
    expect((await t.app.inject({ method: 'GET', url })).json().comments).toHaveLength(1);
  });

  it('records a replication only for the officer’s own unit, and lists the most replicated', async () => {
    const other = await as(
      t.app,
      people.officer.browser,
    )({
      method: 'POST',
      url: `/api/movement/initiatives/${publicId}/replications`,
      payload: { unitId: await unitId(t, '25807'), adoptedOn: '2026-02-01', results: 'Áp dụng tốt' },
    });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.message.en).toMatch(/^Only an officer of .+ may record that it applies the initiative$/);
    const most = await t.app.inject({ method: 'GET', url: '/api/movement/most-replicated' });
    expect(most.json().items[0].title).toBe('Tiếp nhận hồ sơ hành chính qua mã QR tại bộ phận một cửa phường');
  });
});
