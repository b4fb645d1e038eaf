import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { roleNames, rolesRequiringSecondFactor, type RoleName } from '../../../shared/contracts/identity.js';
import type { Workspace } from '../../../shared/contracts/workspace.js';
import { isWebPage } from '../../../shared/web-page-match.js';
import { readDemoSeed } from '../../lib/seed-files.js';
import { buildTestApp, type TestApp } from '../../../../tests/support/app.js';
import { as, enrolTotp, signIn, type Browser } from '../../../../tests/support/sessions.js';
import { demoPassword } from '../identity/seed.js';

/** The demo accounts, one or more per role: the workspace is tried as each. */
const accounts = readDemoSeed(
  'accounts.json',
  z
    .object({
      accounts: z.array(z.object({ email: z.string(), grants: z.array(z.object({ role: z.enum(roleNames), unitCode: z.string() })) })),
    })
    .loose(),
).accounts;

/** The jobs each role finds, written out apart from the modules that list them. */
const jobsOf: Record<RoleName, string[]> = {
  administrator: ['identity.accounts', 'identity.units'],
  programme_manager: [
    'plans.extension-requests',
    'indicators.values-to-approve',
    'movement.initiatives-to-screen',
    'movement.councils-to-set-up',
    'commendation.nominations-to-vote',
    'commendation.decisions-to-issue',
    'reports.unit-reports-to-accept',
    'reports.compiled-to-publish',
  ],
  leader: ['plans.city-overdue-by-unit', 'indicators.off-track', 'reports.unit-reports-to-approve', 'reports.compiled-to-approve'],
  unit_officer: ['plans.tasks-overdue', 'plans.tasks-due-soon', 'plans.reports-due', 'commendation.nominations-to-finish', 'reports.unit-reports-due'],
  reviewer: ['movement.score-sheets', 'commendation.votes'],
  registered_user: [],
};
/** Officers whose units report on indicators also enter their values. */
const reporterJobs = ['indicators.values-to-enter', 'indicators.values-returned'];
/** Everyone signed in has their own initiatives and co-authorships. */
const everyonesJobs = ['movement.my-drafts', 'movement.my-initiatives', 'movement.co-author-confirmations'];

let t: TestApp;
const browsers = new Map<string, Browser>();
beforeAll(async () => {
  t = await buildTestApp();
  for (const [index, account] of accounts.entries()) {
    const browser = await signIn(t.app, account.email, demoPassword, `10.9.${index}.1`);
    const needsSecondFactor = account.grants.some((grant) => rolesRequiringSecondFactor.includes(grant.role));
    browsers.set(account.email, needsSecondFactor ? { ...browser, ...(await upgraded(browser)) } : browser);
  }
});
afterAll(() => t.close());

async function upgraded(browser: Browser): Promise<Browser> {
  await enrolTotp(t, browser);
  return browser;
}

const get = async <T>(email: string, url: string): Promise<{ status: number; body: T }> => {
  const res = await as(t.app, browsers.get(email)!)({ method: 'GET', url });
  return { status: res.statusCode, body: res.json() as T };
};
const workspaceOf = async (email: string) => (await get<Workspace>(email, '/api/workspace')).body;
const countOf = (workspace: Workspace, id: string) => workspace.items.find((item) => item.id === id)?.count;
const accountWith = (role: RoleName, unitCode?: string) =>
  accounts.find((a) => a.grants.some((g) => g.role === role && (unitCode === undefined || g.unitCode === unitCode)))!.email;

