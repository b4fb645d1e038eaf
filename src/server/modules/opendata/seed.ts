import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { datasetInputSchema, datasetStates, liveSources, opendataLimits } from '../../../shared/contracts/opendata.js';
import type { ServiceContext } from '../../lib/context.js';
import { csvMediaType } from '../../lib/media-types.js';
import { seedsDir } from '../../lib/paths.js';
import { readDemoSeed } from '../../lib/seed-files.js';
import type { StorageDriver } from '../../lib/storage.js';
import { units, users } from '../identity/schema.js';
import { loadActor } from '../identity/sessions.js';
import { addResource, createDataset, transitionDataset, uploadResource } from './service.js';

const name = z.object({ vi: z.string(), en: z.string() });

const opendataSeed = z.object({
  version: z.literal(1),
  datasets: z.array(
    datasetInputSchema.omit({ publisherUnitId: true, sharedWithUnitIds: true }).extend({
      /** The demo account that drafts it (and, for a manager, publishes it). */
      by: z.email(),
      state: z.enum(datasetStates),
      publisher: z.string(),
      resources: z.array(
        z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('live'), liveSource: z.enum(liveSources), name, description: name }),
          /** A CSV under seeds/demo, uploaded under `fileName`. */
          z.object({ kind: z.literal('file'), file: z.string(), fileName: z.string() }),
        ]),
      ),
    }),
  ),
});

/** A demo account acting as if signed in with its second factor, so it may do what its roles allow. */
async function signedIn(ctx: ServiceContext, email: string): Promise<ServiceContext> {
  const [user] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  const actor = user ? await loadActor(ctx.db, user.id, { hasSecondFactor: true }) : null;
  if (!actor) throw new Error(`opendata seed: no account ${email}`);
  return { ...ctx, actor };
}

async function unitIdByCode(ctx: ServiceContext, code: string): Promise<string> {
  const [unit] = await ctx.db.select({ id: units.id }).from(units).where(eq(units.code, code));
  if (!unit) throw new Error(`opendata seed: no unit ${code}`);
  return unit.id;
}

/**
 * The catalogue as its people build it, through the same services: officers draft and propose, the
 * programme manager publishes; live tables and uploaded CSV files are loaded into the datastore.
 */
export async function seedOpendata(ctx: ServiceContext, storage: StorageDriver): Promise<void> {
  const seed = readDemoSeed('opendata.json', opendataSeed);
  const manager = await signedIn(ctx, 'quanly@demo.doimoi.vn');
  for (const { by, state, publisher, resources, ...input } of seed.datasets) {
    const author = await signedIn(ctx, by);
    const dataset = await createDataset(author, { ...input, publisherUnitId: await unitIdByCode(ctx, publisher), sharedWithUnitIds: [] });
    for (const resource of resources) {
      if (resource.kind === 'live') await addResource(author, dataset.id, resource);
      else {
        const bytes = readFileSync(join(seedsDir, 'demo', resource.file));
        const file = {
          fileName: resource.fileName,
          maxBytes: opendataLimits.resourceMaxBytes,
          accept: [csvMediaType] as const,
          stream: Readable.from([bytes]),
        };
        await uploadResource(author, storage, dataset.id, file);
      }
    }
    if (state === 'draft') continue;
    await transitionDataset(author, dataset.id, 'propose');
    if (state === 'published') await transitionDataset(manager, dataset.id, 'publish');
  }
}
