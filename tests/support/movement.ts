import { eq, sql } from 'drizzle-orm';
import { newSecret, sha256Hex } from '../../src/server/lib/tokens.js';
import { sessions, units, users } from '../../src/server/modules/identity/schema.js';
import { sessionCookieName } from '../../src/server/modules/identity/sessions.js';
import { campaigns } from '../../src/server/modules/movement/schema.js';
import type { TestApp } from './app.js';
import { as, enrolTotp, userWithRoles, type Browser } from './sessions.js';

/** The demo campaign's id, its criteria and a unit's id by code. */
export async function demoCampaign(t: TestApp) {
  const res = await t.app.inject({ method: 'GET', url: '/api/movement/campaigns' });
  const campaign = res.json().campaigns[0] as { id: string; code: string; criteria: Array<{ id: string; scaleMin: number; scaleMax: number; weight: number }>; phases: Array<{ id: string }>; fields: Array<{ code: string }> };
  return campaign;
}

export async function unitId(t: TestApp, code: string): Promise<string> {
  const [row] = await t.testDb.database.db.select({ id: units.id }).from(units).where(eq(units.code, code));
  return row!.id;
}

/** A complete application, ready to submit. */
export function completeDraft(campaignId: string, extra: Record<string, unknown> = {}) {
  return {
    campaignId,
    title: 'Số hóa sổ theo dõi tiêm chủng tại trạm y tế phường',
    kind: 'technical',
    fieldCode: 'cds',
    ownerName: '',
    firstAppliedOn: '2025-10-01',
    essence: 'Trạm y tế nhập lịch tiêm vào phần mềm dùng chung, người dân nhận nhắc lịch qua tin nhắn và ứng dụng.',
    confidentialInfo: 'Mật khẩu máy chủ: không công khai',
    conditions: 'Máy tính có Internet',
    benefits: 'Giảm 40% số mũi tiêm trễ hẹn',
    appliedBy: [{ fullName: 'Trần Thị Hoa', workplace: 'Trạm y tế', jobTitle: 'Điều dưỡng', qualification: 'Cao đẳng', contribution: 'Nhập liệu thử nghiệm' }],
    authors: [{ fullName: 'Nguyễn Văn An', email: null, workplace: 'Trạm y tế', jobTitle: 'Bác sĩ', qualification: 'Đại học', contributionPercent: 100 }],
    ...extra,
  };
}

/** Marks an account's address as verified, as opening the verification link does. */
export async function markEmailVerified(t: TestApp, userId: string): Promise<void> {
  await t.testDb.database.db.update(users).set({ emailVerifiedAt: t.clock.now().toISOString() }).where(eq(users.id, userId));
}

/** The people of the movement: an author, another citizen, a manager (second factor), a council and a ward officer. */
export async function movementPeople(t: TestApp, prefix = 'mv') {
  const author = await userWithRoles(t, `${prefix}-author@example.vn`, [{ role: 'registered_user', unitCode: '79' }]);
  const citizen = await userWithRoles(t, `${prefix}-citizen@example.vn`, [{ role: 'registered_user', unitCode: '79' }]);
  const pm = await userWithRoles(t, `${prefix}-pm@skhcn.gov.vn`, [{ role: 'programme_manager', unitCode: 'SKHCN', includesSubtree: true }]);
  await enrolTotp(t, pm.browser);
  const chair = await userWithRoles(t, `${prefix}-chair@example.vn`, [{ role: 'reviewer', unitCode: 'SKHCN' }]);
  const reviewers = [];
  for (const [i, code] of ['SYT', 'SGDDT', 'SXD', 'SNNMT'].entries()) reviewers.push({ ...(await userWithRoles(t, `${prefix}-reviewer${i + 1}@example.vn`, [{ role: 'reviewer', unitCode: code }])), unitCode: code });
  const officer = await userWithRoles(t, `${prefix}-officer@ward.gov.vn`, [{ role: 'unit_officer', unitCode: '25747' }]);
  return { author, citizen, pm, chair, reviewers, officer };
}

export async function createCouncil(t: TestApp, pm: Browser, campaignId: string, chair: { user: { id: string } }, reviewers: Array<{ user: { id: string }; unitCode: string }>) {
  const members = [{ userId: chair.user.id, unitId: await unitId(t, 'SKHCN'), role: 'chair' }];
  for (const r of reviewers) members.push({ userId: r.user.id, unitId: await unitId(t, r.unitCode), role: 'member' });
  const res = await as(t.app, pm)({ method: 'POST', url: '/api/movement/councils', payload: { campaignId, nameVi: 'Hội đồng sáng kiến Thành phố', nameEn: 'City initiative council', members } });
  if (res.statusCode !== 201) throw new Error(`council: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string };
}

/**
 * Many signed-in accounts at once, written straight to the database (hashing a password per
 * account would take minutes): each gets a session cookie like a browser would.
 */
export async function manyAccounts(t: TestApp, count: number, prefix: string): Promise<Browser[]> {
  const db = t.testDb.database.db;
  const rows: Array<{ id: string }> = [];
  for (let start = 0; start < count; start += 1000) {
    const size = Math.min(1000, count - start);
    rows.push(
      ...(await db
        .insert(users)
        .values(
          Array.from({ length: size }, (_, i) => ({
            email: `${prefix}-${start + i}@example.vn`,
            displayName: `${prefix} ${start + i}`,
            passwordHash: null,
            emailVerifiedAt: t.clock.now().toISOString(),
          })),
        )
        .returning({ id: users.id })),
    );
  }
  const browsers: Browser[] = [];
  const now = t.clock.now();
  for (let start = 0; start < rows.length; start += 1000) {
    const batch = rows.slice(start, start + 1000).map((row) => ({ userId: row.id, token: newSecret(), csrfToken: newSecret(24) }));
    await db.insert(sessions).values(
      batch.map((b) => ({
        tokenHash: sha256Hex(b.token),
        userId: b.userId,
        isComplete: true,
        csrfToken: b.csrfToken,
        createdAt: now.toISOString(),
        lastSeenAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + 86_400_000).toISOString(),
      })),
    );
    for (const b of batch) browsers.push({ cookie: `${sessionCookieName}=${b.token}`, csrfToken: b.csrfToken });
  }
  return browsers;
}

export async function campaignIdByCode(t: TestApp, code: string): Promise<string> {
  const [row] = await t.testDb.database.db.select({ id: campaigns.id }).from(campaigns).where(sql`${campaigns.code} = ${code}`);
  return row!.id;
}
