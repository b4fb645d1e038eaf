import type { ReactNode } from 'react';
import { fieldStyles as styles } from './field-shell.js';

/** A part of a long form under its own legend ("General information", "Phases"). */
export function FieldGroup({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className={styles.rows}>
      <legend className={styles.rowsLegend}>{legend}</legend>
      {children}
    </fieldset>
  );
}

/** Short fields side by side on a wide screen (a period's start and end), one under another on a phone. */
export function FieldRow({ children }: { children: ReactNode }) {
  return <div className={styles.inline}>{children}</div>;
}
