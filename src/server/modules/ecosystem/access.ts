import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, notFound, unauthenticated } from '../../lib/errors.js';
import { isEcosystemStaff } from './policy.js';
import { ecoOrganisations, type OrganisationRow } from './schema.js';

export const organisationWord = { vi: 'Tổ chức', en: 'Organisation' };
export const programmeWord = { vi: 'Chương trình', en: 'Programme' };
export const applicationWord = { vi: 'Hồ sơ đăng ký', en: 'Application' };

/** The caller's user id; 401 when nobody is signed in. */
export function requireUserId(ctx: ServiceContext): string {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor.userId;
}

/** An organisation by id; `forUpdate` locks the row for the rest of the transaction. */
export async function loadOrganisation(ctx: ServiceContext, id: string, forUpdate = false): Promise<OrganisationRow> {
  const query = ctx.db.select().from(ecoOrganisations).where(eq(ecoOrganisations.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound(organisationWord, id);
  return row;
}

export const isOwner = (ctx: ServiceContext, org: OrganisationRow): boolean => ctx.actor !== null && org.ownerId === ctx.actor.userId;

/** Owners keep their profile; the verifying staff may correct it too. */
export function requireKeeper(ctx: ServiceContext, org: OrganisationRow): void {
  requireUserId(ctx);
  if (isOwner(ctx, org) || isEcosystemStaff(ctx.actor)) return;
  throw new AppError(
    'FORBIDDEN',
    {
      vi: `Chỉ người quản lý hồ sơ '${org.nameVi}' mới được thay đổi hồ sơ này`,
      en: `Only the keeper of the profile '${org.nameVi}' may change it`,
    },
    { reason: 'NOT_OWNER' },
  );
}
