import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../tests/support/app.js';
import { as } from '../../../../tests/support/sessions.js';
import { awards, initiativeAuthors, initiatives } from '../movement/schema.js';
import { ecoOrganisations } from './schema.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const db = () => t.testDb.database.db;
type Linked = { code: string; url: string; awards: Array<{ name: { vi: string }; decisionRef: string }> };
const linksOf = async (slug: string): Promise<Linked[]> => {
  const res = await as(t.app, null)({ method: 'GET', url: `/api/ecosystem/organisations/by-slug/${slug}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().platformLinks.initiatives;
};

describe("an organisation's initiatives and awards elsewhere on the platform", () => {
  it('links public initiatives that name it as owner or as an author’s workplace, with their awards, never one not yet public', async () => {
    const [org] = await db().select().from(ecoOrganisations).where(eq(ecoOrganisations.kind, 'incubator')).limit(1);
    const [awarded] = await db()
      .select({ id: initiatives.id, code: initiatives.code })
      .from(initiatives)
      .innerJoin(awards, eq(awards.initiativeId, initiatives.id))
      .limit(1);
    const [recognised] = await db()
      .select({ id: initiatives.id, code: initiatives.code })
      .from(initiatives)
      .where(sql`${initiatives.state} in ('recognised', 'replicated') and ${initiatives.id} <> ${awarded!.id}`)
      .limit(1);
    const [unpublished] = await db()
      .select({ id: initiatives.id })
      .from(initiatives)
      .where(sql`${initiatives.state} not in ('recognised', 'awarded', 'replicated')`)
      .limit(1);
    expect(await linksOf(org!.slug)).toEqual([]);

    // The owner written in other case and without diacritics; an author's workplace; a draft owned by it.
    const unaccented = org!.nameVi
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D');
    await db()
      .update(initiatives)
      .set({ ownerName: `  ${unaccented.toUpperCase()} ` })
      .where(eq(initiatives.id, awarded!.id));
    await db().update(initiativeAuthors).set({ workplace: org!.nameVi }).where(eq(initiativeAuthors.initiativeId, recognised!.id));
    await db()
      .update(initiatives)
      .set({ ownerName: org!.nameVi })
      .where(inArray(initiatives.id, [unpublished!.id]));

    const linked = await linksOf(org!.slug);
    expect(linked.map((i) => i.code).sort()).toEqual([awarded!.code, recognised!.code].sort());
    const withAward = linked.find((i) => i.code === awarded!.code)!;
    expect(withAward.url).toBe(`/thu-vien-sang-kien/${awarded!.id}`);
    expect(withAward.awards.length).toBeGreaterThan(0);
    expect(linked.find((i) => i.code === recognised!.code)!.awards).toEqual([]);
  });
});
