import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.js';
import { as, enrolTotp, userWithRoles, type Browser } from '../support/sessions.js';
import { exampleOf, operationsOf, replaceAt, textLeaves, urlOf, type OpenApiDocument, type Operation } from './openapi-requests.js';

/**
 * Every operation of the OpenAPI document, as anonymous and as each role, with hostile input:
 * U+0000 in each path parameter, query parameter and text field of the body; impossible dates in
 * each date field; text one character over each field's declared limit (1 MB where none is
 * declared) and a 1 MB string in one field of every body; wrong content types; multipart bodies
 * without a boundary or with a NUL in the file name. Each probe changes one thing in a request that
 * is otherwise valid, so it reaches as far as that one thing lets it. None may get a 5xx.
 */
const roles = [
  ['registered user', 'registered_user', false],
  ['unit officer', 'unit_officer', false],
  ['reviewer', 'reviewer', false],
  ['leader', 'leader', false],
  ['programme manager', 'programme_manager', true],
  ['administrator', 'administrator', true],
] as const;
const callerNames = ['anonymous', ...roles.map(([name]) => name)];
/** Who gets every probe of an operation: the first of these its policy lets through. */
const fullSetCallers = ['administrator', 'programme manager', 'unit officer', 'reviewer', 'leader', 'registered user', 'anonymous'];

type Kind =
  | 'valid-looking'
  | 'NUL character'
  | 'impossible date'
  | 'oversized text'
  | 'wrong content type'
  | 'multipart without boundary'
  | 'NUL in file name';
type Probe = { kind: Kind; label: string; options: InjectOptions };
type HostileValue = { kind: Kind; name: string; make(current: string): string };

const megabyte = 'lorem ipsum '.repeat(83_334).slice(0, 1_000_000);
// Node refuses a request line over 16 KB (431) before Fastify sees it: the longest text a path or query can bring.
const longestUrlText = megabyte.slice(0, 16_000);

/**
 * The hostile values for one place: a NUL, oversized text and, where a date goes, dates PostgreSQL refuses or
 * overflows on. Oversized is one character over the limit the document declares for a body field (the limit
 * itself is what is tested, and most are a few hundred characters), and 1 MB where it declares none.
 */
function hostileValues(isDate: boolean, place: { inUrl: true } | { inUrl: false; maxLength: number | undefined }): HostileValue[] {
  const oversized: HostileValue = place.inUrl
    ? { kind: 'oversized text', name: '16 KB string', make: () => longestUrlText }
    : place.maxLength === undefined
      ? { kind: 'oversized text', name: '1 MB string', make: () => megabyte }
      : { kind: 'oversized text', name: `${place.maxLength + 1}-character string`, make: () => megabyte.slice(0, place.maxLength! + 1) };
  return [
    { kind: 'NUL character', name: 'NUL character', make: (text) => `${text.slice(0, 4)}\u0000${text.slice(4)}` },
    oversized,
    ...(isDate
      ? ['0000-01-01', '9999-12-31'].map((date): HostileValue => ({ kind: 'impossible date', name: `date ${date}`, make: () => date }))
      : []),
  ];
}
const boundary = 'doimoi-hostile-input';
const multipartBody = (fileName: string) =>
  `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 bao cao\r\n--${boundary}--\r\n`;

