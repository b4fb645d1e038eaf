import { join } from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../tests/support/app.js';
import type { TestDatabase } from '../../tests/support/engines.js';
import { ManualClock } from './lib/clock.js';
import { LocalStorageDriver } from './lib/storage.js';
import { indicatorObservations } from './modules/indicators/schema.js';
import { nominations, nominationTransitions, nominationVoters, nominationVotes } from './modules/commendation/schema.js';
import { awards, initiatives, initiativeTransitions, reviewAssignments, reviewCouncils, reviewScores } from './modules/movement/schema.js';
import { initiativeStates } from '../shared/contracts/movement.js';
import { progressReports, taskExtensions, tasks } from './modules/plans/schema.js';
import { seedDemoData } from './seed.js';

// The demo is dated in the plan's and the campaign's own calendars: loaded on two very different days,
// every date an official reads is the same.
const opened: TestDatabase[] = [];
afterAll(async () => {
  for (const db of opened) await db.dispose();
});

async function datesAfterLoadingOn(instant: string) {
  const testDb = await useTestDatabase('empty');
  opened.push(testDb);
  const { db } = testDb.database;
  await seedDemoData(db, new ManualClock(instant), new LocalStorageDriver(join(testDb.dataDir, 'files')));
  return {
    tasks: await db
      .select({
        code: tasks.code,
        startOn: tasks.startOn,
        dueOn: tasks.dueOn,
        originalDueOn: tasks.originalDueOn,
        completedOn: tasks.completedOn,
        lastReportedAt: tasks.lastReportedAt,
      })
      .from(tasks)
      .orderBy(asc(tasks.code)),
    reports: (await db.select({ at: progressReports.createdAt, period: progressReports.period }).from(progressReports))
      .map((r) => `${r.period} ${new Date(r.at).toISOString()}`)
      .sort(),
    extensions: (await db.select({ at: taskExtensions.decidedAt, due: taskExtensions.requestedDueOn }).from(taskExtensions))
      .map((r) => `${r.due} ${r.at ? new Date(r.at).toISOString() : ''}`)
      .sort(),
    initiatives: (
      await db
        .select({
          code: initiatives.code,
          state: initiatives.state,
          createdAt: initiatives.createdAt,
          submittedAt: initiatives.submittedAt,
          decidedAt: initiatives.decidedAt,
          decisionDueOn: initiatives.decisionDueOn,
        })
        .from(initiatives)
        .orderBy(asc(initiatives.code))
    ).map((r) => [
      r.code,
      r.state,
      new Date(r.createdAt).toISOString(),
      r.submittedAt && new Date(r.submittedAt).toISOString(),
      r.decidedAt && new Date(r.decidedAt).toISOString(),
      r.decisionDueOn,
    ]),
    transitions: (await db.select({ at: initiativeTransitions.occurredAt }).from(initiativeTransitions))
      .map((r) => new Date(r.at).toISOString())
      .sort(),
    councils: (await db.select({ at: reviewCouncils.createdAt }).from(reviewCouncils)).map((r) => new Date(r.at).toISOString()),
    reviewSheets: (
      await db
        .select({ assignedAt: reviewAssignments.createdAt, submittedAt: reviewAssignments.submittedAt, code: initiatives.code })
        .from(reviewAssignments)
        .innerJoin(initiatives, eq(initiatives.id, reviewAssignments.initiativeId))
    )
      .map((r) => `${r.code} ${new Date(r.assignedAt).toISOString()} ${r.submittedAt ? new Date(r.submittedAt).toISOString() : 'waiting'}`)
      .sort(),
    scores: (await db.select({ at: reviewScores.createdAt }).from(reviewScores)).map((r) => new Date(r.at).toISOString()).sort(),
    awards: (await db.select({ on: awards.awardedOn }).from(awards)).map((r) => r.on).sort(),
    observations: (await db.select({ at: indicatorObservations.enteredAt }).from(indicatorObservations))
      .map((r) => new Date(r.at).toISOString())
      .sort(),
    nominations: (await db.select().from(nominations).orderBy(asc(nominations.code))).map((r) => [
      r.code,
      ...[r.createdAt, r.updatedAt, r.submittedAt].map((at) => at && new Date(at).toISOString()),
    ]),
    nominationSteps: [
      ...(await db.select({ at: nominationTransitions.occurredAt }).from(nominationTransitions)).map((r) => r.at),
      ...(await db.select({ at: nominationVotes.openedAt }).from(nominationVotes)).map((r) => r.at),
      ...(await db.select({ at: nominationVotes.closedAt }).from(nominationVotes)).map((r) => r.at),
      ...(await db.select({ at: nominationVoters.votedAt }).from(nominationVoters)).map((r) => r.at),
    ]
      .map((at) => at && new Date(at).toISOString())
      .sort(),
  };
}

describe('the demo data', () => {
  it('has the same dates whether loaded on 15 January 2026 or 9 September 2027', { timeout: 600_000 }, async () => {
    const early = await datesAfterLoadingOn('2026-01-15T03:00:00Z');
    const late = await datesAfterLoadingOn('2027-09-09T09:00:00Z');
    expect(early.tasks.length).toBeGreaterThan(30);
    expect(early.initiatives.length).toBeGreaterThan(5);
    expect(early.reports.length).toBeGreaterThan(0);
    expect(early.nominations.length).toBeGreaterThan(5);
    expect(late).toEqual(early);
    // Plan 4354/KH-UBND was issued in June 2025: no task of it starts before.
    expect(early.tasks.filter((t) => t.startOn !== null && t.startOn < '2025-06-01')).toEqual([]);
    // Initiatives are sent on different days, not all on one.
    expect(new Set(early.initiatives.map((i) => i[3])).size).toBeGreaterThan(5);
    // An initiative in every state of the workflow.
    expect(new Set(early.initiatives.map((i) => i[1]))).toEqual(new Set(initiativeStates));
    // A council whose reviewers have sheets both sent and still waiting, so their pages are not empty.
    expect(early.councils.length).toBeGreaterThan(0);
    expect(early.reviewSheets.filter((s) => s.endsWith('waiting')).length).toBeGreaterThan(0);
    expect(early.reviewSheets.filter((s) => !s.endsWith('waiting')).length).toBeGreaterThan(0);
    expect(early.scores.length).toBeGreaterThan(0);
  });
});
