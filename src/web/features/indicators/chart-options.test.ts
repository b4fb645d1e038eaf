import { describe, expect, it } from 'vitest';
import type { PublicIndicator } from '../../../shared/contracts/indicators.js';
import { trajectoryOption } from './chart-options.js';
import { formatTarget } from './format.js';

const labels = { actual: 'Thực hiện', path: 'Lộ trình', target: 'Mục tiêu' };
const digitalEconomy: PublicIndicator = {
  id: '00000000-0000-4000-8000-000000000001',
  code: 'KTS-GRDP',
  frameworkCode: 'NQ57-2030',
  name: { vi: 'Tỷ trọng kinh tế số trong GRDP', en: 'Digital economy share of GRDP' },
  unit: { vi: '%', en: '%' },
  method: null,
  dataSource: null,
  direction: 'higher',
  frequency: 'year',
  baseline: { value: 25, year: 2024, isIllustrative: true },
  targets: [{ year: 2030, min: 30, max: 40, isIllustrative: false }],
  responsibleUnit: null,
  sourceNote: null,
  planTaskCodes: [],
  series: [{ period: '2025', periodEnd: '2025-12-31', at: 2026, value: 27, isIllustrative: true, sourceNote: null }],
  assessment: { status: 'on_track', threshold: 30, expected: 25.83, projected: 37, isProjectedToMeet: true, targetYear: 2030 },
  missingPeriods: [],
};

type Series = { name: string; data: unknown[]; markArea?: { data: unknown[] }; markLine?: unknown };

describe('the trajectory chart', () => {
  it('draws the values from the baseline, the path to the lower edge of the range and the 30–40 band in 2030', () => {
    const option = trajectoryOption(digitalEconomy, labels, false) as { series: Series[]; yAxis: { min: number; max: number } };
    const [path, target, actual] = option.series;
    expect(actual!.data).toEqual([
      ['2024-12-31', 25],
      ['2025-12-31', 27],
    ]);
    expect(path!.data).toEqual([
      ['2024-12-31', 25],
      ['2030-12-31', 30],
    ]);
    expect(target!.markArea!.data).toEqual([[{ xAxis: '2030-01-01', yAxis: 30 }, { xAxis: '2030-12-31', yAxis: 40 }]]);
    // The whole band is in view.
    expect(option.yAxis.min).toBeLessThanOrEqual(25);
    expect(option.yAxis.max).toBeGreaterThanOrEqual(40);
  });

  it('draws a floor as a line, not a band', () => {
    const floor = { ...digitalEconomy, targets: [{ year: 2030, min: 60, max: null, isIllustrative: false }], assessment: { ...digitalEconomy.assessment, threshold: 60 } };
    const [, target] = (trajectoryOption(floor, labels, true) as { series: Series[] }).series;
    expect(target!.markArea).toBeUndefined();
    expect(target!.markLine).toMatchObject({ data: [{ yAxis: 60 }] });
  });
});

describe('targets as people write them', () => {
  it('shows a range, a floor, a ceiling and one value in each language', () => {
    expect(formatTarget({ min: 30, max: 40 }, '%', 'vi')).toBe('30–40\u00a0%');
    expect(formatTarget({ min: 21000, max: null }, 'người', 'vi')).toBe('≥\u00a021.000\u00a0người');
    expect(formatTarget({ min: null, max: 2.5 }, 'days', 'en')).toBe('≤\u00a02.5\u00a0days');
    expect(formatTarget({ min: 40, max: 40 }, '%', 'en')).toBe('40\u00a0%');
  });
});
