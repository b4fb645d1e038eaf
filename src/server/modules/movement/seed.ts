import { z } from 'zod';
import type { ServiceContext } from '../../lib/context.js';
import { recordAudit } from '../../lib/audit.js';
import { indexDocument } from '../../lib/search.js';
import { readDemoSeed } from '../../lib/seed-files.js';
import { campaignPhases, campaigns } from './schema.js';

const movementSeed = z.object({
  version: z.literal(1),
  campaigns: z.array(
    z.object({
      code: z.string(),
      titleVi: z.string(),
      titleEn: z.string(),
      kind: z.enum(['thematic', 'ongoing']),
      launchingBodyVi: z.string(),
      launchingBodyEn: z.string(),
      decision: z.string().nullable().optional(),
      periodStart: z.iso.date(),
      periodEnd: z.iso.date(),
      descriptionVi: z.string().default(''),
      descriptionEn: z.string().default(''),
      phases: z.array(
        z.object({
          order: z.number().int(),
          nameVi: z.string(),
          nameEn: z.string(),
          startsOn: z.iso.date(),
          endsOn: z.iso.date(),
          review: z.enum(['interim', 'final']).nullable(),
          reviewOn: z.iso.date().nullable(),
        }),
      ),
      fields: z.array(z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() })).default([]),
    }),
  ),
});

/** Emulation movements and their phases (seeds/demo/movement.json). */
export async function seedMovement(ctx: ServiceContext): Promise<void> {
  const seed = readDemoSeed('movement.json', movementSeed);
  for (const { phases, ...campaign } of seed.campaigns) {
    const [row] = await ctx.db.insert(campaigns).values({ ...campaign, decision: campaign.decision ?? null }).returning();
    await ctx.db.insert(campaignPhases).values(phases.map(({ order, ...phase }) => ({ ...phase, position: order, campaignId: row!.id })));
    await indexDocument(ctx.db, {
      entityType: 'campaign',
      entityId: row!.id,
      title: campaign.titleVi,
      body: [campaign.descriptionVi, campaign.titleEn, ...phases.map((p) => p.nameVi)].join(' · '),
      url: `/phong-trao/${encodeURIComponent(campaign.code)}`,
      isPublic: true,
    });
    await recordAudit(ctx, { action: 'campaigns.seed', entityType: 'campaign', entityId: row!.id, after: { code: campaign.code, phases: phases.length } });
  }
}
