import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { ScorecardRow } from '../../../shared/contracts/plans.js';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type Props = {
  rows: ScorecardRow[];
  labels: { onTime: string; late: string; overdue: string; inProgress: string };
  unitName: (row: ScorecardRow) => string;
};

/** Stacked bars per unit; hidden from assistive technology, which reads the table beside it instead. */
export function ScorecardChart({ rows, labels, unitName }: Props) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current, undefined, { renderer: 'canvas' });
    const series = (name: string, pick: (r: ScorecardRow) => number, color: string) => ({
      name,
      type: 'bar' as const,
      stack: 'tasks',
      data: rows.map(pick),
      itemStyle: { color },
    });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 40, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: rows.map(unitName), inverse: true, axisLabel: { width: 160, overflow: 'truncate' } },
      series: [
        series(labels.onTime, (r) => r.completedOnTime, '#17532f'),
        series(labels.late, (r) => r.completedLate, '#6a4700'),
        series(labels.overdue, (r) => r.overdue, '#b42318'),
        series(labels.inProgress, (r) => r.inProgress, '#0b4f8a'),
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [rows, labels, unitName]);
  return (
    <div ref={element} className="scorecard-chart" style={{ height: `${Math.max(240, rows.length * 28 + 60)}px` }} aria-hidden="true" />
  );
}
