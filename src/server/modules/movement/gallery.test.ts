import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { galleryQuerySchema } from '../../../shared/contracts/movement.js';
import { useTestDatabase } from '../../../../tests/support/app.js';
import type { TestDatabase } from '../../../../tests/support/engines.js';
import { systemContext } from '../../lib/context.js';
import { ManualClock } from '../../lib/clock.js';
import { galleryPage } from './gallery.js';

// 600 initiatives whose words are spread so some searches match many (every 3rd), some few (every 97th).
const words = ['cảnh báo ngập', 'mã QR', 'xe buýt', 'rác thải'];

describe('gallery search: reading a prefix of the order gives the same pages as sorting every match', () => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await useTestDatabase();
    await testDb.database.db.execute(sql`
      insert into initiatives (code, campaign_id, title, field_code, state, scope, search_text, search_tokens, support_count, decided_at)
      select 'SK-GAL-' || g, (select id from campaigns order by code limit 1), t.title, (array['yte','gd','gt'])[1 + g % 3],
             (array['recognised','awarded','replicated','submitted'])[1 + g % 4], (array['unit','city','national'])[1 + g % 3],
             lower(f_unaccent(t.title)),
             array(select distinct w from unnest(regexp_split_to_array(lower(f_unaccent(t.title)), '[^[:alnum:]]+')) w where w <> ''),
             (g * 7919) % 50, now() - ((g * 31) % 400 || ' hours')::interval
      from generate_series(1, 600) g,
           lateral (select (${sql.raw(`array[${words.map((w) => `'${w}'`).join(',')}]`)})[1 + g % 4] || case when g % 97 = 0 then ' hiếm gặp' else '' end || ' số ' || g as title) t`);
  }, 120_000);
  afterAll(() => testDb?.dispose());

  it.each([
    ['canh bao ngap', 'supports', 1],
    ['canh bao ngap', 'supports', 3],
    ['ma qr', 'newest', 2],
    ['xe buyt', 'replications', 1],
    ['hiem gap', 'supports', 1],
    ['rac thai', 'newest', 9],
    ['khong co', 'supports', 1],
    ['xe bu', 'supports', 1],
    ['hiem g', 'newest', 1],
  ] as const)('"%s" sorted by %s, page %i', async (q, sort, page) => {
    const ctx = systemContext(testDb.database.db, new ManualClock());
    const query = galleryQuerySchema.parse({ q, sort, page: String(page), pageSize: '10', field: q === 'ma qr' ? 'yte' : undefined });
    const sorted = await galleryPage(ctx, query, 0);
    for (const budget of [60, 1000]) {
      const walked = await galleryPage(ctx, query, budget);
      expect(walked.items.map((i) => i.id)).toEqual(sorted.items.map((i) => i.id));
      expect(walked.total).toBe(sorted.total);
    }
    if (q !== 'khong co' && q !== 'rac thai') expect(sorted.items.length).toBeGreaterThan(0);
    for (const item of sorted.items) expect(item.title.length).toBeGreaterThan(0);
  });

  it('matches a half-typed last word as the start of a syllable, and only the last word', async () => {
    const ctx = systemContext(testDb.database.db, new ManualClock());
    const total = async (q: string) => (await galleryPage(ctx, galleryQuerySchema.parse({ q, pageSize: '10' }))).total;
    const buses = await total('xe buyt');
    expect(buses).toBeGreaterThan(0);
    expect(await total('xe bu')).toBe(buses);
    expect(await total('Xe Bú')).toBe(buses);
    expect(await total('canh bao ng')).toBe(await total('canh bao ngap'));
    // Only the last word may be unfinished.
    expect(await total('x buyt')).toBe(0);
    expect(await total('xe bux')).toBe(0);
  });
});
