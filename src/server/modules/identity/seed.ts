import { z } from 'zod';
import type { ServiceContext } from '../../lib/context.js';
import { recordAudit } from '../../lib/audit.js';
import { indexDocument } from '../../lib/search.js';
import { readDemoSeed } from '../../lib/seed-files.js';
import { units } from './schema.js';

const unitRecord = z.object({ code: z.string().min(1), nameVi: z.string().min(1), nameEn: z.string().min(1) });
const unitsSeed = z.object({
  version: z.literal(1),
  city: unitRecord,
  agencies: z.array(unitRecord.extend({ kind: z.enum(['department', 'agency']) })),
  communeLevel: z.array(unitRecord.extend({ kind: z.enum(['ward', 'commune', 'special_zone']) })),
});

/** The city, its departments and agencies, and its 168 commune-level units (seeds/demo/units.json). */
export async function seedUnits(ctx: ServiceContext): Promise<void> {
  const seed = readDemoSeed('units.json', unitsSeed);
  const [city] = await ctx.db
    .insert(units)
    .values({ code: seed.city.code, nameVi: seed.city.nameVi, nameEn: seed.city.nameEn, kind: 'city' })
    .returning({ id: units.id });
  const children = [...seed.agencies, ...seed.communeLevel].map((u) => ({ ...u, parentId: city!.id }));
  const inserted = await ctx.db.insert(units).values(children).returning();
  for (const unit of inserted) {
    await indexDocument(ctx.db, {
      entityType: 'unit',
      entityId: unit.id,
      title: unit.nameVi,
      body: `${unit.nameEn} · ${unit.code}`,
      url: `/don-vi/${encodeURIComponent(unit.code)}`,
      isPublic: true,
    });
  }
  await recordAudit(ctx, { action: 'units.seed', entityType: 'unit', entityId: null, after: { count: inserted.length + 1 } });
}
