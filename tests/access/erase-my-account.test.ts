import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.js';
import { as, signIn, testPassword } from '../support/sessions.js';
import { editLoaded } from '../support/versions.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const personal = {
  email: 'tran.thi.hoa@example.vn',
  displayName: 'Trần Thị Hoa',
  phone: '+84 912 345 678',
  organizationName: 'Công ty Hoa Sen Số',
};

/** Every text-like column of every table that contains the value. */
async function columnsContaining(value: string): Promise<string[]> {
  const db = t.testDb.database.db;
  const columns = await db.execute<{ table_name: string; column_name: string }>(sql`
    select table_name, column_name from information_schema.columns
    where table_schema = 'public' and data_type in ('text', 'character varying', 'jsonb', 'json', 'ARRAY')`);
  const found: string[] = [];
  for (const { table_name, column_name } of columns.rows) {
    const hit = await db.execute(
      sql.raw(
        `select 1 from "${table_name}" where position(lower('${value.replace(/'/g, "''")}') in lower("${column_name}"::text)) > 0 limit 1`,
      ),
    );
    if (hit.rows.length > 0) found.push(`${table_name}.${column_name}`);
  }
  return found;
}

it("leaves none of the person's personal data in any text column after erase-my-account", async () => {
  await t.app.inject({
    method: 'POST',
    url: '/api/auth/sign-up',
    payload: {
      email: personal.email,
      password: testPassword,
      displayName: personal.displayName,
      accountKind: 'enterprise',
      organizationName: personal.organizationName,
      consent: true,
    },
  });
  const browser = await signIn(t.app, personal.email, testPassword);
  const request = as(t.app, browser);
  expect((await editLoaded(request, '/api/account', { phone: personal.phone })).statusCode).toBe(200);
  await request({ method: 'POST', url: '/api/account/tokens', payload: { name: `token của ${personal.displayName}`, scopes: ['read'] } });
  await request({ method: 'POST', url: '/api/account/totp/enrol' });
  await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { email: personal.email } });

  const exported = await request({ method: 'GET', url: '/api/account/export' });
  expect(exported.headers['content-disposition']).toMatch(/attachment/);
  expect(exported.json().account).toMatchObject({
    email: personal.email,
    phone: personal.phone,
    organizationName: personal.organizationName,
  });
  expect(await columnsContaining(personal.email)).not.toEqual([]);

  const refused = await request({
    method: 'POST',
    url: '/api/account/erase',
    payload: { confirmEmail: 'someone.else@example.vn', password: testPassword },
  });
  expect(refused.statusCode).toBe(400);
  const erased = await request({
    method: 'POST',
    url: '/api/account/erase',
    payload: { confirmEmail: personal.email, password: testPassword },
  });
  expect(erased.statusCode).toBe(204);

  for (const value of Object.values(personal)) expect(await columnsContaining(value), value).toEqual([]);
  // The audit log still holds the account's history under its pseudonymous id, and still verifies.
  const [{ id }] = (await t.testDb.database.db.execute<{ id: string }>(sql`select id from users where erased_at is not null`)).rows as [
    { id: string },
  ];
  const history = await t.testDb.database.db.execute(sql`select action from audit_events where entity_id = ${id} order by id`);
  expect(history.rows.map((r) => (r as { action: string }).action)).toEqual(expect.arrayContaining(['users.sign_up', 'users.erase']));
  expect((await as(t.app, browser)({ method: 'GET', url: '/api/account' })).statusCode).toBe(401);
  expect(
    (await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: personal.email, password: testPassword } }))
      .statusCode,
  ).toBe(401);
});
