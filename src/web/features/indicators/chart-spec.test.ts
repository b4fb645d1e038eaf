import { describe, expect, it } from 'vitest';
import type { PublicIndicator } from '../../../shared/contracts/indicators.js';
import { trajectorySpec } from './chart-spec.js';

const labels = { actual: 'Thực hiện', path: 'Lộ trình', target: 'Mục tiêu', illustrative: 'Số liệu minh họa' };
const digitalEconomy: PublicIndicator = {
  id: '00000000-0000-4000-8000-000000000001',
  code: 'KTS-GRDP',
  frameworkCode: 'TP-2030',
  name: { vi: 'Tỷ trọng kinh tế số trong GRDP', en: 'Digital economy share of GRDP' },
  unit: { vi: '%', en: '%' },
  method: null,
  dataSource: null,
  direction: 'higher',
  frequency: 'quarter',
  measureKey: 'digital_economy_share_grdp',
  projectionMethod: 'share',
  baseline: { value: 25, year: 2024, qualifier: null, isIllustrative: true },
  targets: [{ year: 2030, min: 30, max: 40, qualifier: null, isIllustrative: false }],
  responsibleUnit: null,
  sourceNote: null,
  planTaskCodes: [],
  series: [
    { period: '2025-Q2', periodEnd: '2025-06-30', at: 2025.5, value: 26.5, isIllustrative: false, sourceNote: 'Cục Thống kê' },
    { period: '2025-Q4', periodEnd: '2025-12-31', at: 2026, value: 27, isIllustrative: true, sourceNote: null },
  ],
  assessment: {
    status: 'on_track',
    threshold: 30,
    expected: 25.83,
    projected: 37,
    isProjectedToMeet: true,
    targetYear: 2030,
    method: 'share',
  },
  missingPeriods: [],
};

describe('an indicator’s trajectory', () => {
  it('has one category per period in time order, written the Vietnamese way', () => {
    const { spec } = trajectorySpec(digitalEconomy, labels, '%', 'vi');
    expect(spec.categories.map((c) => c.label)).toEqual(['2024', 'Quý 2/2025', 'Quý 4/2025', '2030']);
    expect(spec.series[0]!.values).toEqual([25, 26.5, 27, null]);
  });

  it('reads the straight path from the baseline to the threshold at each period’s end', () => {
    const { spec } = trajectorySpec(digitalEconomy, labels, '%', 'vi');
    const path = spec.series[1]!;
    expect(path.isDashed).toBe(true);
    expect(path.values[0]).toBe(25);
    expect(path.values[3]).toBe(30);
    // Half a year of six: a twelfth of the way from 25 to 30.
    expect(path.values[1]).toBeCloseTo(25 + 5 * (181 / 2191), 1);
  });

  it('draws a range as a band in its year and writes each target and note for the table', () => {
    const { spec, targetText, notes } = trajectorySpec(digitalEconomy, labels, '%', 'en');
    expect(spec.band).toEqual({ categoryKey: '2030', min: 30, max: 40, name: 'Mục tiêu' });
    expect(spec.threshold).toBeUndefined();
    expect(targetText).toEqual(['', '', '', '30–40\u00a0%']);
    expect(notes).toEqual(['Số liệu minh họa', 'Cục Thống kê', 'Số liệu minh họa', '']);
  });

  it('draws a floor as a line, and leaves out the path when nothing has been measured', () => {
    const floor = {
      ...digitalEconomy,
      targets: [{ year: 2030, min: 60, max: null, qualifier: null, isIllustrative: false }],
      assessment: { ...digitalEconomy.assessment, threshold: 60 },
    };
    expect(trajectorySpec(floor, labels, '%', 'vi').spec.threshold).toEqual({ value: 60, name: 'Mục tiêu' });
    const unmeasured = { ...floor, baseline: null, series: [] };
    const { spec } = trajectorySpec(unmeasured, labels, '%', 'vi');
    expect(spec.series.map((s) => s.key)).toEqual(['actual']);
    expect(spec.categories).toHaveLength(1);
  });
});
