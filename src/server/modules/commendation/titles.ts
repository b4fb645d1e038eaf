import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { TitleDto, titleSettingsPatchSchema } from '../../../shared/contracts/commendation.js';
import { recordAudit } from '../../lib/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, notFound } from '../../lib/errors.js';
import { inTransaction } from '../../lib/tx.js';
import { titleTexts } from './rules.js';
import { commendationTitles } from './schema.js';
import type { TitleRow } from './facts.js';

const titleWord = { vi: 'Danh hiệu, hình thức khen thưởng', en: 'Title or form of commendation' };

export function presentTitle(row: TitleRow): TitleDto {
  const text = titleTexts[row.code];
  return {
    id: row.id,
    code: row.code,
    kind: row.kind,
    subject: row.subject,
    name: { vi: row.nameVi, en: row.nameEn },
    issuers: row.issuers,
    legalBasis: text.legalBasis,
    criteria: text.criteria,
    voteThresholdPercent: row.voteThresholdPercent,
    isThresholdStrict: row.isThresholdStrict,
    quorumNumerator: row.quorumNumerator,
    quorumDenominator: row.quorumDenominator,
    requiresInitiative: row.requiresInitiative,
    thresholdBasis: text.thresholdBasis,
    isThresholdConfirmed: text.isThresholdConfirmed,
  };
}

/** The titles and forms, with who gives each, their criteria and the vote each needs (public: the rules are public). */
export async function listTitles(ctx: ServiceContext) {
  const rows = await ctx.db.select().from(commendationTitles).orderBy(asc(commendationTitles.position));
  return { titles: rows.map(presentTitle) };
}

export async function loadTitle(ctx: ServiceContext, id: string): Promise<TitleRow> {
  const [row] = await ctx.db.select().from(commendationTitles).where(eq(commendationTitles.id, id));
  if (!row) throw notFound(titleWord, id);
  return row;
}

export async function getTitle(ctx: ServiceContext, id: string): Promise<TitleDto> {
  return presentTitle(await loadTitle(ctx, id));
}

/**
 * An administrator changes a title's vote threshold, quorum or (Chiến sĩ thi đua cơ sở) whether an
 * initiative is required: the values the sources did not confirm are settings. An open vote keeps the
 * values it opened with.
 */
export async function updateTitleSettings(
  ctx: ServiceContext,
  id: string,
  patch: z.output<typeof titleSettingsPatchSchema>,
): Promise<TitleDto> {
  return inTransaction(ctx, async (tx) => {
    const before = await loadTitle(tx, id);
    const after = { ...before, ...patch };
    if (after.quorumNumerator > after.quorumDenominator) {
      throw new AppError(
        'VALIDATION',
        {
          vi: 'Túc số không thể lớn hơn tổng số thành viên (tử số phải nhỏ hơn hoặc bằng mẫu số)',
          en: 'The quorum cannot exceed all members (the numerator must not exceed the denominator)',
        },
        { field: 'quorumNumerator' },
      );
    }
    if (after.requiresInitiative && before.code !== 'CSTD_CS') {
      throw new AppError(
        'VALIDATION',
        {
          vi: 'Chỉ danh hiệu “Chiến sĩ thi đua cơ sở” có cài đặt bắt buộc sáng kiến',
          en: 'Only Grassroots Emulation Fighter has the “initiative required” setting',
        },
        { field: 'requiresInitiative' },
      );
    }
    const [row] = await tx.db
      .update(commendationTitles)
      .set({ ...patch, updatedAt: tx.clock.now().toISOString() })
      .where(eq(commendationTitles.id, id))
      .returning();
    const keys = Object.keys(patch) as Array<keyof typeof patch>;
    await recordAudit(tx, {
      action: 'commendation.titles.update',
      entityType: 'commendation_title',
      entityId: id,
      before: Object.fromEntries(keys.map((k) => [k, before[k]])),
      after: Object.fromEntries(keys.map((k) => [k, row![k]])),
    });
    return presentTitle(row!);
  });
}
