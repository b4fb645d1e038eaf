import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../tests/support/app.js';
import { completeDraft, demoCampaign } from '../../../../tests/support/movement.js';
import { as, userWithRoles } from '../../../../tests/support/sessions.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

it('answers the same for a co-author e-mail with an account and one without, so the field cannot probe for accounts', async () => {
  const { browser: author } = await userWithRoles(t, 'tac-gia@example.vn', [{ role: 'registered_user', unitCode: '79' }]);
  await userWithRoles(t, 'co-tai-khoan@example.vn', [{ role: 'registered_user', unitCode: '79' }]);
  const coAuthor = (email: string) => ({
    fullName: 'Đồng tác giả',
    email,
    workplace: 'Phường Bến Thành',
    jobTitle: 'Cán bộ',
    qualification: 'Đại học',
    contributionPercent: 20,
  });
  const created = await as(
    t.app,
    author,
  )({
    method: 'POST',
    url: '/api/movement/initiatives',
    payload: completeDraft((await demoCampaign(t)).id, {
      authors: [
        {
          fullName: 'Tác giả',
          email: 'tac-gia@example.vn',
          workplace: 'Phường Bến Thành',
          jobTitle: 'Cán bộ',
          qualification: 'Đại học',
          contributionPercent: 60,
        },
        coAuthor('co-tai-khoan@example.vn'),
        coAuthor('khong-co-tai-khoan@example.vn'),
      ],
    }),
  });
  expect(created.statusCode, created.body).toBe(201);
  const withoutIdentity = (a: Record<string, unknown>) => ({ ...a, id: undefined, email: undefined });
  const [, known, unknown] = created.json().authors as Array<Record<string, unknown>>;
  expect(withoutIdentity(known!)).toEqual(withoutIdentity(unknown!));
  expect(known!.isConfirmationNeeded).toBe(true);
  expect(Object.keys(known!)).not.toContain('hasAccount');
});