/** One valid-looking request for the operation, then one probe per hostile value and place. */
function probesFor(operation: Operation): Probe[] {
  const params = Object.fromEntries(operation.params.map((p) => [p.name, String(exampleOf(p.schema))]));
  const query = Object.fromEntries(operation.query.map((p) => [p.name, String(exampleOf(p.schema))]));
  const body = operation.body ? exampleOf(operation.body) : undefined;
  // Bodies are serialised once here, not once per caller.
  const request = (over: { params?: Record<string, string>; query?: Record<string, string>; body?: unknown } = {}): InjectOptions => ({
    method: operation.method as InjectOptions['method'],
    url: urlOf(operation, over.params ?? params, over.query ?? query),
    ...(operation.body ? { headers: { 'content-type': 'application/json' }, payload: JSON.stringify(over.body ?? body) } : {}),
  });
  const probes: Probe[] = [{ kind: 'valid-looking', label: 'valid-looking request', options: request() }];
  for (const { name } of operation.params) {
    for (const value of hostileValues(false, { inUrl: true })) {
      probes.push({
        kind: value.kind,
        label: `${value.name} in path parameter ${name}`,
        options: request({ params: { ...params, [name]: value.make(params[name]!) } }),
      });
    }
  }
  for (const { name, schema } of operation.query) {
    for (const value of hostileValues(schema.format === 'date', { inUrl: true })) {
      probes.push({
        kind: value.kind,
        label: `${value.name} in query ${name}`,
        options: request({ query: { ...query, [name]: value.make(query[name]!) } }),
      });
    }
  }
  if (operation.body) {
    const leaves = textLeaves(operation.body, body);
    // Every body also meets a 1 MB string once, in its first text field, whatever limit that field declares.
    const first = leaves[0];
    if (first && first.maxLength !== undefined) {
      probes.push({
        kind: 'oversized text',
        label: `1 MB string in body.${first.path.join('.')}`,
        options: request({ body: replaceAt(body, first.path, megabyte) }),
      });
    }
    for (const leaf of leaves) {
      const current = leaf.path.reduce<unknown>((at, key) => (at as Record<string | number, unknown>)[key], body) as string;
      for (const value of hostileValues(leaf.isDate, { inUrl: false, maxLength: leaf.maxLength })) {
        probes.push({
          kind: value.kind,
          label: `${value.name} in body.${leaf.path.join('.')}`,
          options: request({ body: replaceAt(body, leaf.path, value.make(current)) }),
        });
      }
    }
  }
  const url = urlOf(operation, params, query);
  const method = operation.method as InjectOptions['method'];
  for (const contentType of ['text/plain', 'application/xml']) {
    probes.push({
      kind: 'wrong content type',
      label: `body as ${contentType}`,
      options: {
        method,
        url,
        headers: { 'content-type': contentType },
        payload: contentType === 'text/plain' ? JSON.stringify(body ?? {}) : '<request/>',
      },
    });
  }
  probes.push({
    kind: 'multipart without boundary',
    label: 'multipart without boundary',
    options: { method, url, headers: { 'content-type': 'multipart/form-data' }, payload: multipartBody('bao-cao.pdf') },
  });
  probes.push({
    kind: 'NUL in file name',
    label: 'multipart with a NUL in the file name',
    options: {
      method,
      url,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: multipartBody('bao\u0000cao.pdf'),
    },
  });
  return probes;
}

const zodIssueCodes = new Set([
  'invalid_type',
  'too_small',
  'too_big',
  'invalid_format',
  'not_multiple_of',
  'unrecognized_keys',
  'invalid_union',
  'invalid_key',
  'invalid_element',
  'invalid_value',
  'custom',
]);
/** Refused by the route's schema (not by its service): the valid-looking request was not valid after all. */
function schemaRejection(res: LightMyRequestResponse): string | null {
  if (res.statusCode !== 400) return null;
  const details = (res.json() as { error: { code: string; details?: Array<{ code?: string; path?: string }> } }).error;
  if (details.code !== 'VALIDATION' || !Array.isArray(details.details)) return null;
  const fromSchema = details.details.filter((d) => d.code && zodIssueCodes.has(d.code));
  return fromSchema.length > 0 ? fromSchema.map((d) => d.path).join(', ') : null;
}

/** What the probe must get: never a 5xx, and the status that says the input itself was refused where that is known. */
function problemWith(probe: Probe, res: LightMyRequestResponse, isDenied: boolean, method: string): string | null {
  const status = res.statusCode;
  if (status >= 500) return `${status} ${res.body.slice(0, 300)}`;
  const expectOneOf = (...allowed: number[]) =>
    allowed.includes(status) ? null : `${status}, expected ${allowed.join(' or ')}: ${res.body.slice(0, 300)}`;
  switch (probe.kind) {
    case 'valid-looking': {
      const rejected = isDenied ? null : schemaRejection(res);
      return rejected
        ? `the valid-looking request was refused by the schema at ${rejected}: fix the example built from the document`
        : null;
    }
    case 'NUL character': {
      const code = status === 400 ? (res.json() as { error: { code: string } }).error.code : null;
      return expectOneOf(400) ?? (code === 'VALIDATION' ? null : `code ${code}, expected VALIDATION`);
    }
    case 'impossible date':
      return isDenied ? expectOneOf(400, 401, 403) : expectOneOf(400);
    case 'oversized text':
      return isDenied ? expectOneOf(400, 401, 403, 413) : expectOneOf(400, 413);
    case 'wrong content type':
      return method === 'GET' ? null : expectOneOf(415);
    case 'multipart without boundary':
      return expectOneOf(400);
    case 'NUL in file name':
      return null;
  }
}

