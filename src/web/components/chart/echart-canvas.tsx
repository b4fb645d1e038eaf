import { useEffect, useRef, useState, type RefObject } from 'react';
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

/**
 * Whether the element has come within a screen of the viewport (and stays true once it has): a page of
 * small multiples draws its few visible charts first, not forty at once in one long task.
 */
function useNearViewport(ref: RefObject<HTMLElement | null>): boolean {
  const [isNear, setNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || isNear) return undefined;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setNear(true);
      },
      { rootMargin: '100% 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, isNear]);
  return isNear;
}

/** Draws the model with ECharts once near the screen, redrawn when it changes and resized with its box. */
export function EChartCanvas({ spec, formatValue, isCompact, height, name }: EChartCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const isNear = useNearViewport(container);
  useEffect(() => {
    const element = container.current;
    if (!element || !isNear) return undefined;
    const chart = echarts.init(element, undefined, { renderer: 'svg' });
    chart.setOption(chartOption(spec, { palette: readPalette(element), formatValue, isCompact }));
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [spec, formatValue, isCompact, isNear]);
  return <div ref={container} className={styles.canvas} style={{ height: `${height}px` }} aria-hidden="true" data-chart={name} />;
}

export default EChartCanvas;
