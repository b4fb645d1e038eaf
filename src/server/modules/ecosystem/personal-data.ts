import { and, asc, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../lib/context.js';
import { applicationsBy } from './programmes.js';
import { ecoClaims, ecoExperts, ecoOrganisations } from './schema.js';

/** What the ecosystem holds about a person (Decree 13/2023): their expert listing with its consent, profiles they keep, claims, applications. */
export async function exportEcosystemDataOf(ctx: ServiceContext, userId: string) {
  const [expert] = await ctx.db.select().from(ecoExperts).where(eq(ecoExperts.userId, userId));
  const keeps = await ctx.db
    .select({ slug: ecoOrganisations.slug, nameVi: ecoOrganisations.nameVi })
    .from(ecoOrganisations)
    .where(eq(ecoOrganisations.ownerId, userId))
    .orderBy(asc(ecoOrganisations.slug));
  const claims = await ctx.db
    .select({
      organisationId: ecoClaims.organisationId,
      method: ecoClaims.method,
      email: ecoClaims.email,
      status: ecoClaims.status,
      note: ecoClaims.note,
      at: ecoClaims.createdAt,
    })
    .from(ecoClaims)
    .where(eq(ecoClaims.userId, userId))
    .orderBy(asc(ecoClaims.createdAt), asc(ecoClaims.id));
  const expertListing = expert
    ? {
        displayName: expert.displayName,
        fields: expert.fields,
        offersVi: expert.offersVi,
        offersEn: expert.offersEn,
        affiliation: expert.affiliation,
        publicEmail: expert.publicEmail,
        consentedAt: expert.consentedAt,
        consentText: expert.consentText,
        withdrawnAt: expert.withdrawnAt,
      }
    : null;
  return { expertListing, keeps, claims, applications: await applicationsBy(ctx, userId) };
}

/**
 * On erasure the expert listing goes entirely; profiles the person kept stay in the directory
 * (they describe organisations, not the person) without a keeper; claims go; applications stay
 * for the programme's record, no longer tied to the person.
 */
export async function eraseEcosystemDataOf(ctx: ServiceContext, userId: string): Promise<void> {
  await ctx.db.delete(ecoExperts).where(eq(ecoExperts.userId, userId));
  await ctx.db.delete(ecoClaims).where(eq(ecoClaims.userId, userId));
  await ctx.db
    .update(ecoOrganisations)
    .set({ ownerId: null })
    .where(and(eq(ecoOrganisations.ownerId, userId)));
}