// Sign-in, sign-up and the account's own routes may end or replace the caller's session; they go last, signing out at the very end.
const order = (operation: Operation) =>
  operation.path.endsWith('/sign-out') ? 2 : /^\/api\/(auth|account)\b/.test(operation.path) ? 1 : 0;

let t: TestApp;
let operations: Array<Operation & { probes: Probe[] }>;
const browsers = new Map<string, Browser | null>();
beforeAll(async () => {
  t = await buildTestApp();
  operations = operationsOf(t.app.swagger() as OpenApiDocument)
    .sort((a, b) => order(a) - order(b))
    .map((operation) => ({ ...operation, probes: probesFor(operation) }));
  browsers.set('anonymous', null);
  for (const [name, role, needsSecondFactor] of roles) {
    const { browser } = await userWithRoles(t, `${role.replace('_', '-')}@hostile.example.vn`, [
      { role, unitCode: role === 'unit_officer' ? 'SKHCN' : '79', includesSubtree: role !== 'unit_officer' },
    ]);
    if (needsSecondFactor) await enrolTotp(t, browser);
    browsers.set(name, browser);
  }
});
afterAll(() => t.close());

let sent = 0;
/** Each request from its own address, so per-address limits (sign-in, anonymous writes) never answer in place of the route. */
const nextAddress = () => {
  sent += 1;
  return `10.${(sent >> 16) & 255}.${(sent >> 8) & 255}.${sent & 255}`;
};

describe('hostile input, on every route of the OpenAPI document', () => {
  it('covers every operation with probes', () => {
    expect(operations.length).toBeGreaterThan(100);
    for (const operation of operations) expect(operation.probes.length, `${operation.method} ${operation.path}`).toBeGreaterThanOrEqual(5);
  });

  it('never answers 5xx, as anonymous or as any role', async () => {
    const problems: string[] = [];
    const startedAt = performance.now();
    const send = async (caller: string, operation: Operation, probe: Probe, isDenied: boolean) => {
      const res = await as(t.app, browsers.get(caller)!)({ ...probe.options, remoteAddress: nextAddress() });
      const problem = problemWith(probe, res, isDenied, operation.method);
      if (problem) problems.push(`${caller} · ${operation.method} ${operation.path} · ${probe.label}: ${problem}`);
      return res;
    };
    for (const [operationIndex, operation] of operations.entries()) {
      const [baseline, ...hostile] = operation.probes;
      const denied = new Map<string, boolean>();
      await Promise.all(
        callerNames.map(async (caller) => {
          const res = await send(caller, operation, baseline!, false);
          denied.set(caller, res.statusCode === 401 || res.statusCode === 403);
        }),
      );
      // Validation does not depend on who calls, so one caller the policy lets through gets every probe and
      // each other caller one probe, taking the kinds in turn from one operation to the next: over the
      // document, each caller still meets every kind of hostile input on many operations.
      const thorough = fullSetCallers.find((caller) => !denied.get(caller)) ?? 'anonymous';
      const kinds = hostile.filter((probe, index) => hostile.findIndex((other) => other.kind === probe.kind) === index);
      await Promise.all(
        callerNames.map(async (caller, callerIndex) => {
          const probes = caller === thorough ? hostile : [kinds[(operationIndex + callerIndex) % kinds.length]!];
          for (const probe of probes) await send(caller, operation, probe, denied.get(caller)!);
        }),
      );
    }
    console.info(
      `hostile input: ${sent} requests to ${operations.length} operations as ${callerNames.length} callers in ${Math.round(performance.now() - startedAt)} ms`,
    );
    expect(problems).toEqual([]);
  }, 600_000);
});
