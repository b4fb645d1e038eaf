import { asc, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../lib/context.js';
import { requireUserId } from './access.js';
import { listClaims } from './claims.js';
import { evidenceOf } from './files.js';
import { unverifiedProfiles } from './organisations.js';
import { presentSummary, wardsOf } from './presenter.js';
import { applicationsOfKeeper } from './programmes.js';
import { ecoOrganisations } from './schema.js';

/** The staff's queue: kept profiles not verified yet with their evidence, and claims proved by a document. */
export async function verificationQueue(ctx: ServiceContext) {
  const { rows, wards, now } = await unverifiedProfiles(ctx);
  const items = await Promise.all(
    rows.map(async (o) => ({ ...presentSummary(o, wards, now), hasOwner: o.ownerId !== null, evidence: await evidenceOf(ctx, o.id) })),
  );
  return { items, claims: await listClaims(ctx, { pendingOnly: true }) };
}

/** What the caller keeps: their profiles, their claims, their organisations' applications. */
export async function whatIKeep(ctx: ServiceContext) {
  const userId = requireUserId(ctx);
  const kept = await ctx.db
    .select()
    .from(ecoOrganisations)
    .where(eq(ecoOrganisations.ownerId, userId))
    .orderBy(asc(ecoOrganisations.nameVi), asc(ecoOrganisations.id));
  const wards = await wardsOf(ctx, kept);
  const now = ctx.clock.now();
  return {
    organisations: kept.map((o) => presentSummary(o, wards, now)),
    claims: await listClaims(ctx, { userId }),
    applications: await applicationsOfKeeper(ctx, userId),
  };
}
