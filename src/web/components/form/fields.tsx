import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDecimalInput, parseDecimal } from '../../i18n/format.js';
import { useLocale } from '../../i18n/use-locale.js';
import { Button } from '../button/button.js';
import {
  describedBy,
  FieldShell,
  fieldStyles as styles,
  InputControl,
  SelectControl,
  TextAreaControl,
  withEmptyOption,
} from './field-shell.js';
import type { FieldPath, FormValues } from './paths.js';
import type { FormApi } from './use-form.js';

/*
 * The fields of a `useForm` form. Each is bound by its path (`title`, `authors.1.fullName`): it takes
 * its label, value, error and id from the form. Fields are required unless marked `isOptional`.
 */

type BoundProps<V extends FormValues> = {
  form: FormApi<V>;
  name: FieldPath<V>;
  hint?: ReactNode;
  isOptional?: boolean;
  /** Another label than the form's (rarely needed). */
  label?: string;
};

function useBinding<V extends FormValues>({ form, name, hint, isOptional, label }: BoundProps<V>) {
  const id = form.fieldId(name);
  const error = form.errors[name];
  return {
    id,
    label: label ?? form.labelOf(name),
    error,
    isRequired: !isOptional,
    control: {
      id,
      name,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': describedBy(id, Boolean(hint), Boolean(error)),
      'aria-required': isOptional ? undefined : true,
    } as const,
    value: form.valueOf(name),
    set: (value: unknown) => form.setValue(name, value),
  };
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

type TextFieldProps<V extends FormValues> = BoundProps<V> & {
  type?: 'text' | 'email' | 'password' | 'tel' | 'url';
  autoComplete?: string;
  inputMode?: 'text' | 'email' | 'numeric' | 'tel' | 'url';
  maxLength?: number;
  spellCheck?: boolean;
  autoCapitalize?: 'off' | 'none' | 'sentences' | 'words';
  /** A narrower box for short values such as codes. */
  width?: 'full' | 'short';
  isMonospace?: boolean;
};

/** A single-line text box; a password gets a "Show password" toggle. */
export function TextField<V extends FormValues>(props: TextFieldProps<V>) {
  const { t } = useTranslation();
  const field = useBinding(props);
  const [isPasswordShown, setIsPasswordShown] = useState(false);
  const { type = 'text', autoComplete, inputMode, maxLength, spellCheck, autoCapitalize, width = 'full', isMonospace } = props;
  const isPassword = type === 'password';
  const isAddress = isPassword || type === 'email';
  return (
    <FieldShell id={field.id} label={field.label} hint={props.hint} error={field.error} isRequired={field.isRequired}>
      <div className={[styles.row, width === 'short' ? styles.short : undefined].filter(Boolean).join(' ')}>
        <InputControl
          {...field.control}
          type={isPassword && isPasswordShown ? 'text' : type}
          className={isMonospace ? styles.mono : undefined}
          value={text(field.value)}
          onChange={(event) => field.set(event.target.value)}
          autoComplete={autoComplete}
          inputMode={inputMode}
          maxLength={maxLength}
          spellCheck={spellCheck ?? (isAddress ? false : undefined)}
          autoCapitalize={autoCapitalize ?? (isAddress ? 'none' : undefined)}
        />
        {isPassword ? (
          <span className={styles.toggle}>
            <Button
              variant="secondary"
              aria-pressed={isPasswordShown}
              aria-controls={field.id}
              onClick={() => setIsPasswordShown((shown) => !shown)}
            >
              {t('form.showPassword')}
            </Button>
          </span>
        ) : null}
      </div>
    </FieldShell>
  );
}

/** A text box of several lines. */
export function TextAreaField<V extends FormValues>(props: BoundProps<V> & { rows?: number; maxLength?: number }) {
  const field = useBinding(props);
  return (
    <FieldShell id={field.id} label={field.label} hint={props.hint} error={field.error} isRequired={field.isRequired}>
      <TextAreaControl
        {...field.control}
        rows={props.rows ?? 4}
        maxLength={props.maxLength}
        value={text(field.value)}
        onChange={(event) => field.set(event.target.value)}
      />
    </FieldShell>
  );
}

/**
 * A number typed the way the page's language writes it: "12,5" in Vietnamese, "12.5" in English. The
 * field holds the text; the form's `toInput` reads it with `read.number`. On leaving the box a number
 * is rewritten with the language's separators ("1.234,5").
 */
export function NumberField<V extends FormValues>(props: BoundProps<V> & { unit?: string; maxLength?: number }) {
  const locale = useLocale();
  const field = useBinding(props);
  return (
    <FieldShell id={field.id} label={field.label} hint={props.hint} error={field.error} isRequired={field.isRequired}>
      <div className={[styles.row, styles.short].join(' ')}>
        <InputControl
          {...field.control}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          maxLength={props.maxLength ?? 30}
          value={text(field.value)}
          onChange={(event) => field.set(event.target.value)}
          onBlur={(event) => {
            const number = parseDecimal(event.target.value, locale);
            if (number !== undefined && Number.isFinite(number)) field.set(formatDecimalInput(number, locale));
          }}
        />
        {props.unit ? <span className={styles.unit}>{props.unit}</span> : null}
      </div>
    </FieldShell>
  );
}

/** A date, with the browser's own date picker. The value is an ISO date (2026-03-01). */
export function DateField<V extends FormValues>(props: BoundProps<V> & { min?: string; max?: string }) {
  const field = useBinding(props);
  return (
    <FieldShell id={field.id} label={field.label} hint={props.hint} error={field.error} isRequired={field.isRequired}>
      <InputControl
        {...field.control}
        type="date"
        min={props.min}
        max={props.max}
        value={text(field.value)}
        onChange={(event) => field.set(event.target.value)}
      />
    </FieldShell>
  );
}

export type SelectOption = { value: string; label: string };

/**
 * A drop-down list. `emptyOption` names the choice of nothing (an empty value: "No call"); `onValueChange`
 * lets a choice fill in other fields (a review's saved report).
 */
export function SelectField<V extends FormValues>(
  props: BoundProps<V> & { options: readonly SelectOption[]; emptyOption?: string; onValueChange?: (value: string) => void },
) {
  const field = useBinding(props);
  const options = withEmptyOption(props.options, props.emptyOption);
  return (
    <FieldShell id={field.id} label={field.label} hint={props.hint} error={field.error} isRequired={field.isRequired}>
      <SelectControl
        {...field.control}
        value={text(field.value)}
        onChange={(event) => {
          field.set(event.target.value);
          props.onValueChange?.(event.target.value);
        }}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </SelectControl>
    </FieldShell>
  );
}

/** One checkbox whose label sits beside it (a consent, a yes/no choice). */
export function CheckboxField<V extends FormValues>(props: Omit<BoundProps<V>, 'isOptional'>) {
  const field = useBinding({ ...props, isOptional: true });
  return (
    <FieldShell id={field.id} label={field.label} error={field.error} hideLabel>
      <div className={styles.choice}>
        <input
          {...field.control}
          type="checkbox"
          className={styles.choiceInput}
          checked={field.value === true}
          onChange={(event) => field.set(event.target.checked)}
        />
        <label htmlFor={field.id} className={styles.choiceLabel}>
          {field.label}
        </label>
        {props.hint ? (
          <div id={`${field.id}-hint`} className={styles.choiceHint}>
            {props.hint}
          </div>
        ) : null}
      </div>
    </FieldShell>
  );
}

type ChoiceOption = { value: string; label: string; hint?: string };

/**
 * Radio buttons (one value, a string field) or checkboxes (several, a string-list field) in a fieldset
 * whose legend is the label. The first option carries the field's id, so the error summary links to it.
 */
export function ChoiceField<V extends FormValues>(props: BoundProps<V> & { type: 'radio' | 'checkbox'; options: readonly ChoiceOption[] }) {
  const field = useBinding(props);
  const { type, options } = props;
  const current = field.value;
  const selected: readonly string[] = Array.isArray(current) ? (current as string[]) : typeof current === 'string' ? [current] : [];
  const change = (value: string, isChecked: boolean) => {
    if (type === 'radio') return field.set(value);
    const next = isChecked ? [...selected, value] : selected.filter((item) => item !== value);
    // Keep the options' order whatever order they were ticked in.
    return field.set(options.map((option) => option.value).filter((item) => next.includes(item)));
  };
  return (
    <FieldShell id={field.id} label={field.label} hint={props.hint} error={field.error} isRequired={field.isRequired} isGroup>
      <div className={styles.choices}>
        {options.map((option, index) => {
          const optionId = index === 0 ? field.id : `${field.id}-${option.value}`;
          return (
            <div key={option.value} className={styles.choice}>
              <input
                id={optionId}
                name={props.name}
                type={type}
                value={option.value}
                className={styles.choiceInput}
                checked={selected.includes(option.value)}
                onChange={(event) => change(option.value, event.target.checked)}
                aria-describedby={option.hint ? `${optionId}-hint` : undefined}
              />
              <label htmlFor={optionId} className={styles.choiceLabel}>
                {option.label}
              </label>
              {option.hint ? (
                <p id={`${optionId}-hint`} className={styles.choiceHint}>
                  {option.hint}
                </p>
              ) : null}
            </div>
          );
        })}
      </div>
    </FieldShell>
  );
}

/** A file to upload; the field holds the chosen `File` (or null) and clears itself when the form resets. */
export function FileField<V extends FormValues>(props: BoundProps<V> & { accept?: string }) {
  const field = useBinding(props);
  // A file input cannot be set from script: a new one is drawn whenever the value is cleared.
  const [generation, setGeneration] = useState(0);
  const [lastValue, setLastValue] = useState(field.value);
  if (lastValue !== field.value) {
    setLastValue(field.value);
    if (field.value === null) setGeneration((n) => n + 1);
  }
  return (
    <FieldShell id={field.id} label={field.label} hint={props.hint} error={field.error} isRequired={field.isRequired}>
      <InputControl
        key={generation}
        {...field.control}
        type="file"
        accept={props.accept}
        onChange={(event) => field.set(event.target.files?.[0] ?? null)}
      />
    </FieldShell>
  );
}
