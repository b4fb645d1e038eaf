import { useEffect, useMemo, useRef } from 'react';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useTranslation } from 'react-i18next';
import type { PublicIndicator } from '../../../shared/contracts/indicators.js';
import { trajectoryOption } from './chart-options.js';

echarts.use([LineChart, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

type TrajectoryChartProps = { indicator: PublicIndicator; isCompact?: boolean };

/**
 * The indicator's path, target band and approved values. Hidden from assistive technology: the data
 * table next to it carries the same figures.
 */
export function TrajectoryChart({ indicator, isCompact = false }: TrajectoryChartProps) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const option = useMemo(
    () => trajectoryOption(indicator, { actual: t('indicators.chart.actual'), path: t('indicators.chart.path'), target: t('indicators.chart.target') }, isCompact),
    [indicator, isCompact, t],
  );

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

  return <div ref={container} className={`indicator-chart${isCompact ? ' indicator-chart--compact' : ''}`} aria-hidden="true" data-chart={indicator.code} />;
}
