import { and, asc, eq, inArray } from 'drizzle-orm';
import { ecosystemLimits, ecosystemPaths } from '../../../shared/contracts/ecosystem.js';
import { attachments } from '../../db/platform-schema.js';
import { recordAudit } from '../../lib/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, conflict, notFound } from '../../lib/errors.js';
import { newSecret, sha256Hex } from '../../lib/tokens.js';
import { inTransaction } from '../../lib/tx.js';
import { loadOrganisation, requireUserId } from './access.js';
import { emailAddress, notifyPeople } from './notify.js';
import { fileUrl, namedOf, organisationUrl } from './presenter.js';
import { ecoClaims, ecoOrganisationFiles, ecoOrganisations, type OrganisationRow } from './schema.js';

const claimWord = { vi: 'Yêu cầu nhận quản lý hồ sơ', en: 'Claim' };

/** "https://www.sihub.vn/gioi-thieu" → "sihub.vn". */
export function domainOf(website: string | null): string | null {
  if (!website) return null;
  try {
    return new URL(website).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** An address is at the organisation's domain when its host is the domain or one under it. */
export function isAtDomain(email: string, domain: string): boolean {
  const host = email.split('@').pop()!.toLowerCase();
  return host === domain || host.endsWith(`.${domain}`);
}

const alreadyKept = (org: OrganisationRow) =>
  conflict(
    { vi: `Hồ sơ '${org.nameVi}' đã có người quản lý`, en: `The profile '${org.nameVi}' already has a keeper` },
    { reason: 'ALREADY_OWNED' },
  );

/**
 * A person claims an existing profile that nobody keeps. By e-mail: a link goes to an address at
 * the organisation's web domain, and opening it (signed in as the claimant) hands the profile
 * over. By document: the claimant uploads proof to the profile and staff decide.
 */
export async function claimOrganisation(
  ctx: ServiceContext,
  organisationId: string,
  input: { method: 'email' | 'document'; email?: string | undefined; note: string },
) {
  const userId = requireUserId(ctx);
  return inTransaction(ctx, async (tx) => {
    const org = await loadOrganisation(tx, organisationId, true);
    if (org.ownerId !== null) throw alreadyKept(org);
    const [open] = await tx.db
      .select({ id: ecoClaims.id })
      .from(ecoClaims)
      .where(and(eq(ecoClaims.organisationId, organisationId), eq(ecoClaims.userId, userId), eq(ecoClaims.status, 'pending')));
    if (open)
      throw conflict(
        { vi: 'Bạn đã có một yêu cầu đang chờ cho hồ sơ này', en: 'You already have a pending claim on this profile' },
        { reason: 'CLAIM_PENDING', claimId: open.id },
      );
    let token: string | null = null;
    if (input.method === 'email') {
      const domain = domainOf(org.website);
      const message = domain
        ? {
            vi: `Hãy dùng một địa chỉ e-mail thuộc tên miền ${domain} của tổ chức`,
            en: `Use an e-mail address at the organisation's domain ${domain}`,
          }
        : {
            vi: 'Hồ sơ chưa có trang web nên không thể xác nhận qua e-mail; hãy gửi giấy tờ chứng minh',
            en: 'The profile has no website, so e-mail proof is not possible; send a document instead',
          };
      if (!input.email || !domain || !isAtDomain(input.email, domain))
        throw new AppError('VALIDATION', message, [{ path: 'body.email', code: 'rule', message }]);
      token = newSecret();
    }
    const now = tx.clock.now();
    const [claim] = await tx.db
      .insert(ecoClaims)
      .values({
        organisationId,
        userId,
        method: input.method,
        email: input.email ?? null,
        tokenHash: token ? sha256Hex(token) : null,
        tokenExpiresAt: token ? new Date(now.getTime() + ecosystemLimits.claimLinkHours * 3_600_000).toISOString() : null,
        note: input.note,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      })
      .returning();
    await recordAudit(tx, {
      action: 'ecosystem.claim.create',
      entityType: 'eco_organisation',
      entityId: organisationId,
      after: { claimId: claim!.id, method: input.method },
    });
    if (token && input.email) {
      await emailAddress(tx, input.email, {
        title: { vi: `Xác nhận quản lý hồ sơ ${org.nameVi}`, en: `Confirm you keep the profile of ${org.nameEn || org.nameVi}` },
        body: {
          vi: `Có người đề nghị quản lý hồ sơ của ${org.nameVi} trên danh bạ hệ sinh thái đổi mới sáng tạo. Mở liên kết trong ${ecosystemLimits.claimLinkHours} giờ, khi đã đăng nhập, để xác nhận. Nếu không phải bạn, hãy bỏ qua thư này.`,
          en: `Someone asked to keep the profile of ${org.nameEn || org.nameVi} in the innovation ecosystem directory. Open the link within ${ecosystemLimits.claimLinkHours} hours, signed in, to confirm. If it was not you, ignore this message.`,
        },
        url: `${ecosystemPaths.confirmClaim}?token=${token}`,
      });
    }
    return presentClaim(tx, claim!, org);
  });
}

/** The claimant opens the link sent to the organisation's address: the profile is theirs. */
export async function confirmClaim(ctx: ServiceContext, token: string) {
  const userId = requireUserId(ctx);
  return inTransaction(ctx, async (tx) => {
    const [claim] = await tx.db
      .select()
      .from(ecoClaims)
      .where(eq(ecoClaims.tokenHash, sha256Hex(token)))
      .for('update');
    const gone = new AppError('GONE', {
      vi: 'Liên kết xác nhận không còn hiệu lực; hãy gửi yêu cầu mới',
      en: 'The confirmation link is no longer valid; send a new claim',
    });
    if (!claim || claim.userId !== userId || claim.status !== 'pending') throw gone;
    if (claim.tokenExpiresAt && new Date(claim.tokenExpiresAt) <= tx.clock.now()) throw gone;
    const org = await loadOrganisation(tx, claim.organisationId, true);
    if (org.ownerId !== null) throw alreadyKept(org);
    await handOver(tx, claim.id, org, userId, 'email link');
    return getClaim(tx, claim.id);
  });
}

async function handOver(tx: ServiceContext, claimId: string, org: OrganisationRow, userId: string, how: string) {
  const now = tx.clock.now().toISOString();
  await tx.db
    .update(ecoClaims)
    .set({ status: 'approved', tokenHash: null, decidedAt: now, decidedBy: tx.actor?.userId ?? null, updatedAt: now })
    .where(eq(ecoClaims.id, claimId));
  await tx.db
    .update(ecoOrganisations)
    .set({ ownerId: userId, lastConfirmedAt: now, updatedAt: now })
    .where(eq(ecoOrganisations.id, org.id));
  await recordAudit(tx, {
    action: 'ecosystem.claim.approve',
    entityType: 'eco_organisation',
    entityId: org.id,
    after: { claimId, owner: 'changed', how },
  });
}

/** Staff decide a claim proved by a document; the claimant hears either way. */
export async function decideClaim(ctx: ServiceContext, claimId: string, input: { decision: 'approve' | 'reject'; note: string }) {
  requireUserId(ctx);
  return inTransaction(ctx, async (tx) => {
    const [claim] = await tx.db.select().from(ecoClaims).where(eq(ecoClaims.id, claimId)).for('update');
    if (!claim) throw notFound(claimWord, claimId);
    if (claim.status !== 'pending')
      throw conflict({ vi: 'Yêu cầu này đã được xử lý', en: 'This claim was already decided' }, { reason: 'CLAIM_DECIDED' });
    const org = await loadOrganisation(tx, claim.organisationId, true);
    if (input.decision === 'approve') {
      if (org.ownerId !== null) throw alreadyKept(org);
      await handOver(tx, claim.id, org, claim.userId, 'document');
    } else {
      const now = tx.clock.now().toISOString();
      await tx.db
        .update(ecoClaims)
        .set({ status: 'rejected', note: input.note, tokenHash: null, decidedAt: now, decidedBy: tx.actor!.userId, updatedAt: now })
        .where(eq(ecoClaims.id, claimId));
      await recordAudit(tx, {
        action: 'ecosystem.claim.reject',
        entityType: 'eco_organisation',
        entityId: org.id,
        after: { claimId, note: input.note },
      });
    }
    const approved = input.decision === 'approve';
    await notifyPeople(tx, [claim.userId], {
      title: approved
        ? { vi: `Bạn đã là người quản lý hồ sơ ${org.nameVi}`, en: `You now keep the profile of ${org.nameEn || org.nameVi}` }
        : {
            vi: `Yêu cầu quản lý hồ sơ ${org.nameVi} không được chấp nhận`,
            en: `Your claim on ${org.nameEn || org.nameVi} was not accepted`,
          },
      body: {
        vi: input.note || (approved ? 'Bạn có thể cập nhật hồ sơ ngay.' : 'Hãy liên hệ Trung tâm Khởi nghiệp sáng tạo nếu cần.'),
        en: input.note || (approved ? 'You can update the profile now.' : 'Contact the Startup and Innovation Centre if needed.'),
      },
      url: organisationUrl(org.slug),
    });
    return getClaim(tx, claimId);
  });
}

/** Whether this person has a pending claim on the organisation (they may then upload proof to it). */
export async function hasPendingClaim(ctx: ServiceContext, organisationId: string, userId: string): Promise<boolean> {
  const [row] = await ctx.db
    .select({ id: ecoClaims.id })
    .from(ecoClaims)
    .where(and(eq(ecoClaims.organisationId, organisationId), eq(ecoClaims.userId, userId), eq(ecoClaims.status, 'pending')));
  return row !== undefined;
}

async function presentClaim(ctx: ServiceContext, claim: typeof ecoClaims.$inferSelect, org: OrganisationRow) {
  // The claimant's proof: evidence files they uploaded to the profile.
  const evidence = await ctx.db
    .select({ id: attachments.id, fileName: attachments.fileName })
    .from(ecoOrganisationFiles)
    .innerJoin(attachments, eq(attachments.id, ecoOrganisationFiles.attachmentId))
    .where(
      and(
        eq(ecoOrganisationFiles.organisationId, org.id),
        eq(ecoOrganisationFiles.purpose, 'evidence'),
        eq(attachments.createdBy, claim.userId),
      ),
    )
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
  return {
    id: claim.id,
    organisation: namedOf(org),
    method: claim.method,
    email: claim.email,
    status: claim.status,
    note: claim.note,
    evidence: evidence.map((e) => ({ ...e, url: fileUrl(org.id, e.id) })),
    createdAt: new Date(claim.createdAt).toISOString(),
  };
}

async function getClaim(ctx: ServiceContext, id: string) {
  const [claim] = await ctx.db.select().from(ecoClaims).where(eq(ecoClaims.id, id));
  if (!claim) throw notFound(claimWord, id);
  return presentClaim(ctx, claim, await loadOrganisation(ctx, claim.organisationId));
}

/** Claims by status or by person, presented. */
export async function listClaims(ctx: ServiceContext, where: { userId?: string; pendingOnly?: boolean }) {
  const rows = await ctx.db
    .select()
    .from(ecoClaims)
    .where(
      and(where.userId ? eq(ecoClaims.userId, where.userId) : undefined, where.pendingOnly ? eq(ecoClaims.status, 'pending') : undefined),
    )
    .orderBy(asc(ecoClaims.createdAt), asc(ecoClaims.id))
    .limit(200);
  if (rows.length === 0) return [];
  const orgs = await ctx.db
    .select()
    .from(ecoOrganisations)
    .where(inArray(ecoOrganisations.id, [...new Set(rows.map((r) => r.organisationId))]));
  const byId = new Map(orgs.map((o) => [o.id, o]));
  return Promise.all(rows.map((r) => presentClaim(ctx, r, byId.get(r.organisationId)!)));
}
