import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/use-locale.js';
import { resolveMessage, type Message } from './messages.js';
import styles from './field.module.css';

/*
 * Every field of the app has the same parts, in the order screen readers meet them: label (or legend),
 * required marker, hint, error, control. An invalid control is marked aria-invalid and points
 * aria-describedby at its hint and error.
 */

export const fieldStyles = styles;

/** The ids a control needs to be described by its hint and error. */
export function describedBy(id: string, hasHint: boolean, hasError: boolean): string | undefined {
  return [hasHint ? `${id}-hint` : null, hasError ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

/** An error in words, with a hidden "Error:" for screen readers and an icon so colour is not the only cue. */
export function FieldError({ id, message }: { id: string; message: Message | string | undefined | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!message) return null;
  return (
    <p id={id} className={styles.error}>
      <svg className={styles.errorIcon} viewBox="0 0 20 20" aria-hidden="true" focusable="false">
        <circle cx="10" cy="10" r="10" fill="currentColor" />
        <path className={styles.errorIconMark} d="M10 4.5v7M10 14v1.5" strokeWidth="2.4" strokeLinecap="round" />
      </svg>
      <span className="visually-hidden">{t('form.errorPrefix')} </span>
      {typeof message === 'string' ? message : resolveMessage(message, t, locale)}
    </p>
  );
}

type FieldShellProps = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: Message | string | null;
  isRequired?: boolean;
  /** A group of controls (radios, checkboxes) is a fieldset named by its legend. */
  isGroup?: boolean;
  /** For a lone checkbox, whose label sits beside the box, not above it. */
  hideLabel?: boolean;
  children: ReactNode;
};

/** The frame of one field: label, required marker, hint and error around the control(s). */
export function FieldShell({ id, label, hint, error, isRequired = false, isGroup = false, hideLabel = false, children }: FieldShellProps) {
  const className = [styles.field, error ? styles.invalid : undefined].filter(Boolean).join(' ');
  // The control says "required" itself (aria-required); the star is for the eye, outside the label's text.
  const star = isRequired ? (
    <span className={styles.required} aria-hidden="true">
      *
    </span>
  ) : null;
  const hintAndError = (
    <>
      {hint ? (
        <div id={`${id}-hint`} className={styles.hint}>
          {hint}
        </div>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
    </>
  );
  if (isGroup) {
    return (
      <fieldset className={className} aria-describedby={describedBy(id, Boolean(hint), Boolean(error))}>
        <legend className={styles.label}>
          {label}
          {star}
        </legend>
        {hintAndError}
        {children}
      </fieldset>
    );
  }
  return (
    <div className={className}>
      {hideLabel ? null : (
        <div className={styles.labelRow}>
          <label htmlFor={id} className={styles.label}>
            {label}
          </label>
          {star}
        </div>
      )}
      {hintAndError}
      {children}
    </div>
  );
}

/** The app's text box, for controls outside a `useForm` form (filters, search boxes). */
export function InputControl({ className, ...props }: InputHTMLAttributes<HTMLInputElement>) {
  const kind = props.type === 'date' ? styles.date : props.type === 'file' ? styles.file : undefined;
  return <input {...props} className={[styles.control, kind, className].filter(Boolean).join(' ')} />;
}

/** The app's drop-down list, with the chevron drawn in the text colour. */
export function SelectControl({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <span className={styles.selectWrap}>
      <select {...props} className={[styles.control, styles.select, className].filter(Boolean).join(' ')} />
    </span>
  );
}

export function TextAreaControl({ className, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea {...props} className={[styles.control, styles.textarea, className].filter(Boolean).join(' ')} />;
}

type Option = { value: string; label: string };

type LabelledProps = { label: string; hint?: ReactNode; id?: string };

/** A labelled box outside a `useForm` form: a filter, a search term kept in the URL. */
export function LabelledInput({ label, hint, id, ...props }: LabelledProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>) {
  const generated = useId();
  const controlId = id ?? generated;
  return (
    <FieldShell id={controlId} label={label} hint={hint}>
      <InputControl {...props} id={controlId} aria-describedby={describedBy(controlId, Boolean(hint), false)} />
    </FieldShell>
  );
}

/** The options of a list, led by the choice of nothing (an empty value) when it has a name. */
export function withEmptyOption(options: readonly Option[], emptyOption: string | undefined): readonly Option[] {
  return emptyOption === undefined ? options : [{ value: '', label: emptyOption }, ...options];
}

/** A labelled drop-down list outside a `useForm` form; `emptyOption` names the choice of all (or none). */
export function LabelledSelect({
  label,
  hint,
  id,
  options,
  emptyOption,
  ...props
}: LabelledProps & { options: readonly Option[]; emptyOption?: string } & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'>) {
  const generated = useId();
  const controlId = id ?? generated;
  const choices = withEmptyOption(options, emptyOption);
  return (
    <FieldShell id={controlId} label={label} hint={hint}>
      <SelectControl {...props} id={controlId} aria-describedby={describedBy(controlId, Boolean(hint), false)}>
        {choices.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </SelectControl>
    </FieldShell>
  );
}

/** A lone checkbox outside a `useForm` form ("Show inactive units"). */
export function LabelledCheckbox({ label, id, ...props }: LabelledProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'>) {
  const generated = useId();
  const controlId = id ?? generated;
  return (
    <div className={styles.choice}>
      <input {...props} id={controlId} type="checkbox" className={styles.choiceInput} />
      <label htmlFor={controlId} className={styles.choiceLabel}>
        {label}
      </label>
    </div>
  );
}
