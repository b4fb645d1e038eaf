import type { EChartsCoreOption } from 'echarts/core';
import type { PublicIndicator } from '../../../shared/contracts/indicators.js';

export type ChartLabels = { actual: string; path: string; target: string };

const colors = { actual: '#0b4f8a', path: '#5e6a7a', band: 'rgba(11, 79, 138, 0.14)', bandEdge: '#0b4f8a' };

const endOfYear = (year: number) => `${year}-12-31`;

/** Rounds to two significant figures, outward, so axis ends are readable numbers. */
const step = (value: number) => 10 ** (Math.floor(Math.log10(Math.abs(value) || 1)) - 1);
const roundDown = (value: number) => Math.floor(value / step(value)) * step(value);
const roundUp = (value: number) => Math.ceil(value / step(value)) * step(value);

/**
 * The trajectory of one indicator: approved values (with the baseline first), the straight path from
 * its start to the target, and the target band in the target year (a line for a floor or a ceiling).
 */
export function trajectoryOption(indicator: PublicIndicator, labels: ChartLabels, isCompact: boolean): EChartsCoreOption {
  const actual: Array<[string, number]> = [
    ...(indicator.baseline ? [[endOfYear(indicator.baseline.year), indicator.baseline.value] as [string, number]] : []),
    ...indicator.series.map((point): [string, number] => [point.periodEnd, point.value]),
  ];
  const target = indicator.targets.find((t) => t.year === indicator.assessment.targetYear) ?? indicator.targets.at(-1) ?? null;
  const threshold = indicator.assessment.threshold;
  const start = actual[0] ?? null;
  const path: Array<[string, number]> = target && threshold !== null && start ? [start, [endOfYear(target.year), threshold]] : [];
  const isRange = target !== null && target.min !== null && target.max !== null && target.min !== target.max;
  const years = [
    ...(indicator.baseline ? [indicator.baseline.year] : []),
    ...indicator.series.map((p) => Number(p.periodEnd.slice(0, 4))),
    ...indicator.targets.map((t) => t.year),
  ];
  const firstYear = years.length ? Math.min(...years) : 2024;
  const lastYear = years.length ? Math.max(...years) : 2030;
  // The value axis spans the values, the path and the whole target band, so the band is never cut off.
  const levels = [...actual.map(([, v]) => v), ...path.map(([, v]) => v), ...(target ? [target.min, target.max].filter((v): v is number => v !== null) : [])];
  const low = levels.length ? Math.min(...levels) : 0;
  const high = levels.length ? Math.max(...levels) : 1;
  const margin = (high - low || Math.abs(high) || 1) * 0.08;

  return {
    animation: false,
    aria: { enabled: false },
    grid: isCompact ? { left: 8, right: 12, top: 12, bottom: 8, containLabel: true } : { left: 16, right: 24, top: 40, bottom: 16, containLabel: true },
    legend: isCompact ? { show: false } : { top: 0, data: [labels.actual, labels.path, labels.target] },
    tooltip: isCompact ? { show: false } : { trigger: 'axis' },
    // Values sit at the end of their period; the tick at 1 January Y is the end of year Y − 1, labelled so.
    xAxis: {
      type: 'time',
      min: `${firstYear}-01-01`,
      max: `${lastYear + 1}-01-01`,
      axisLabel: { formatter: (value: number) => String(new Date(value).getFullYear() - 1), hideOverlap: true },
      splitLine: { show: false },
    },
    yAxis: { type: 'value', min: roundDown(low - margin), max: roundUp(high + margin), splitNumber: isCompact ? 3 : 5, axisLabel: { showMinLabel: false } },
    series: [
      {
        name: labels.path,
        type: 'line',
        data: path,
        symbol: 'none',
        lineStyle: { type: 'dashed', color: colors.path, width: 1.5 },
        itemStyle: { color: colors.path },
      },
      {
        name: labels.target,
        type: 'line',
        data: [],
        itemStyle: { color: colors.bandEdge },
        ...(target && isRange
          ? { markArea: { silent: true, itemStyle: { color: colors.band, borderColor: colors.bandEdge, borderWidth: 1 }, data: [[{ xAxis: `${target.year}-01-01`, yAxis: target.min }, { xAxis: endOfYear(target.year), yAxis: target.max }]] } }
          : {}),
        ...(target && !isRange && threshold !== null
          ? { markLine: { silent: true, symbol: 'none', label: { show: false }, lineStyle: { color: colors.bandEdge, type: 'dotted', width: 2 }, data: [{ yAxis: threshold }] } }
          : {}),
      },
      {
        name: labels.actual,
        type: 'line',
        data: actual,
        symbolSize: isCompact ? 6 : 9,
        lineStyle: { color: colors.actual, width: 2.5 },
        itemStyle: { color: colors.actual },
      },
    ],
  };
}
