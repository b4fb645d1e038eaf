import type { LocalizedText } from '../../../shared/contracts/common.js';
import type { Observation } from '../../../shared/contracts/indicators.js';
import { toIso } from '../../lib/time.js';
import type { indicatorObservations, indicators } from './schema.js';

export type ObservationRow = {
  observation: typeof indicatorObservations.$inferSelect;
  indicator: Pick<typeof indicators.$inferSelect, 'code' | 'nameVi' | 'nameEn' | 'unitVi' | 'unitEn'>;
  enteredByName: string | null;
  reviewedByName: string | null;
};

const text = (vi: string, en: string): LocalizedText => ({ vi, en });

/** An observation as staff see it; `canReview` is computed for the caller. */
export function presentObservation(row: ObservationRow, canReview: boolean): Observation {
  const o = row.observation;
  return {
    id: o.id,
    indicatorId: o.indicatorId,
    indicatorCode: row.indicator.code,
    indicatorName: text(row.indicator.nameVi, row.indicator.nameEn),
    unit: text(row.indicator.unitVi, row.indicator.unitEn),
    period: o.period,
    periodEnd: o.periodEnd,
    revision: o.revision,
    value: o.value,
    sourceNote: o.sourceNote,
    attachmentId: o.attachmentId,
    status: o.status,
    isIllustrative: o.isIllustrative,
    enteredBy: o.enteredBy ? { id: o.enteredBy, displayName: row.enteredByName ?? '' } : null,
    enteredAt: toIso(o.enteredAt),
    reviewedBy: o.reviewedBy ? { id: o.reviewedBy, displayName: row.reviewedByName ?? '' } : null,
    reviewedAt: toIso(o.reviewedAt),
    reviewNote: o.reviewNote,
    canReview,
  };
}
