import type { Locale } from '../../../shared/contracts/common.js';

export type SortDirection = 'ascending' | 'descending';

const collators = new Map<Locale, Intl.Collator>();

/**
 * Rows ordered by one column's value: text by the page's language (so "Đ" sorts after "D"), numbers
 * by size; empty values always last. The sort is stable, so ties keep the order the server gave.
 */
export function sortRows<Row>(
  rows: readonly Row[],
  value: (row: Row) => string | number | null,
  direction: SortDirection,
  locale: Locale,
): Row[] {
  let collator = collators.get(locale);
  if (!collator) {
    collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
    collators.set(locale, collator);
  }
  const sign = direction === 'ascending' ? 1 : -1;
  const compare = (a: string | number | null, b: string | number | null): number => {
    if (a === null || a === '') return b === null || b === '' ? 0 : 1;
    if (b === null || b === '') return -1;
    const order = typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b));
    return sign * order;
  };
  return rows
    .map((row, index) => ({ row, index, key: value(row) }))
    .sort((x, y) => compare(x.key, y.key) || x.index - y.index)
    .map((entry) => entry.row);
}
