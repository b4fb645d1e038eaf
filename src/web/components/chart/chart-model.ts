/*
 * What a chart shows, independent of how it is drawn: categories (periods, units, states) and series of
 * values, one per category. The same model draws the ECharts figure and fills the data table beside it,
 * so the two always carry the same figures.
 */

export type ChartCategory = { key: string; label: string };

export type ChartSeries = {
  key: string;
  name: string;
  /** One value per category, in the categories' order; null where there is none. */
  values: ReadonlyArray<number | null>;
  /** A dashed line: a planned path rather than what happened. */
  isDashed?: boolean;
};

export type ChartSpec = {
  /** Bars for counts by category (drawn sideways: long Vietnamese names read better), lines for periods. */
  kind: 'bar' | 'line';
  categories: readonly ChartCategory[];
  series: readonly ChartSeries[];
  /** Bars of several series stacked into one per category. */
  isStacked?: boolean;
  /** A target range drawn as a band at one category (a line's target year). */
  band?: { categoryKey: string; min: number; max: number; name: string };
  /** A target level drawn as a dotted line across the chart (a floor or a ceiling). */
  threshold?: { value: number; name: string };
};

export type Palette = { series: readonly string[]; band: string; axis: string; grid: string };

export type ChartOptionContext = {
  palette: Palette;
  /** Numbers as the page's language writes them ("12,5"). */
  formatValue: (value: number) => string;
  /** A small multiple: no legend, no tooltip, fewer ticks. */
  isCompact?: boolean;
};

/** Charts draw only when there are two categories or more; one point is shown as a figure instead. */
export function isSinglePoint(spec: ChartSpec): boolean {
  return spec.categories.length < 2;
}

/** Rounds outward to two significant figures, so the value axis ends on readable numbers. */
function niceBounds(values: readonly number[]): { min: number; max: number } | null {
  if (values.length === 0) return null;
  const low = Math.min(...values);
  const high = Math.max(...values);
  const margin = (high - low || Math.abs(high) || 1) * 0.08;
  const step = (value: number) => 10 ** (Math.floor(Math.log10(Math.abs(value) || 1)) - 1);
  const min = low >= 0 && low - margin < 0 ? 0 : Math.floor((low - margin) / step(low - margin)) * step(low - margin);
  const max = Math.ceil((high + margin) / step(high + margin)) * step(high + margin);
  return { min, max };
}

type TooltipParam = { dataIndex: number };

