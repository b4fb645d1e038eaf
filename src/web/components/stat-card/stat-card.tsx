import type { ReactNode } from 'react';
import { Link } from 'react-router';
import styles from './stat-card.module.css';

export type Trend = { direction: 'up' | 'down' | 'flat'; text: string };

type StatCardProps = {
  label: string;
  /** Already formatted for the page's language ("21.000", "87,5 %"). */
  value: string;
  /** Where the figure leads ("12 tasks overdue" → the filtered task list). */
  to?: string;
  linkLabel?: string;
  trend?: Trend;
  /** A name for tests (`data-figure="registrations"`). */
  name?: string;
};

const arrows = { up: '▲', down: '▼', flat: '▶' } as const;

/** One figure with its label, and optionally where it leads and how it moved; lives in a `StatGrid`. */
export function StatCard({ label, value, to, linkLabel, trend, name }: StatCardProps) {
  return (
    <div className={styles.card}>
      <dt className={styles.label}>{label}</dt>
      <dd className={styles.value} data-figure={name}>
        {value}
      </dd>
      {trend ? (
        <dd className={`${styles.extra} ${trend.direction === 'up' ? styles.up : trend.direction === 'down' ? styles.down : ''}`}>
          <span aria-hidden="true">{arrows[trend.direction]} </span>
          {trend.text}
        </dd>
      ) : null}
      {to ? (
        <dd className={styles.extra}>
          <Link to={to} className={styles.link}>
            {linkLabel ?? label}
          </Link>
        </dd>
      ) : null}
    </div>
  );
}

/** Figures side by side: two columns on a phone, as many as fit on a desktop. */
export function StatGrid({ children, label }: { children: ReactNode; label?: string }) {
  return (
    <dl className={styles.grid} aria-label={label}>
      {children}
    </dl>
  );
}
