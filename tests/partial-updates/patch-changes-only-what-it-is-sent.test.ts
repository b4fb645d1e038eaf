import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.js';
import { editLoaded } from '../support/versions.js';
import type { Browser } from '../support/sessions.js';
import { patchFixtures, type Patcher } from './fixtures.js';
import { fixtureContext, patchOperations, patcherBrowsers, type Operation } from './patchers.js';

/**
 * Every PATCH route in the OpenAPI document, one field at a time: the field takes its new value
 * and every other field of the resource, as GET shows it, stays as it was. Resources are made with
 * every field away from its default, so a default leaking into an update would show.
 */
let t: TestApp;
let operations: Operation[];
let browsers: Map<Patcher, Browser>;
beforeAll(async () => {
  t = await buildTestApp();
  operations = patchOperations(t);
  browsers = await patcherBrowsers(t);
});
afterAll(() => t.close());

/** Leaves of a representation by dotted path; lists are compared whole. */
function flatten(value: unknown, prefix = ''): Map<string, unknown> {
  const leaves = new Map<string, unknown>();
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, item] of Object.entries(value))
      for (const [path, leaf] of flatten(item, prefix ? `${prefix}.${key}` : key)) leaves.set(path, leaf);
  } else {
    leaves.set(prefix, value);
  }
  return leaves;
}

const valueAt = (resource: Record<string, unknown>, path: string): unknown =>
  path.split('.').reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], resource);

function untouched(resource: Record<string, unknown>, excluded: string[]): Record<string, unknown> {
  const isExcluded = (path: string) => excluded.some((prefix) => path === prefix || path.startsWith(`${prefix}.`));
  return Object.fromEntries([...flatten(resource)].filter(([path]) => !isExcluded(path)));
}

describe('partial updates', () => {
  it('have a fixture for every PATCH route of the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThan(0);
    expect(operations.map((op) => op.key).sort()).toEqual(Object.keys(patchFixtures).sort());
  });

  it.each(Object.keys(patchFixtures))('%s changes the one field it is sent and keeps every other', async (key) => {
    const operation = operations.find((op) => op.key === key)!;
    const fixture = patchFixtures[key]!;
    const context = await fixtureContext(t, browsers.get(fixture.patcher)!);
    const { request } = context;
    const subject = await fixture.setup(context);
    // Every field of the body has a change to try, so a field added later is tried too.
    expect(Object.keys(subject.fields).sort(), `${key}: fields of the body`).toEqual([...operation.fields].sort());

    for (const [field, change] of Object.entries(subject.fields)) {
      const before = await subject.read();
      const res = await editLoaded(request, subject.url, { [field]: change.value });
      expect(res.statusCode, `${key} {${field}}: ${res.body}`).toBe(200);
      const after = await subject.read();

      const reads = change.reads ?? ((shown: unknown) => shown);
      const expected = change.expected ?? change.value;
      expect(reads(valueAt(before, change.touches[0])), `${key} {${field}}: the test value must differ from the current one`).not.toEqual(
        expected,
      );
      expect(reads(valueAt(after, change.touches[0])), `${key} {${field}}: takes the new value`).toEqual(expected);
      const excluded = [...change.touches, ...(subject.volatile ?? [])];
      expect(untouched(after, excluded), `${key} {${field}}: every other field stays`).toEqual(untouched(before, excluded));
    }
  });
});
