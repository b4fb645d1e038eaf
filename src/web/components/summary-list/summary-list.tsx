import type { ReactNode } from 'react';
import styles from './summary-list.module.css';

export type SummaryItem = { label: string; value: ReactNode; key?: string };

/** Facts as term and value, one per row (stacked on a phone); items without a value are left out. */
export function SummaryList({ items, isCompact = false }: { items: ReadonlyArray<SummaryItem | null | false>; isCompact?: boolean }) {
  return (
    <dl className={[styles.list, isCompact ? styles.compact : undefined].filter(Boolean).join(' ')}>
      {items
        .filter((item): item is SummaryItem => Boolean(item))
        .map((item) => (
          <div key={item.key ?? item.label} className={styles.row}>
            <dt className={styles.term}>{item.label}</dt>
            <dd className={styles.value}>{item.value}</dd>
          </div>
        ))}
    </dl>
  );
}
