import { and, asc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { expertBodySchema } from '../../../shared/contracts/ecosystem.js';
import { recordAudit } from '../../lib/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { conflict } from '../../lib/errors.js';
import { inTransaction } from '../../lib/tx.js';
import { requireUserId } from './access.js';
import { ecoExperts } from './schema.js';

/** What a person agrees to when they list themselves; kept with the listing as the record of consent. */
export const expertConsentText =
  'Tôi đồng ý công khai tên, lĩnh vực, nội dung hỗ trợ, đơn vị và e-mail công khai của tôi trong danh sách chuyên gia, cố vấn của hệ sinh thái đổi mới sáng tạo; tôi có thể rút lại bất cứ lúc nào (Nghị định 13/2023/NĐ-CP). / I agree to my name, fields, offer, affiliation and public e-mail being listed publicly as an ecosystem expert or mentor; I may withdraw at any time (Decree 13/2023/NĐ-CP).';

type ExpertRow = typeof ecoExperts.$inferSelect;
export const presentExpert = (row: ExpertRow) => ({
  id: row.id,
  displayName: row.displayName,
  fields: row.fields,
  offersVi: row.offersVi,
  offersEn: row.offersEn,
  affiliation: row.affiliation,
  publicEmail: row.publicEmail,
  consentedAt: new Date(row.consentedAt).toISOString(),
});

/** The person lists themselves (or updates their listing), giving consent again each time. */
export async function listMeAsExpert(ctx: ServiceContext, body: z.infer<typeof expertBodySchema>) {
  const userId = requireUserId(ctx);
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now().toISOString();
    const values = {
      displayName: body.displayName,
      fields: body.fields,
      offersVi: body.offersVi,
      offersEn: body.offersEn,
      affiliation: body.affiliation,
      publicEmail: body.publicEmail,
      consentedAt: now,
      consentText: expertConsentText,
      withdrawnAt: null,
      updatedAt: now,
    };
    const [row] = await tx.db
      .insert(ecoExperts)
      .values({ ...values, userId, createdAt: now })
      .onConflictDoUpdate({ target: ecoExperts.userId, set: values })
      .returning();
    await recordAudit(tx, {
      action: 'ecosystem.expert.consent',
      entityType: 'eco_expert',
      entityId: row!.id,
      after: { consentedAt: now, fields: body.fields },
    });
    return { expert: presentExpert(row!) };
  });
}

/** The person withdraws consent: the listing disappears from public view at once. */
export async function withdrawExpert(ctx: ServiceContext) {
  const userId = requireUserId(ctx);
  await inTransaction(ctx, async (tx) => {
    const now = tx.clock.now().toISOString();
    const [row] = await tx.db
      .update(ecoExperts)
      .set({ withdrawnAt: now, updatedAt: now })
      .where(and(eq(ecoExperts.userId, userId), isNull(ecoExperts.withdrawnAt)))
      .returning();
    if (!row)
      throw conflict({ vi: 'Bạn không có trong danh sách chuyên gia', en: 'You are not listed as an expert' }, { reason: 'NOT_LISTED' });
    await recordAudit(tx, { action: 'ecosystem.expert.withdraw', entityType: 'eco_expert', entityId: row.id, after: { withdrawnAt: now } });
  });
}

export async function myExpertListing(ctx: ServiceContext) {
  const userId = requireUserId(ctx);
  const [row] = await ctx.db
    .select()
    .from(ecoExperts)
    .where(and(eq(ecoExperts.userId, userId), isNull(ecoExperts.withdrawnAt)));
  return { expert: row ? presentExpert(row) : null };
}

/** Everyone listed now (consent not withdrawn). */
export async function listedExperts(ctx: ServiceContext) {
  const rows = await ctx.db
    .select()
    .from(ecoExperts)
    .where(isNull(ecoExperts.withdrawnAt))
    .orderBy(asc(ecoExperts.displayName), asc(ecoExperts.id));
  return rows;
}

export async function listExperts(ctx: ServiceContext) {
  return { items: (await listedExperts(ctx)).map(presentExpert) };
}
