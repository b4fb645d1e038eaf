import type { ReactNode } from 'react';
import { Form, Link } from 'react-router';
import { Button, buttonClass } from '../button/button.js';
import { fieldStyles as styles } from './field-shell.js';

type FilterBarProps = {
  /** Names the search landmark ("Filter tasks"). */
  label: string;
  /** The page the filters apply to; they travel in its query string, so a view can be shared. */
  action: string;
  applyLabel: string;
  /** A link back to the unfiltered list, when there is something to clear. */
  clear?: { to: string; label: string };
  children: ReactNode;
};

/** Filters above a list, as a GET form: the router turns submitting it into a navigation. */
export function FilterBar({ label, action, applyLabel, clear, children }: FilterBarProps) {
  return (
    <Form method="get" action={action} role="search" aria-label={label} className={styles.filterBar}>
      {children}
      <div className={styles.filterActions}>
        <Button type="submit">{applyLabel}</Button>
        {clear ? (
          <Link to={clear.to} className={buttonClass('secondary')}>
            {clear.label}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}

/** The same layout for filters that apply as they change, without a submit. */
export const filterGridClass = styles.filterBar;
