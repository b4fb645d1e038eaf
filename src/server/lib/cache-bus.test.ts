import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../tests/support/app.js';
import type { TestDatabase } from '../../../tests/support/engines.js';
import { cacheGeneration, invalidateCaches } from './cache-bus.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await useTestDatabase('empty');
});
afterAll(() => t.dispose());

describe('cache invalidation', () => {
  it('drops this process’s caches at once, and sends the notification other processes listen for', async () => {
    const before = cacheGeneration('indicators');
    await invalidateCaches(t.database.db, 'indicators');
    expect(cacheGeneration('indicators')).toBe(before + 1);
    // NOTIFY is accepted by both engines, inside a transaction too (sent at commit).
    await t.database.db.transaction((tx) => invalidateCaches(tx, 'indicators'));
    expect(cacheGeneration('indicators')).toBe(before + 2);
  });
});
