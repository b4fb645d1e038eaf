import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../button/button.js';
import { FieldError, fieldStyles as styles } from './field-shell.js';
import type { FieldPath, FormValues, Row } from './paths.js';
import type { FormApi } from './use-form.js';

type RowKey<V extends FormValues, K extends keyof V> = V[K] extends ReadonlyArray<infer R> ? keyof R & string : never;

export type RowScope<V extends FormValues, K extends keyof V & string> = {
  index: number;
  /** The path of one of this row's fields: `row.path('fullName')` gives `authors.1.fullName`. */
  path(field: RowKey<V, K>): FieldPath<V>;
};

type RepeatingRowsProps<V extends FormValues, K extends keyof V & string> = {
  form: FormApi<V>;
  name: K;
  /** The row added by the "add" button; without it the rows are fixed (one per criterion to score). */
  newRow?: () => Row;
  addLabel?: string;
  /** Rows that cannot be removed (at least one author). */
  minRows?: number;
  /** Rows fixed by something else (one per criterion to score) have no remove button. */
  canRemove?: boolean;
  maxRows?: number;
  hint?: ReactNode;
  /** Said above the rows, such as the running total of the weights (`RowsTotal`). */
  summary?: ReactNode;
  children: (row: RowScope<V, K>) => ReactNode;
};

/**
 * A list of rows (co-authors, criteria, phases): a fieldset named after the list, one fieldset per row
 * named "Tác giả 2", a remove button per row that says which row it removes, and an add button. An
 * error about the whole list or one row shows where it starts, and the error summary links there.
 */
export function RepeatingRows<V extends FormValues, K extends keyof V & string>({
  form,
  name,
  newRow,
  addLabel,
  minRows = 0,
  canRemove = true,
  maxRows,
  hint,
  summary,
  children,
}: RepeatingRowsProps<V, K>) {
  const { t } = useTranslation();
  const rows = (form.values[name] as readonly Row[] | undefined) ?? [];
  const listPath = name as unknown as FieldPath<V>;
  const listId = form.fieldId(listPath);
  return (
    <fieldset className={styles.rows} id={listId} tabIndex={-1} aria-describedby={hint ? `${listId}-hint` : undefined}>
      <legend className={styles.rowsLegend}>{form.labelOf(listPath)}</legend>
      {hint ? (
        <div id={`${listId}-hint`} className={styles.hint}>
          {hint}
        </div>
      ) : null}
      {summary}
      <FieldError id={`${listId}-error`} message={form.errors[name]} />
      {rows.map((_, index) => {
        const rowPath = `${name}.${index}` as FieldPath<V>;
        const rowId = form.fieldId(rowPath);
        const rowLabel = form.labelOf(rowPath);
        return (
          <fieldset key={index} className={styles.rowBox} id={rowId} tabIndex={-1}>
            <legend>{rowLabel}</legend>
            <FieldError id={`${rowId}-error`} message={form.errors[rowPath]} />
            {children({ index, path: (field) => `${name}.${index}.${field}` as FieldPath<V> })}
            {canRemove && rows.length > minRows ? (
              <Button variant="danger-outline" onClick={() => form.removeRow(name, index)}>
                {t('form.removeRow', { row: rowLabel })}
              </Button>
            ) : null}
          </fieldset>
        );
      })}
      {newRow && (maxRows === undefined || rows.length < maxRows) ? (
        <Button variant="secondary" onClick={() => form.addRow(name, newRow())}>
          {addLabel}
        </Button>
      ) : null}
    </fieldset>
  );
}

/** The running total the rows must reach (weights or shares adding up to 100 %), said as it changes. */
export function RowsTotal({ isOnTarget, children }: { isOnTarget: boolean; children: ReactNode }) {
  return (
    <p className={isOnTarget ? styles.total : `${styles.total} ${styles.totalOff}`} aria-live="polite">
      {children}
    </p>
  );
}
