import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  initiativeStates,
  workflowActions,
  workflowRoles,
  type InitiativeState,
  type WorkflowAction,
  type WorkflowRole,
} from '../../../shared/contracts/movement.js';
import { buildTestApp, type TestApp } from '../../../../tests/support/app.js';
import { completeDraft, createCouncil, demoCampaign, movementPeople, unitId } from '../../../../tests/support/movement.js';
import { as, type Browser } from '../../../../tests/support/sessions.js';
import { AppError } from '../../lib/errors.js';
import { awards, councilDecisions, initiatives, replications, reviewAssignments } from './schema.js';
import { findTransition, isCouncilStep, resolveTransition, transitions } from './workflow.js';

/**
 * The workflow written out again, independently of workflow.ts, as the issue states it:
 * "state action role → next state". Every triple not listed here must be refused.
 */
const expected = `
  draft submit author submitted
  draft withdraw author withdrawn
  submitted start_screening programme_manager screening
  submitted withdraw author withdrawn
  screening return programme_manager returned
  screening accept_for_review programme_manager under_review
  screening withdraw author withdrawn
  returned resubmit author submitted
  returned withdraw author withdrawn
  under_review return council_chair returned
  under_review recognise council_chair recognised
  under_review refuse council_chair not_recognised
  recognised award programme_manager awarded
  recognised replicate unit_officer replicated
  awarded award programme_manager awarded
  awarded replicate unit_officer replicated
  replicated award programme_manager replicated
  replicated replicate unit_officer replicated
`
  .trim()
  .split('\n')
  .map((line) => line.trim().split(/\s+/) as [InitiativeState, WorkflowAction, WorkflowRole, InitiativeState]);

const expectedNext = (state: InitiativeState, action: WorkflowAction, role: WorkflowRole) =>
  expected.find(([s, a, r]) => s === state && a === action && r === role)?.[3] ?? null;

describe('the workflow table', () => {
  it('allows exactly the documented transitions', () => {
    expect(transitions.map((x) => `${x.from} ${x.action} ${x.role} ${x.to}`).sort()).toEqual(expected.map((e) => e.join(' ')).sort());
  });

  it.each(initiativeStates)('from %s: every action × role is either the documented move or refused with a clear error', (state) => {
    for (const action of workflowActions) {
      for (const role of workflowRoles) {
        const next = expectedNext(state, action, role);
        if (next !== null) {
          expect(findTransition(state, action, role)?.to).toBe(next);
          expect(resolveTransition(state, action, [role]).to).toBe(next);
          continue;
        }
        let error: unknown = null;
        try {
          resolveTransition(state, action, [role]);
        } catch (e) {
          error = e;
        }
        expect(error, `${state} ${action} ${role}`).toBeInstanceOf(AppError);
        const appError = error as AppError;
        const possibleAtAll = expected.some(([s, a]) => s === state && a === action);
        expect(appError.code).toBe(possibleAtAll ? 'FORBIDDEN' : 'CONFLICT');
        expect(appError.localized.vi.length).toBeGreaterThan(20);
        expect(appError.localized.en.length).toBeGreaterThan(20);
      }
    }
  });

  it('marks as council steps exactly the council chair’s moves, which council-step.ts scopes to the assigned council', () => {
    const steps = initiativeStates.flatMap((state) =>
      workflowActions.filter((action) => isCouncilStep(state, action)).map((action) => `${state} ${action}`),
    );
    expect(steps.sort()).toEqual(
      expected
        .filter(([, , role]) => role === 'council_chair')
        .map(([state, action]) => `${state} ${action}`)
        .sort(),
    );
  });

  it('names the state and the action in its refusals, in both languages', () => {
    expect(() => resolveTransition('draft', 'award', ['programme_manager'])).toThrowError(
      'An initiative in state “Draft” cannot be awarded',
    );
    try {
      resolveTransition('screening', 'accept_for_review', ['author']);
    } catch (e) {
      expect((e as AppError).localized).toEqual({
        vi: 'Chỉ quản lý chương trình mới được chuyển hội đồng xem xét sáng kiến ở trạng thái “Đang sơ loại”',
        en: 'Only a programme manager may send to the council an initiative in state “Screening”',
      });
    }
  });
});

