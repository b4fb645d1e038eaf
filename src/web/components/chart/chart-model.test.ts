import { describe, expect, it } from 'vitest';
import { formatNumber, formatPeriod } from '../../i18n/format.js';
import { chartOption, isSinglePoint, tooltipLines, type ChartSpec } from './chart-model.js';

const palette = { series: ['#111111', '#222222', '#333333'], band: 'rgba(0, 0, 0, 0.1)', axis: '#444444', grid: '#555555' };
const vi = (value: number) => formatNumber(value, 'vi');

type Axis = {
  type: string;
  data?: string[];
  inverse?: boolean;
  min?: number;
  max?: number;
  axisTick?: { interval: number };
  axisLabel: { interval?: number; formatter?: (v: number) => string };
};
type Series = { name: string; type: string; data: Array<number | null>; stack?: string; markLine?: { data: Array<{ yAxis: number }> } };
type Option = { xAxis: Axis; yAxis: Axis; series: Series[]; legend: { show?: boolean; data?: string[] }; tooltip: { show?: boolean } };

const byState: ChartSpec = {
  kind: 'bar',
  categories: [
    { key: 'recognised', label: 'Được công nhận' },
    { key: 'submitted', label: 'Đã nộp' },
  ],
  series: [{ key: 'count', name: 'Số sáng kiến', values: [5, 2] }],
};

const quarters = ['2024', '2025-Q1', '2025-Q2', '2030'];
const coverage: ChartSpec = {
  kind: 'line',
  categories: quarters.map((key) => ({ key, label: formatPeriod(key, 'vi') })),
  series: [
    { key: 'actual', name: 'Thực hiện', values: [72.5, 80, 81.25, null] },
    { key: 'path', name: 'Lộ trình', values: [72.5, 73.4, 74.3, 100], isDashed: true },
  ],
  band: { categoryKey: '2030', min: 95, max: 100, name: 'Mục tiêu' },
};

describe('bar charts', () => {
  it('lists the bars top-down in the order of the table, one label per category', () => {
    const option = chartOption(byState, { palette, formatValue: vi }) as Option;
    expect(option.yAxis.type).toBe('category');
    expect(option.yAxis.inverse).toBe(true);
    expect(option.yAxis.data).toEqual(['Được công nhận', 'Đã nộp']);
    expect(option.yAxis.axisLabel.interval).toBe(0);
    expect(option.series[0]!.data).toEqual([5, 2]);
    expect(option.legend.show).toBe(false);
  });

  it('stacks several series into one bar per category when asked', () => {
    const stacked: ChartSpec = {
      ...byState,
      isStacked: true,
      series: [byState.series[0]!, { key: 'late', name: 'Trễ hạn', values: [1, 0] }],
    };
    const option = chartOption(stacked, { palette, formatValue: vi }) as Option;
    expect(option.series.map((s) => s.stack)).toEqual(['total', 'total']);
    expect(option.legend.show).not.toBe(false);
  });
});

describe('line charts over periods', () => {
  it('gives every period its one tick and label, written the Vietnamese way', () => {
    const option = chartOption(coverage, { palette, formatValue: vi }) as Option;
    expect(option.xAxis.data).toEqual(['2024', 'Quý 1/2025', 'Quý 2/2025', '2030']);
    expect(option.xAxis.axisTick?.interval).toBe(0);
    expect(option.xAxis.axisLabel.interval).toBe(0);
    expect(option.yAxis.axisLabel.formatter!(12.5)).toBe('12,5');
  });

  it('draws the target band from its floor to its ceiling at its period, and keeps it all in view', () => {
    const option = chartOption(coverage, { palette, formatValue: vi }) as Option;
    const [base, band] = option.series;
    expect(base!.data).toEqual([null, null, null, 95]);
    expect(band!.data).toEqual([null, null, null, 5]);
    expect(band!.name).toBe('Mục tiêu');
    expect(option.yAxis.min).toBeLessThanOrEqual(72.5);
    expect(option.yAxis.max).toBeGreaterThanOrEqual(100);
    expect(option.legend.data).toEqual(['Thực hiện', 'Lộ trình', 'Mục tiêu']);
  });

  it('draws a floor as a dotted line, not a band', () => {
    const floor: ChartSpec = { ...coverage, band: undefined, threshold: { value: 60, name: 'Mục tiêu' } };
    const option = chartOption(floor, { palette, formatValue: vi }) as Option;
    expect(option.series.at(-1)!.markLine!.data).toEqual([{ yAxis: 60 }]);
    expect(option.series.some((s) => s.stack === 'band')).toBe(false);
  });

  it('says each period’s values in the tooltip, the band as a range, in the page’s language', () => {
    expect(tooltipLines(coverage, 1, vi)).toEqual(['Quý 1/2025', 'Thực hiện: 80', 'Lộ trình: 73,4']);
    expect(tooltipLines(coverage, 3, vi)).toEqual(['2030', 'Lộ trình: 100', 'Mục tiêu: 95–100']);
  });

  it('leaves out legend and tooltip on a small multiple', () => {
    const option = chartOption(coverage, { palette, formatValue: vi, isCompact: true }) as Option;
    expect(option.legend.show).toBe(false);
    expect(option.tooltip.show).toBe(false);
  });
});

describe('one point', () => {
  it('is shown as a figure, not a chart', () => {
    expect(isSinglePoint({ ...byState, categories: byState.categories.slice(0, 1) })).toBe(true);
    expect(isSinglePoint(byState)).toBe(false);
  });
});
