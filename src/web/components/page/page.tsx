import { useId, type ReactNode } from 'react';
import styles from './page.module.css';

type PageProps = {
  /** `narrow` for reading, `form` for a single form, `wide` for large tables. */
  width?: 'default' | 'narrow' | 'form' | 'wide';
  isBusy?: boolean;
  children: ReactNode;
};

/** The frame of every page's content: centred, padded, of a width that suits what it holds. */
export function Page({ width = 'default', isBusy, children }: PageProps) {
  return (
    <div
      className={[styles.page, width === 'default' ? undefined : styles[width]].filter(Boolean).join(' ')}
      aria-busy={isBusy || undefined}
    >
      {children}
    </div>
  );
}

type SectionProps = {
  title: ReactNode;
  /** Shown under the heading, before the content. */
  intro?: ReactNode;
  headingLevel?: 2 | 3;
  /** The heading's id, when other pages link to it; otherwise one is made up. */
  id?: string;
  isTitleHidden?: boolean;
  children: ReactNode;
};

/** A part of a page: a landmark named by its heading. */
export function Section({ title, intro, headingLevel = 2, id, isTitleHidden = false, children }: SectionProps) {
  const generatedId = useId();
  const headingId = id ?? generatedId;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Heading id={headingId} className={isTitleHidden ? 'visually-hidden' : undefined} tabIndex={id ? -1 : undefined}>
        {title}
      </Heading>
      {intro ? <p className={styles.intro}>{intro}</p> : null}
      {children}
    </section>
  );
}
