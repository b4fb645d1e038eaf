import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import { Button } from '../button/button.js';
import { describedBy, FieldShell, fieldStyles as styles, InputControl } from './field-shell.js';

type SearchBoxProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'id'> & {
  label: string;
  hint?: ReactNode;
  submitLabel: string;
};

/** A labelled search box with its submit button beside it; the caller's form decides where it goes. */
export function SearchBox({ label, hint, submitLabel, ...input }: SearchBoxProps) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} hint={hint}>
      <div className={styles.searchRow}>
        <InputControl {...input} id={id} type="search" aria-describedby={describedBy(id, Boolean(hint), false)} />
        <Button type="submit">{submitLabel}</Button>
      </div>
    </FieldShell>
  );
}
