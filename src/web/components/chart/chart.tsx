import { lazy, Suspense, useCallback, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format.js';
import { useLocale } from '../../i18n/use-locale.js';
import { DataTable, type Column } from '../data-table/data-table.js';
import { StatCard, StatGrid } from '../stat-card/stat-card.js';
import { isSinglePoint, type ChartSpec } from './chart-model.js';
import styles from './chart.module.css';

export type { ChartSpec } from './chart-model.js';

// ECharts is large: it loads with the first chart on a page, never with the app.
const EChartCanvas = lazy(() => import('./echart-canvas.js'));

type ChartProps = {
  spec: ChartSpec;
  /** The table's caption, which also names the figures ("Values of the digital economy share"). */
  caption: string;
  /** The header of the categories' column ("Period", "Unit"). */
  categoryHeader: string;
  /** Columns the table adds to the series' (a target written as "30–40 %", a note), after them unless `isFirst`. */
  extraColumns?: ReadonlyArray<{ key: string; header: string; values: readonly ReactNode[]; isFirst?: boolean; align?: 'start' | 'end' }>;
  /** A name for tests (`data-chart`, `data-table`). */
  name: string;
  isCompact?: boolean;
  /** Shows the table open under the chart rather than behind "Show the data table". */
  isTableOpen?: boolean;
  /** Values as the page writes them; numbers in the page's language by default. */
  formatValue?: (value: number) => string;
};

type TableRow = { index: number };

/**
 * A chart and its data table, always together: ECharts draws the figure (hidden from assistive
 * technology), the table beside it carries the same figures. One point is shown as a figure, not a chart.
 */
export function Chart({
  spec,
  caption,
  categoryHeader,
  extraColumns = [],
  name,
  isCompact = false,
  isTableOpen = false,
  formatValue,
}: ChartProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localFormat = useCallback((value: number) => formatNumber(value, locale), [locale]);
  const format = formatValue ?? localFormat;
  const extra = (isFirst: boolean) =>
    extraColumns
      .filter((column) => Boolean(column.isFirst) === isFirst)
      .map((column) => ({
        key: column.key,
        header: column.header,
        align: column.align,
        cell: (row: TableRow) => column.values[row.index] ?? '',
      }));
  const columns: Array<Column<TableRow>> = [
    { key: 'category', header: categoryHeader, isRowHeader: true, cell: (row) => spec.categories[row.index]?.label },
    ...extra(true),
    ...spec.series.map((series) => ({
      key: series.key,
      header: series.name,
      align: 'end' as const,
      cell: (row: TableRow) => {
        const value = series.values[row.index];
        return value === null || value === undefined ? '—' : format(value);
      },
    })),
    ...extra(false),
  ];
  const table = (
    <DataTable
      caption={caption}
      columns={columns}
      rows={spec.categories.map((_, index) => ({ index }))}
      rowKey={(row) => spec.categories[row.index]!.key}
      name={name}
      isStackedOnPhone={columns.length > 3}
    />
  );

  if (isSinglePoint(spec)) {
    const category = spec.categories[0];
    return (
      <div className={styles.chart}>
        <StatGrid>
          {spec.series
            .filter((series) => series.values[0] !== null && series.values[0] !== undefined)
            .map((series) => (
              <StatCard
                key={series.key}
                label={category ? `${series.name} · ${category.label}` : series.name}
                value={format(series.values[0]!)}
              />
            ))}
        </StatGrid>
        {extraColumns.length > 0 ? table : null}
      </div>
    );
  }

  const height = spec.kind === 'bar' ? Math.max(140, spec.categories.length * (spec.isStacked ? 30 : 36) + 60) : isCompact ? 180 : 320;
  return (
    <div className={styles.chart}>
      <Suspense
        fallback={<div className={`${styles.canvas} ${styles.placeholder}`} style={{ height: `${height}px` }} aria-hidden="true" />}
      >
        <EChartCanvas spec={spec} formatValue={format} isCompact={isCompact} height={height} name={name} />
      </Suspense>
      {isTableOpen ? (
        table
      ) : (
        <details className={styles.details}>
          <summary>{t('chart.showTable')}</summary>
          {table}
        </details>
      )}
    </div>
  );
}