describe('GET /api/workspace', () => {
  it('refuses a visitor who is not signed in', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/workspace' });
    expect(res.statusCode).toBe(401);
  });

  it('has a demo account for every role', () => {
    const seeded = new Set(accounts.flatMap((a) => a.grants.map((g) => g.role)));
    expect([...seeded].sort()).toEqual([...roleNames].sort());
  });

  it.each(accounts.map((a) => [a.email, a.grants.map((g) => g.role)] as const))(
    'lists the jobs of %s (%j), each on a page of the web app',
    async (email, roles) => {
      const workspace = await workspaceOf(email);
      const reports =
        roles.includes('unit_officer') &&
        (await get<{ items: Array<{ canEnter: boolean }> }>(email, '/api/indicators/work')).body.items.some((i) => i.canEnter);
      expect(workspace.items.map((item) => item.id).sort()).toEqual(
        [...roles.flatMap((role) => jobsOf[role]), ...(reports ? reporterJobs : []), ...everyonesJobs].sort(),
      );
      for (const item of workspace.items) {
        expect(isWebPage(item.href.split('?')[0]!), item.href).toBe(true);
        for (const part of item.parts ?? []) expect(isWebPage(part.href.split('?')[0]!), part.href).toBe(true);
      }
      const open = workspace.items.filter((item) => item.urgency !== 'info').reduce((sum, item) => sum + item.count, 0);
      expect(workspace.openCount).toBe(open);
    },
  );

  it("counts an officer's tasks within their own unit, as their task list does", async () => {
    for (const unitCode of ['SKHCN', 'SYT', '26743']) {
      const email = accountWith('unit_officer', unitCode);
      const workspace = await workspaceOf(email);
      const overdue = await get<{ total: number }>(email, '/api/plans/my-tasks?status=in_progress_overdue&limit=1');
      expect(countOf(workspace, 'plans.tasks-overdue')).toBe(overdue.body.total);
      const soon = workspace.items.find((item) => item.id === 'plans.tasks-due-soon')!;
      expect(soon.parts).toHaveLength(soon.count);
    }
    const counts = await Promise.all(
      ['SKHCN', 'SYT'].map(async (code) => countOf(await workspaceOf(accountWith('unit_officer', code)), 'plans.tasks-overdue')),
    );
    expect(counts[0]! + counts[1]!).toBeGreaterThan(0);
  });

  it("counts an officer's values to enter from their units' indicators only", async () => {
    const email = accountWith('unit_officer', 'SKHCN');
    const work = await get<{ items: Array<{ canEnter: boolean; missingPeriods: string[] }> }>(email, '/api/indicators/work');
    const missing = work.body.items.filter((i) => i.canEnter).reduce((sum, i) => sum + i.missingPeriods.length, 0);
    const workspace = await workspaceOf(email);
    expect(countOf(workspace, 'indicators.values-to-enter')! + countOf(workspace, 'indicators.values-returned')!).toBe(missing);
  });

  it("gives a programme manager the managers' queues as those pages count them", async () => {
    const email = accountWith('programme_manager');
    const workspace = await workspaceOf(email);
    const work = await get<{ reviewQueue: unknown[] }>(email, '/api/indicators/work');
    expect(countOf(workspace, 'indicators.values-to-approve')).toBe(work.body.reviewQueue.length);
    const queues = await Promise.all(
      ['submitted', 'screening'].map((state) => get<{ total: number }>(email, `/api/movement/manage/initiatives?state=${state}`)),
    );
    expect(countOf(workspace, 'movement.initiatives-to-screen')).toBe(queues.reduce((sum, q) => sum + q.body.total, 0));
  });

  it('gives a council member the score sheets they have not submitted', async () => {
    for (const account of accounts.filter((a) => a.grants.some((g) => g.role === 'reviewer'))) {
      const reviews = await get<{ tasks: Array<{ submittedAt: string | null; initiativeId: string }> }>(
        account.email,
        '/api/movement/reviews/mine',
      );
      const workspace = await workspaceOf(account.email);
      const sheets = workspace.items.find((item) => item.id === 'movement.score-sheets')!;
      expect(sheets.count).toBeLessThanOrEqual(reviews.body.tasks.filter((task) => task.submittedAt === null).length);
      expect(
        sheets.parts?.map((p) => p.href.split('/').at(-1)).every((id) => reviews.body.tasks.some((task) => task.initiativeId === id)),
      ).toBe(true);
    }
  });

  it('gives a council member the commendation ballots waiting for them, as their list of votes shows', async () => {
    let waiting = 0;
    for (const account of accounts.filter((a) => a.grants.some((g) => g.role === 'reviewer'))) {
      const votes = await get<{ items: Array<{ id: string; hasVoted: boolean }> }>(account.email, '/api/commendation/votes/mine');
      const item = (await workspaceOf(account.email)).items.find((i) => i.id === 'commendation.votes')!;
      const mine = votes.body.items.filter((v) => !v.hasVoted).map((v) => `/khen-thuong/de-nghi/${v.id}`);
      expect(item.parts!.filter((p) => p.label.en.endsWith('your ballot')).map((p) => p.href)).toEqual(mine);
      waiting += mine.length;
    }
    // The demo's open vote waits for two of its three members.
    expect(waiting).toBe(2);
  });

  it("gives a leader the city's overdue tasks by unit, adding up to the total", async () => {
    const workspace = await workspaceOf(accountWith('leader'));
    const overdue = workspace.items.find((item) => item.id === 'plans.city-overdue-by-unit')!;
    expect(overdue.count).toBeGreaterThan(0);
    expect(overdue.parts!.reduce((sum, part) => sum + part.count, 0)).toBe(overdue.count);
    const officers = await Promise.all(
      ['SKHCN', 'SYT', '26743'].map(async (code) => countOf(await workspaceOf(accountWith('unit_officer', code)), 'plans.tasks-overdue')!),
    );
    expect(overdue.count).toBeGreaterThanOrEqual(Math.max(...officers));
  });
});
