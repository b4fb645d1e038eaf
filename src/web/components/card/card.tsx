import { useId, type ReactNode } from 'react';
import styles from './card.module.css';

type CardProps = {
  /** The card's heading, which also names it. */
  title?: ReactNode;
  headingLevel?: 2 | 3 | 4;
  children: ReactNode;
  /** A name for tests (`data-card="indicator"`). */
  name?: string;
};

/** A box for one item of a list (a plan, an indicator, an initiative), named by its heading. */
export function Card({ title, headingLevel = 3, children, name }: CardProps) {
  const headingId = useId();
  const Heading = `h${headingLevel}` as const;
  return (
    <article className={styles.card} aria-labelledby={title ? headingId : undefined} data-card={name}>
      {title ? (
        <Heading id={headingId} className={styles.title}>
          {title}
        </Heading>
      ) : null}
      {children}
    </article>
  );
}

type CardListProps<T> = {
  items: readonly T[];
  itemKey: (item: T) => string | number;
  /** What shows instead of an empty list (an `EmptyState` saying what to do next). */
  empty?: ReactNode;
  layout?: 'grid' | 'column';
  label?: string;
  children: (item: T) => ReactNode;
};

/** Items as a list of cards, a grid of as many columns as fit or one column, or what to do when there are none. */
export function CardList<T>({ items, itemKey, empty, layout = 'grid', label, children }: CardListProps<T>) {
  if (items.length === 0 && empty !== undefined) return <>{empty}</>;
  return (
    <ul className={layout === 'grid' ? styles.grid : styles.list} aria-label={label}>
      {items.map((item) => (
        <li key={itemKey(item)}>{children(item)}</li>
      ))}
    </ul>
  );
}

type PanelProps = {
  tone?: 'plain' | 'highlight' | 'danger';
  /** A heading names the panel as a region of the page. */
  title?: ReactNode;
  headingLevel?: 2 | 3 | 4;
  children: ReactNode;
};

/** A framed part of a page: a form to act with, something to notice, something that cannot be undone. */
export function Panel({ tone = 'plain', title, headingLevel = 2, children }: PanelProps) {
  const headingId = useId();
  const Heading = `h${headingLevel}` as const;
  const className = [styles.panel, tone === 'plain' ? undefined : styles[tone]].filter(Boolean).join(' ');
  if (!title) return <div className={className}>{children}</div>;
  return (
    <section className={className} aria-labelledby={headingId}>
      <Heading id={headingId}>{title}</Heading>
      {children}
    </section>
  );
}
