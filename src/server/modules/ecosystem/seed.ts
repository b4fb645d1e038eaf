import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { isoDateSchema } from '../../../shared/contracts/dates.js';
import {
  ecosystemFields,
  organisationKinds,
  programmeKinds,
  relationKinds,
  sizeBands,
  startupStages,
} from '../../../shared/contracts/ecosystem.js';
import type { ServiceContext } from '../../lib/context.js';
import { recordAudit } from '../../lib/audit.js';
import { readDemoSeed } from '../../lib/seed-files.js';
import { units } from '../identity/schema.js';
import { syncOrganisationIndex } from './organisations.js';
import { ecoApplications, ecoOrganisations, ecoProgrammes, ecoRelations } from './schema.js';

const ecosystemSeed = z.object({
  version: z.literal(1),
  organisations: z.array(
    z.object({
      key: z.string(),
      kind: z.enum(organisationKinds),
      nameVi: z.string(),
      nameEn: z.string(),
      fields: z.array(z.enum(ecosystemFields)),
      stage: z.enum(startupStages).nullable().default(null),
      servesStages: z.array(z.enum(startupStages)).default([]),
      certificateNumber: z.string().nullable().default(null),
      certificateDate: isoDateSchema.nullable().default(null),
      foundedYear: z.number().int().nullable().default(null),
      sizeBand: z.enum(sizeBands).nullable().default(null),
      wardCode: z.string().nullable().default(null),
      website: z.string().nullable().default(null),
      descriptionVi: z.string(),
      descriptionEn: z.string(),
      verified: z.boolean(),
      isIllustrative: z.boolean(),
    }),
  ),
  relations: z.array(z.object({ from: z.string(), kind: z.enum(relationKinds), to: z.string() })),
  programmes: z.array(
    z.object({
      key: z.string(),
      kind: z.enum(programmeKinds),
      titleVi: z.string(),
      titleEn: z.string(),
      unitCode: z.string().optional(),
      organisationKey: z.string().optional(),
      eligibilityVi: z.string(),
      eligibilityEn: z.string(),
      benefitsVi: z.string(),
      benefitsEn: z.string(),
      fields: z.array(z.enum(ecosystemFields)),
      stages: z.array(z.enum(startupStages)),
      opensOn: isoDateSchema,
      closesOn: isoDateSchema,
      accepted: z.array(z.string()),
    }),
  ),
});

async function unitIdByCode(ctx: ServiceContext, code: string): Promise<string> {
  const [unit] = await ctx.db.select({ id: units.id }).from(units).where(eq(units.code, code));
  if (!unit) throw new Error(`ecosystem seed: no unit ${code}`);
  return unit.id;
}

/** The named actors of the sources and illustrative others (marked), with relations, programmes and who went through them. */
export async function seedEcosystem(ctx: ServiceContext): Promise<void> {
  const seed = readDemoSeed('ecosystem.json', ecosystemSeed);
  const now = ctx.clock.now().toISOString();
  const ids = new Map<string, string>();
  for (const { key, wardCode, verified, ...org } of seed.organisations) {
    const [row] = await ctx.db
      .insert(ecoOrganisations)
      .values({
        ...org,
        slug: key,
        wardUnitId: wardCode ? await unitIdByCode(ctx, wardCode) : null,
        verifiedAt: verified ? now : null,
        lastConfirmedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    ids.set(key, row!.id);
    await recordAudit(ctx, {
      action: 'ecosystem.organisation.seed',
      entityType: 'eco_organisation',
      entityId: row!.id,
      after: { slug: key },
    });
    await syncOrganisationIndex(ctx, row!);
  }
  const idOf = (key: string) => {
    const id = ids.get(key);
    if (!id) throw new Error(`ecosystem seed: no organisation ${key}`);
    return id;
  };
  for (const r of seed.relations)
    await ctx.db.insert(ecoRelations).values({ fromId: idOf(r.from), toId: idOf(r.to), kind: r.kind, createdAt: now });
  for (const { key, unitCode, organisationKey, accepted, ...p } of seed.programmes) {
    const [programme] = await ctx.db
      .insert(ecoProgrammes)
      .values({
        ...p,
        slug: key,
        unitId: unitCode ? await unitIdByCode(ctx, unitCode) : null,
        organisationId: organisationKey ? idOf(organisationKey) : null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    for (const orgKey of accepted) {
      await ctx.db.insert(ecoApplications).values({
        programmeId: programme!.id,
        organisationId: idOf(orgKey),
        pitch: 'Hồ sơ minh họa của dữ liệu mẫu / Illustrative demo application',
        teamSize: 5,
        status: 'accepted',
        decidedAt: now,
        createdAt: now,
        updatedAt: now,
      });
    }
  }
}
