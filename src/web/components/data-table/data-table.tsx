import { useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/use-locale.js';
import { sortRows, type SortDirection } from './sort.js';
import styles from './data-table.module.css';

export type Column<Row> = {
  key: string;
  /** The column's name, in the header and before each value when rows are stacked on a phone. */
  header: string;
  cell: (row: Row) => ReactNode;
  /** Makes the column sortable by this value (text by the page's language, numbers by size). */
  sortValue?: (row: Row) => string | number | null;
  /** Numbers line up at the end. */
  align?: 'start' | 'end';
  /** The cell names its row (a `th scope="row"`). */
  isRowHeader?: boolean;
};

type DataTableProps<Row> = {
  caption: string;
  isCaptionHidden?: boolean;
  columns: ReadonlyArray<Column<Row>>;
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Shown instead of the table when there is no row: what to do next. */
  empty?: ReactNode;
  initialSort?: { key: string; direction: SortDirection };
  /** Keeps the table a table on a phone (for two or three narrow columns). */
  isStackedOnPhone?: boolean;
  /** A name for tests and styles (`data-table="by-state"`). */
  name?: string;
};

/**
 * The one table of the app: a caption, a scroll region keyboard users can focus, sortable columns
 * (a button in the header, `aria-sort` on the sorted one), an empty state, and on a phone each row
 * stacked as a card with the column's name before each value.
 */
export function DataTable<Row>({
  caption,
  isCaptionHidden = false,
  columns,
  rows,
  rowKey,
  empty,
  initialSort,
  isStackedOnPhone = true,
  name,
}: DataTableProps<Row>) {
  const { t } = useTranslation();
  const locale = useLocale();
  const captionId = useId();
  const [sort, setSort] = useState(initialSort ?? null);
  const sorted = useMemo(() => {
    const column = sort ? columns.find((c) => c.key === sort.key) : undefined;
    return column?.sortValue && sort ? sortRows(rows, column.sortValue, sort.direction, locale) : rows;
  }, [rows, columns, sort, locale]);

  if (rows.length === 0 && empty) return <>{empty}</>;

  const toggle = (key: string) =>
    setSort((current) => ({ key, direction: current?.key === key && current.direction === 'ascending' ? 'descending' : 'ascending' }));

  return (
    // Focusable so a keyboard can scroll a wide table; a group, not a region, since the section around a
    // table often bears the same name as its caption and two landmarks must not share one.
    <div className={styles.scroll} role="group" aria-labelledby={captionId} tabIndex={0}>
      <table className={[styles.table, isStackedOnPhone ? styles.stacked : undefined].filter(Boolean).join(' ')} data-table={name}>
        <caption id={captionId} className={isCaptionHidden ? 'visually-hidden' : styles.caption}>
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const direction = sort?.key === column.key ? sort.direction : undefined;
              return (
                <th key={column.key} scope="col" className={column.align === 'end' ? styles.end : undefined} aria-sort={direction}>
                  {column.sortValue ? (
                    <button type="button" className={styles.sort} onClick={() => toggle(column.key)}>
                      {column.header}
                      <span className={styles.arrow} aria-hidden="true">
                        {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
                      </span>
                      <span className="visually-hidden">
                        {direction === 'ascending'
                          ? t('table.sortedAscending')
                          : direction === 'descending'
                            ? t('table.sortedDescending')
                            : t('table.sortable')}
                      </span>
                    </button>
                  ) : (
                    column.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) => {
                const className = column.align === 'end' ? styles.end : undefined;
                return column.isRowHeader ? (
                  <th key={column.key} scope="row" className={className} data-label={column.header}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.key} className={className} data-label={column.header}>
                    {column.cell(row)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
