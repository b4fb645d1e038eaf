import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../tests/support/app.js';
import { as, userWithRoles, type Browser } from '../../../../tests/support/sessions.js';

// The feed is parsed with ical.js, an implementation independent of the ical-generator that writes it.
let t: TestApp;
let officer: Browser;
let unitIds: Record<string, string>;

beforeAll(async () => {
  t = await buildTestApp({ env: { PUBLIC_URL: 'https://doimoi.example' } });
  officer = (await userWithRoles(t, 'can-bo@ttcds.gov.vn', [{ role: 'unit_officer', unitCode: 'TTCDS' }])).browser;
  const units = (await t.app.inject({ method: 'GET', url: '/api/units' })).json().items as Array<{ id: string; code: string }>;
  unitIds = Object.fromEntries(units.map((u) => [u.code, u.id]));
});
afterAll(() => t.close());

describe("a unit's iCalendar feed", () => {
  it('is created by the unit’s officer only, at an unguessable URL fetched without cookies', async () => {
    expect((await as(t.app, officer)({ method: 'POST', url: `/api/plans/units/${unitIds.SYT}/calendar-feed` })).statusCode).toBe(403);
    const created = await as(t.app, officer)({ method: 'POST', url: `/api/plans/units/${unitIds.TTCDS}/calendar-feed` });
    expect(created.statusCode, created.body).toBe(201);
    const url = new URL(created.json().url as string);
    expect(url.origin).toBe('https://doimoi.example');
    expect(url.pathname).toMatch(/^\/api\/plans\/calendar\/[0-9a-f]{48}\.ics$/);

    const feed = await t.app.inject({ method: 'GET', url: url.pathname });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const calendar = new ICAL.Component(ICAL.parse(feed.body));
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    const summaries = events.map((e) => e.summary);
    // TTCDS leads NV-07.1 and cooperates on others (NV-02.2, NV-04.1, NV-04.2, NV-08.2…).
    for (const code of ['NV-04.1', 'NV-07.1', 'NV-08.2', 'NV-02.2']) expect(summaries.some((s) => s.includes(code))).toBe(true);
    const event = events.find((e) => e.summary.includes('NV-07.1'))!;
    expect(event.startDate.isDate).toBe(true);
    expect(event.uid).toMatch(/^task-[0-9a-f-]{36}@doimoi$/);
    expect(String(event.component.getFirstPropertyValue('url'))).toMatch(/^https:\/\/doimoi\.example\/nhiem-vu\//);

    // A new URL revokes the old one; a made-up one is not found.
    const rotated = await as(t.app, officer)({ method: 'POST', url: `/api/plans/units/${unitIds.TTCDS}/calendar-feed` });
    expect((await t.app.inject({ method: 'GET', url: url.pathname })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: new URL(rotated.json().url as string).pathname })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/plans/calendar/not-a-token.ics' })).statusCode).toBe(400);
  });
});
