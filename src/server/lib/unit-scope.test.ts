import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../tests/support/app.js';
import type { TestDatabase } from '../../../tests/support/engines.js';
import { units } from '../modules/identity/schema.js';
import { ManualClock } from './clock.js';
import { systemContext, type ServiceContext } from './context.js';
import { actorHasRoleOnUnit, unitIdsWhereActorHas } from './unit-scope.js';

let t: TestDatabase;
let unitId: (code: string) => Promise<string>;
beforeAll(async () => {
  t = await useTestDatabase('demo');
  unitId = async (code) => (await t.database.db.select({ id: units.id }).from(units).where(eq(units.code, code)))[0]!.id;
});
afterAll(() => t.dispose());

function asActor(grants: Array<{ role: 'unit_officer' | 'leader'; unitId: string; includesSubtree: boolean }>): ServiceContext {
  const ctx = systemContext(t.database.db, new ManualClock('2026-03-02T02:00:00Z'));
  return { ...ctx, actor: { userId: 'u', displayName: '', grants, hasSecondFactor: false } };
}

describe('units where the actor holds a role', () => {
  it('gives only the granted unit without a sub-tree grant, and nothing for other roles', async () => {
    const health = await unitId('SYT');
    const ctx = asActor([{ role: 'unit_officer', unitId: health, includesSubtree: false }]);
    expect([...(await unitIdsWhereActorHas(ctx, ['unit_officer']))]).toEqual([health]);
    expect((await unitIdsWhereActorHas(ctx, ['leader'])).size).toBe(0);
    expect(await actorHasRoleOnUnit(ctx, ['unit_officer'], await unitId('SKHCN'))).toBe(false);
  });

  it('includes every unit below a sub-tree grant on the city', async () => {
    const city = await unitId('79');
    const ctx = asActor([{ role: 'leader', unitId: city, includesSubtree: true }]);
    const all = await t.database.db.select({ id: units.id }).from(units);
    const ids = await unitIdsWhereActorHas(ctx, ['leader']);
    expect(ids.size).toBe(all.length);
    expect(await actorHasRoleOnUnit(ctx, ['leader'], await unitId('25747'))).toBe(true);
  });

  it('is empty for an anonymous caller', async () => {
    const ctx = systemContext(t.database.db, new ManualClock('2026-03-02T02:00:00Z'));
    expect((await unitIdsWhereActorHas(ctx, ['unit_officer'])).size).toBe(0);
  });
});
