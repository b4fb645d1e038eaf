import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../tests/support/app.js';
import { completeDraft, createCouncil, demoCampaign, movementPeople, unitId } from '../../../../tests/support/movement.js';
import { as } from '../../../../tests/support/sessions.js';
import { auditEvents } from '../../db/platform-schema.js';
import { awards, awardTypes, councilDecisions, initiatives, reviewAssignments } from './schema.js';

/**
 * Recognition comes with its certificate (Decree 13/2012/NĐ-CP): the council's recognition issues
 * the Giấy chứng nhận sáng kiến at once, to the authors, and only once.
 */
let t: TestApp;
let people: Awaited<ReturnType<typeof movementPeople>>;
let councilId: string;
const db = () => t.testDb.database.db;

beforeAll(async () => {
  t = await buildTestApp();
  people = await movementPeople(t, 'gcn');
  const campaign = await demoCampaign(t);
  councilId = (await createCouncil(t, people.pm.browser, campaign.id, people.chair, people.reviewers.slice(0, 2))).id;
}, 120_000);
afterAll(() => t?.close());

/** A new application of the author's, before the council with its one review in. */
async function underReview(): Promise<string> {
  const campaign = await demoCampaign(t);
  const created = await as(
    t.app,
    people.author.browser,
  )({ method: 'POST', url: '/api/movement/initiatives', payload: completeDraft(campaign.id, { unitId: await unitId(t, 'SKHCN') }) });
  const id: string = created.json().id;
  await db()
    .insert(reviewAssignments)
    .values({ councilId, initiativeId: id, reviewerId: people.reviewers[0]!.user.id, submittedAt: t.clock.now().toISOString() });
  await db().update(initiatives).set({ state: 'under_review' }).where(eq(initiatives.id, id));
  return id;
}

const decide = (initiativeId: string, outcome: 'recognised' | 'not_recognised') =>
  as(
    t.app,
    people.chair.browser,
  )({
    method: 'POST',
    url: `/api/movement/councils/${councilId}/decisions`,
    payload: {
      initiativeId,
      outcome,
      scope: 'unit',
      votesFor: outcome === 'recognised' ? 3 : 0,
      votesAgainst: outcome === 'recognised' ? 0 : 3,
      reason: 'Biểu quyết của hội đồng',
    },
  });

const certificatesOf = async (initiativeId: string) =>
  db()
    .select({ id: awards.id, recipients: awards.recipients, decisionRef: awards.decisionRef, awardedOn: awards.awardedOn })
    .from(awards)
    .innerJoin(awardTypes, eq(awardTypes.id, awards.awardTypeId))
    .where(and(eq(awards.initiativeId, initiativeId), eq(awardTypes.code, 'GCN-SK')));

describe('the certificate of recognition', () => {
  it('is issued when the council recognises an initiative, to its authors, public, audited; the initiative stays "recognised"', async () => {
    const id = await underReview();
    const res = await decide(id, 'recognised');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().state).toBe('recognised');
    const [certificate] = await certificatesOf(id);
    expect(certificate).toMatchObject({
      recipients: 'Nguyễn Văn An',
      awardedOn: '2026-03-02',
      decisionRef: 'Công nhận theo biên bản của Hội đồng sáng kiến Thành phố ngày 02/03/2026',
    });
    const shown = await t.app.inject({ method: 'GET', url: `/api/movement/awards/${certificate!.id}` });
    expect(shown.json()).toMatchObject({ type: { vi: 'Giấy chứng nhận sáng kiến' }, initiativeId: id });
    const [audit] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'awards.issue-certificate'), eq(auditEvents.entityId, certificate!.id)));
    expect(audit).toBeDefined();
  });

  it('is not issued twice: an initiative that already holds one keeps it', async () => {
    const id = await underReview();
    await decide(id, 'recognised');
    // Back before the council (as a return and resubmission would bring it), and recognised again.
    await db().delete(councilDecisions).where(eq(councilDecisions.initiativeId, id));
    await db().update(initiatives).set({ state: 'under_review' }).where(eq(initiatives.id, id));
    expect((await decide(id, 'recognised')).statusCode).toBe(200);
    expect(await certificatesOf(id)).toHaveLength(1);
  });

  it('is not issued when the council refuses', async () => {
    const id = await underReview();
    expect((await decide(id, 'not_recognised')).json().state).toBe('not_recognised');
    expect(await certificatesOf(id)).toEqual([]);
  });

  it('exists on a database without the demo data: the migrations load its award type', async () => {
    const empty = await buildTestApp({ template: 'empty' });
    try {
      const types = await empty.app.inject({ method: 'GET', url: '/api/movement/award-types' });
      expect(types.json().types.map((type: { code: string }) => type.code)).toEqual(['GCN-SK']);
    } finally {
      await empty.close();
    }
  });
});
