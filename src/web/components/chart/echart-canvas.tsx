import { useEffect, useRef } from 'react';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { chartOption, type ChartSpec, type Palette } from './chart-model.js';
import styles from './chart.module.css';

// Only what the app draws: bars and lines, with axes, legend, tooltip and a target line, as SVG.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

/** The chart colours, from the design tokens (ECharts needs the values, not the custom properties). */
function readPalette(element: HTMLElement): Palette {
  const style = getComputedStyle(element);
  const token = (name: string) => style.getPropertyValue(name).trim();
  return {
    series: [1, 2, 3, 4, 5].map((n) => token(`--color-chart-${n}`)),
    band: token('--color-chart-band'),
    axis: token('--color-chart-axis'),
    grid: token('--color-chart-grid'),
  };
}

type EChartCanvasProps = { spec: ChartSpec; formatValue: (value: number) => string; isCompact: boolean; height: number; name: string };

/** Draws the model with ECharts, redrawn when it changes and resized with its box. */
export function EChartCanvas({ spec, formatValue, isCompact, height, name }: EChartCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    const chart = echarts.init(element, undefined, { renderer: 'svg' });
    chart.setOption(chartOption(spec, { palette: readPalette(element), formatValue, isCompact }));
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [spec, formatValue, isCompact]);
  return <div ref={container} className={styles.canvas} style={{ height: `${height}px` }} aria-hidden="true" data-chart={name} />;
}

export default EChartCanvas;
