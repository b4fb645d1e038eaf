import { unitPaths } from '../../../shared/web-paths.js';
import { z } from 'zod';
import type { ServiceContext } from '../../lib/context.js';
import { recordAudit } from '../../lib/audit.js';
import { indexDocument } from '../../lib/search.js';
import { readDemoSeed } from '../../lib/seed-files.js';
import { roleNames } from '../../../shared/contracts/identity.js';
import { units } from './schema.js';
import { createUser } from './service.js';

const unitRecord = z.object({ code: z.string().min(1), nameVi: z.string().min(1), nameEn: z.string().min(1) });
const unitsSeed = z.object({
  version: z.literal(1),
  note: z.string().optional(),
  city: unitRecord,
  agencies: z.array(
    unitRecord.extend({
      kind: z.enum(['department', 'agency']),
      /** The department an agency sits under; the city when null or absent. */
      parentCode: z.string().nullable().default(null),
      /** What the sources did not confirm (kept in the data file, not in the database). */
      note: z.string().optional(),
    }),
  ),
  communeLevel: z.array(unitRecord.extend({ kind: z.enum(['ward', 'commune', 'special_zone']) })),
});

/** The city, its departments and the agencies under them or under the city, and its 168 commune-level units (seeds/demo/units.json). */
export async function seedUnits(ctx: ServiceContext): Promise<void> {
  const seed = readDemoSeed('units.json', unitsSeed);
  const [city] = await ctx.db
    .insert(units)
    .values({ code: seed.city.code, nameVi: seed.city.nameVi, nameEn: seed.city.nameEn, kind: 'city' })
    .returning({ id: units.id });
  const record = ({
    code,
    nameVi,
    nameEn,
    kind,
  }: {
    code: string;
    nameVi: string;
    nameEn: string;
    kind: (typeof units.$inferInsert)['kind'];
  }) => ({ code, nameVi, nameEn, kind });
  // Units under the city first, so an agency's parent exists when the agency is inserted.
  const underCity = [...seed.agencies.filter((u) => u.parentCode === null), ...seed.communeLevel].map((u) => ({
    ...record(u),
    parentId: city!.id,
  }));
  const inserted = await ctx.db.insert(units).values(underCity).returning();
  const nested = seed.agencies.filter((u) => u.parentCode !== null);
  if (nested.length > 0) {
    const children = nested.map((u) => {
      const parent = inserted.find((p) => p.code === u.parentCode);
      if (!parent) throw new Error(`units.json: '${u.code}' sits under '${u.parentCode}', which is not a unit under the city`);
      return { ...record(u), parentId: parent.id };
    });
    inserted.push(...(await ctx.db.insert(units).values(children).returning()));
  }
  for (const unit of inserted) {
    await indexDocument(ctx.db, {
      entityType: 'unit',
      entityId: unit.id,
      title: unit.nameVi,
      titleEn: unit.nameEn,
      body: `${unit.nameEn} · ${unit.code}`,
      url: unitPaths.unit(unit.code),
      isPublic: true,
    });
  }
  await recordAudit(ctx, { action: 'units.seed', entityType: 'unit', entityId: null, after: { count: inserted.length + 1 } });
}

/** The password every demo account shares; printed in the README, and never part of real data. */
export const demoPassword = 'doimoi-demo-2030';

const accountsSeed = z.object({
  version: z.literal(1),
  accounts: z.array(
    z.object({
      email: z.email(),
      displayName: z.string().min(2),
      accountKind: z.enum(['citizen', 'enterprise', 'staff']),
      grants: z.array(z.object({ role: z.enum(roleNames), unitCode: z.string(), includesSubtree: z.boolean() })),
    }),
  ),
});

/** One account per role (seeds/demo/accounts.json), so every page of the demo can be tried. */
export async function seedDemoAccounts(ctx: ServiceContext): Promise<void> {
  for (const account of readDemoSeed('accounts.json', accountsSeed).accounts) {
    await createUser(ctx, { ...account, password: demoPassword });
  }
}

/** Units first: accounts are granted roles on them. */
export async function seedIdentity(ctx: ServiceContext): Promise<void> {
  await seedUnits(ctx);
  await seedDemoAccounts(ctx);
}