describe('the workflow through the API: every state × action × role', () => {
  let t: TestApp;
  let people: Awaited<ReturnType<typeof movementPeople>>;
  let initiativeId: string;
  let councilId: string;
  let browserOf: Record<WorkflowRole, Browser>;

  beforeAll(async () => {
    t = await buildTestApp();
    people = await movementPeople(t, 'wf');
    const campaign = await demoCampaign(t);
    const created = await as(
      t.app,
      people.author.browser,
    )({ method: 'POST', url: '/api/movement/initiatives', payload: completeDraft(campaign.id, { unitId: await unitId(t, 'SKHCN') }) });
    expect(created.statusCode, created.body).toBe(201);
    initiativeId = created.json().id;
    councilId = (await createCouncil(t, people.pm.browser, campaign.id, people.chair, people.reviewers.slice(0, 2))).id;
    browserOf = {
      author: people.author.browser,
      programme_manager: people.pm.browser,
      council_chair: people.chair.browser,
      unit_officer: people.officer.browser,
      public: people.citizen.browser,
    };
  }, 120_000);
  afterAll(() => t?.close());

  const db = () => t.testDb.database.db;
  async function putInState(state: InitiativeState) {
    await db().delete(councilDecisions).where(eq(councilDecisions.initiativeId, initiativeId));
    await db().delete(awards).where(eq(awards.initiativeId, initiativeId));
    await db().delete(replications).where(eq(replications.initiativeId, initiativeId));
    await db().delete(reviewAssignments).where(eq(reviewAssignments.initiativeId, initiativeId));
    // Assigned to the council with its review in, so a council step is the table's to allow or refuse.
    await db()
      .insert(reviewAssignments)
      .values({ councilId, initiativeId, reviewerId: people.reviewers[0]!.user.id, submittedAt: t.clock.now().toISOString() });
    await db().update(initiatives).set({ state }).where(eq(initiatives.id, initiativeId));
  }
  async function stateNow(): Promise<InitiativeState> {
    const [row] = await db().select({ state: initiatives.state }).from(initiatives).where(eq(initiatives.id, initiativeId));
    return row!.state;
  }

  /** Each action through the endpoint a person would use for it. */
  async function act(action: WorkflowAction, role: WorkflowRole) {
    const request = as(t.app, browserOf[role]);
    const reason = 'Lý do kiểm thử quy trình';
    switch (action) {
      case 'recognise':
      case 'refuse':
        return request({
          method: 'POST',
          url: `/api/movement/councils/${councilId}/decisions`,
          payload: {
            initiativeId,
            outcome: action === 'recognise' ? 'recognised' : 'not_recognised',
            scope: 'unit',
            votesFor: 3,
            votesAgainst: 0,
            reason,
          },
        });
      case 'award':
        return request({
          method: 'POST',
          url: `/api/movement/initiatives/${initiativeId}/awards`,
          payload: { awardTypeCode: 'GIAY-KHEN', decisionRef: 'QĐ 1/QĐ-SKHCN', awardedOn: '2026-03-01', recipients: 'Nguyễn Văn An' },
        });
      case 'replicate':
        return request({
          method: 'POST',
          url: `/api/movement/initiatives/${initiativeId}/replications`,
          payload: { unitId: await unitId(t, '25747'), adoptedOn: '2026-03-01', results: 'Áp dụng thành công' },
        });
      default:
        return request({ method: 'POST', url: `/api/movement/initiatives/${initiativeId}/transitions`, payload: { action, reason } });
    }
  }

  it.each(initiativeStates)(
    'from %s',
    async (state) => {
      const outcomes: string[] = [];
      const wanted: string[] = [];
      for (const action of workflowActions) {
        for (const role of workflowRoles) {
          await putInState(state);
          const res = await act(action, role);
          const next = expectedNext(state, action, role);
          wanted.push(`${action} by ${role}: ${next ?? 'refused'}`);
          if (res.statusCode < 300) {
            outcomes.push(`${action} by ${role}: ${await stateNow()}`);
          } else {
            expect([403, 404, 409], `${state} ${action} ${role}: ${res.body}`).toContain(res.statusCode);
            const message = res.json().error.message;
            expect(message.vi.length, res.body).toBeGreaterThan(5);
            expect(message.en.length, res.body).toBeGreaterThan(5);
            expect(await stateNow()).toBe(state);
            outcomes.push(`${action} by ${role}: refused`);
          }
        }
      }
      expect(outcomes).toEqual(wanted);
    },
    120_000,
  );

  it('asks for a reason when returning, refusing or withdrawing', async () => {
    await putInState('screening');
    const res = await as(
      t.app,
      people.pm.browser,
    )({ method: 'POST', url: `/api/movement/initiatives/${initiativeId}/transitions`, payload: { action: 'return', reason: '' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toEqual({
      vi: 'Vui lòng ghi rõ lý do (ít nhất 3 ký tự)',
      en: 'Please give a reason (at least 3 characters)',
    });
    expect(await stateNow()).toBe('screening');
  });

  it('keeps the history, audits and notifies the author on every step', async () => {
    await putInState('submitted');
    // Later than every step above, so this step's notice is the newest.
    t.clock.advance(60_000);
    const res = await as(
      t.app,
      people.pm.browser,
    )({ method: 'POST', url: `/api/movement/initiatives/${initiativeId}/transitions`, payload: { action: 'start_screening', reason: '' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().history.at(-1)).toMatchObject({
      action: 'start_screening',
      fromState: 'submitted',
      toState: 'screening',
      actorRole: 'programme_manager',
    });
    // Scoped to this initiative: the last audit row about it is this step.
    const audit = await db().execute<{ action: string }>(
      sql`select action from audit_events where entity_id = ${initiativeId} order by id desc limit 1`,
    );
    expect(audit.rows[0]?.action).toBe('initiatives.start-screening');
    const inbox = await as(t.app, people.author.browser)({ method: 'GET', url: '/api/notifications' });
    expect(inbox.json().items[0].title.vi).toContain('Đang sơ loại');
  });
});
