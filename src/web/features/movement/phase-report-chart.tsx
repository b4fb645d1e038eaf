import { useEffect, useMemo, useRef } from 'react';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

export type Bar = { label: string; count: number };

/** The ECharts option of a horizontal bar chart: long Vietnamese labels read better on the y axis. */
export function barOption(bars: readonly Bar[]): echarts.EChartsCoreOption {
  const ordered = [...bars].reverse();
  return {
    animation: false,
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: ordered.map((b) => b.label), axisLabel: { width: 160, overflow: 'truncate' } },
    series: [{ type: 'bar', data: ordered.map((b) => b.count), itemStyle: { color: '#005a9c' }, label: { show: true, position: 'right' } }],
  };
}

/** A bar chart, hidden from assistive technology: the table beside it carries the same figures. */
export function ReportBarChart({ name, bars }: { name: string; bars: readonly Bar[] }) {
  const container = useRef<HTMLDivElement>(null);
  const option = useMemo(() => barOption(bars), [bars]);
  useEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    const chart = echarts.init(element, undefined, { renderer: 'svg' });
    chart.setOption(option);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option]);
  return <div ref={container} className="movement-chart" style={{ height: `${Math.max(120, bars.length * 36 + 32)}px` }} aria-hidden="true" data-chart={name} />;
}