/** The tooltip of one category: each series' value, the band as a range; written in the page's language. */
export function tooltipLines(spec: ChartSpec, categoryIndex: number, formatValue: (value: number) => string): string[] {
  const category = spec.categories[categoryIndex];
  if (!category) return [];
  const lines = [category.label];
  for (const series of spec.series) {
    const value = series.values[categoryIndex];
    if (value !== null && value !== undefined) lines.push(`${series.name}: ${formatValue(value)}`);
  }
  if (spec.band && spec.band.categoryKey === category.key)
    lines.push(`${spec.band.name}: ${formatValue(spec.band.min)}–${formatValue(spec.band.max)}`);
  return lines;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The ECharts option for a model. Decorative only (`aria` off): the data table beside the chart is
 * what assistive technology reads. Every category gets its tick and label; bars list top-down in the
 * table's order; the value axis spans every value and the whole target band.
 */
export function chartOption(spec: ChartSpec, context: ChartOptionContext): Record<string, unknown> {
  const { palette, formatValue, isCompact = false } = context;
  const colour = (index: number) => palette.series[index % palette.series.length]!;
  const labels = spec.categories.map((c) => c.label);
  const valueAxis = {
    type: 'value',
    axisLabel: { formatter: (value: number) => formatValue(value), color: palette.axis, showMinLabel: spec.kind === 'bar' },
    splitLine: { lineStyle: { color: palette.grid } },
    splitNumber: isCompact ? 3 : 5,
    ...(spec.series.every((s) => s.values.every((v) => v === null || Number.isInteger(v))) ? { minInterval: 1 } : {}),
  };
  const categoryAxis = {
    type: 'category',
    data: labels,
    axisTick: { alignWithLabel: true, interval: 0 },
    axisLabel: {
      interval: 0,
      hideOverlap: true,
      color: palette.axis,
      ...(spec.kind === 'bar' ? { width: 160, overflow: 'truncate' } : {}),
    },
    axisLine: { lineStyle: { color: palette.axis } },
  };
  const common = {
    animation: false,
    aria: { enabled: false },
    color: palette.series,
    grid: isCompact
      ? { left: 8, right: 12, top: 12, bottom: 8, containLabel: true }
      : { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    legend:
      isCompact || (spec.series.length < 2 && !spec.band && !spec.threshold)
        ? { show: false }
        : { top: 0, textStyle: { color: palette.axis } },
    tooltip: isCompact
      ? { show: false }
      : {
          trigger: 'axis',
          axisPointer: { type: spec.kind === 'bar' ? 'shadow' : 'line' },
          formatter: (params: TooltipParam | TooltipParam[]) => {
            const first = Array.isArray(params) ? params[0] : params;
            return first ? tooltipLines(spec, first.dataIndex, formatValue).map(escapeHtml).join('<br>') : '';
          },
        },
  };

  if (spec.kind === 'bar') {
    return {
      ...common,
      xAxis: valueAxis,
      // ECharts draws a category axis bottom-up; inverted, the bars read top-down like the table.
      yAxis: { ...categoryAxis, inverse: true },
      series: spec.series.map((series, index) => ({
        name: series.name,
        type: 'bar',
        data: series.values,
        itemStyle: { color: colour(index) },
        ...(spec.isStacked
          ? { stack: 'total' }
          : { label: { show: true, position: 'right', formatter: ({ value }: { value: number }) => formatValue(value) } }),
      })),
    };
  }

  const bandIndex = spec.band ? spec.categories.findIndex((c) => c.key === spec.band!.categoryKey) : -1;
  const levels = [
    ...spec.series.flatMap((s) => s.values.filter((v): v is number => v !== null)),
    ...(spec.band ? [spec.band.min, spec.band.max] : []),
    ...(spec.threshold ? [spec.threshold.value] : []),
  ];
  const bounds = niceBounds(levels);
  const bandSeries =
    spec.band && bandIndex >= 0
      ? [
          // The band is a bar from its floor to its ceiling: a transparent base from zero, the range on top.
          {
            name: `${spec.band.name}-base`,
            type: 'bar',
            stack: 'band',
            silent: true,
            barWidth: '50%',
            itemStyle: { color: 'transparent' },
            data: labels.map((_, i) => (i === bandIndex ? spec.band!.min : null)),
          },
          {
            name: spec.band.name,
            type: 'bar',
            stack: 'band',
            silent: true,
            barWidth: '50%',
            itemStyle: { color: palette.band, borderColor: colour(0), borderWidth: 1 },
            data: labels.map((_, i) => (i === bandIndex ? spec.band!.max - spec.band!.min : null)),
          },
        ]
      : [];
  return {
    ...common,
    legend:
      common.legend.show === false
        ? common.legend
        : {
            ...common.legend,
            data: [
              ...spec.series.map((s) => s.name),
              ...(spec.band ? [spec.band.name] : []),
              ...(spec.threshold ? [spec.threshold.name] : []),
            ],
          },
    xAxis: categoryAxis,
    yAxis: { ...valueAxis, ...(bounds ? { min: bounds.min, max: bounds.max } : {}) },
    series: [
      ...bandSeries,
      ...spec.series.map((series, index) => ({
        name: series.name,
        type: 'line',
        data: series.values,
        connectNulls: true,
        symbol: series.isDashed ? 'none' : 'circle',
        symbolSize: isCompact ? 6 : 9,
        lineStyle: { color: colour(index), width: series.isDashed ? 1.5 : 2.5, type: series.isDashed ? 'dashed' : 'solid' },
        itemStyle: { color: colour(index) },
      })),
      ...(spec.threshold
        ? [
            {
              name: spec.threshold.name,
              type: 'line',
              data: [],
              itemStyle: { color: colour(0) },
              markLine: {
                silent: true,
                symbol: 'none',
                label: { show: false },
                lineStyle: { color: colour(0), type: 'dotted', width: 2 },
                data: [{ yAxis: spec.threshold.value }],
              },
            },
          ]
        : []),
    ],
  };
}
