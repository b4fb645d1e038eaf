import type { Period } from '../../../shared/contracts/reports.js';
import type { ReportPeriod, ReportRegime } from './schema.js';

export function presentPeriod(period: ReportPeriod, regime: Pick<ReportRegime, 'nameVi' | 'nameEn'>): Period {
  return {
    id: period.id,
    regimeId: period.regimeId,
    regimeName: { vi: regime.nameVi, en: regime.nameEn },
    label: period.label,
    name: { vi: period.nameVi, en: period.nameEn },
    cutoffFrom: period.cutoffFrom,
    cutoffTo: period.cutoffTo,
    dueOn: period.dueOn,
  };
}

export const unitOf = (unit: { id: string; code: string; nameVi: string; nameEn: string }) => ({
  id: unit.id,
  code: unit.code,
  name: { vi: unit.nameVi, en: unit.nameEn },
});
