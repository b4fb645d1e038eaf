import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../tests/support/app.js';
import type { TestDatabase } from '../../../tests/support/engines.js';
import { units, users } from '../modules/identity/schema.js';
import { toErrorBody } from '../plugins/errors.js';
import { loggerOptions, sqlStateOf } from './logging.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await useTestDatabase('demo');
});
afterAll(() => t.dispose());

/** What the database throws for `run`, as the application sees it (through Drizzle). */
async function failureOf(run: () => Promise<unknown>): Promise<Error> {
  try {
    await run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('the query was expected to fail');
}

/** The JSON line the application's logger writes for a request that failed with `error`. */
function logLineFor(error: Error): { text: string; line: { err: Record<string, unknown> } } {
  const written: string[] = [];
  const logger = pino(loggerOptions('info'), { write: (chunk: string) => written.push(chunk) });
  logger.error({ err: error }, 'request failed');
  expect(written).toHaveLength(1);
  return { text: written[0]!, line: JSON.parse(written[0]!) };
}

describe('a failing query in the logs', () => {
  it('keeps the SQL text and the SQLSTATE, not the parameter (which PostgreSQL also quotes in its message)', async () => {
    const secret = 'nguyen.van.an@example.vn';
    const error = await failureOf(() => t.database.db.select({ id: users.id }).from(users).where(eq(users.id, secret)));
    expect(sqlStateOf(error)).toBe('22P02');
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).toContain(secret);

    const { text, line } = logLineFor(error);
    expect(line.err.query).toMatch(/^select "id" from "users" where "users"\."id" = \$1/);
    expect(line.err.paramCount).toBe(1);
    expect((line.err.cause as Record<string, unknown>).code).toBe('22P02');
    expect(text).toContain('invalid input syntax for type uuid');
    expect(text).not.toContain(secret);
    expect(text).not.toContain('nguyen.van.an');
  });

  it('leaves out the driver’s detail, which names the duplicate value', async () => {
    const [existing] = await t.database.db.select().from(units).where(eq(units.code, 'SKHCN'));
    const marker = 'Tên riêng của một người 4711';
    const error = await failureOf(() =>
      t.database.db
        .insert(units)
        .values({ code: existing!.code, nameVi: marker, nameEn: marker, kind: 'agency', parentId: existing!.parentId }),
    );
    expect(sqlStateOf(error)).toBe('23505');
    expect(String((error.cause as { detail?: string }).detail)).toContain('SKHCN');

    const { text, line } = logLineFor(error);
    expect(line.err.query).toMatch(/^insert into "units"/);
    expect(line.err.cause).toMatchObject({ code: '23505', table: 'units' });
    expect(line.err.cause).not.toHaveProperty('detail');
    expect(text).not.toContain(marker);
    expect(text).not.toContain('SKHCN');
  });
});

describe('a database error in the answer', () => {
  it('is a 400 in both languages when PostgreSQL refuses a value (data exception), a 409 for a duplicate, a 500 otherwise', async () => {
    const dataException = await failureOf(() => t.database.db.execute(`select '0000-01-01'::date`));
    expect(sqlStateOf(dataException)).toMatch(/^22/);
    const answered = toErrorBody(dataException, 'req-1');
    expect(answered.status).toBe(400);
    expect(answered.body.error.code).toBe('BAD_REQUEST');
    expect(answered.body.error.message.vi).toMatch(/không hợp lệ/);
    expect(answered.body.error.message.en).toMatch(/not valid/);

    const nul = await failureOf(() => t.database.db.select({ id: units.id }).from(units).where(eq(units.code, 'a\u0000b')));
    expect(sqlStateOf(nul)).toBe('22021');
    expect(toErrorBody(nul, 'req-2').status).toBe(400);

    const [existing] = await t.database.db.select().from(units).where(eq(units.code, 'SKHCN'));
    const duplicate = await failureOf(() => t.database.db.insert(units).values({ ...existing!, id: undefined }));
    expect(toErrorBody(duplicate, 'req-3')).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT' } } });

    const missingTable = await failureOf(() => t.database.db.execute('select * from no_such_table'));
    expect(toErrorBody(missingTable, 'req-4')).toMatchObject({ status: 500, body: { error: { code: 'INTERNAL' } } });
  });
});
