import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/use-locale.js';
import { resolveMessage, type FieldName, type FormValues, type Message } from './field-errors.js';
import type { FormApi } from './use-form.js';

/*
 * The shared form fields. Each one is bound to a `useForm` form by name: it takes its label, value,
 * error and id from the form, shows label → hint → error → control (the order screen readers meet them),
 * marks an invalid control with aria-invalid and points aria-describedby at its hint and error.
 */

type FieldProps<V extends FormValues> = {
  form: FormApi<V>;
  name: FieldName<V>;
  hint?: ReactNode;
  /** Shows "(optional)" after the label; fields are required unless marked. */
  isOptional?: boolean;
};

function useFieldState<V extends FormValues>(form: FormApi<V>, name: FieldName<V>, hasHint: boolean) {
  const id = form.fieldId(name);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const error = form.errors[name];
  const describedBy = [hasHint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return { id, hintId, errorId, error, describedBy, label: form.labels[name] };
}

function FieldLabelText({ label, isOptional }: { label: string; isOptional: boolean | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      {label}
      {isOptional ? <span className="field__optional"> {t('form.optional')}</span> : null}
    </>
  );
}

function FieldHint({ id, hint }: { id: string; hint: ReactNode }) {
  return hint ? (
    <div id={id} className="field__hint">
      {hint}
    </div>
  ) : null;
}

/** An error in words, with a hidden "Error:" for screen readers and an icon so colour is not the only cue. */
export function FieldError({ id, message }: { id: string; message: Message | undefined }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!message) return null;
  return (
    <p id={id} className="field__error">
      <svg className="field__error-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
        <circle cx="10" cy="10" r="10" fill="currentColor" />
        <path d="M10 4.5v7M10 14v1.5" stroke="#fff" strokeWidth="2.4" strokeLinecap="round" />
      </svg>
      <span className="visually-hidden">{t('form.errorPrefix')} </span>
      {resolveMessage(message, t, locale)}
    </p>
  );
}

function stringValue(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

type TextFieldProps<V extends FormValues> = FieldProps<V> & {
  type?: 'text' | 'email' | 'password' | 'tel';
  autoComplete?: string;
  inputMode?: 'text' | 'email' | 'numeric' | 'tel';
  maxLength?: number;
  spellCheck?: boolean;
  autoCapitalize?: 'off' | 'none' | 'sentences' | 'words';
  /** A narrower input for short values such as codes. */
  width?: 'full' | 'short';
};

/** A labelled single-line input; a password field gets a "Show password" toggle. */
export function TextField<V extends FormValues>({
  form,
  name,
  hint,
  isOptional,
  type = 'text',
  autoComplete,
  inputMode,
  maxLength,
  spellCheck,
  autoCapitalize,
  width = 'full',
}: TextFieldProps<V>) {
  const { t } = useTranslation();
  const field = useFieldState(form, name, Boolean(hint));
  const [isPasswordShown, setIsPasswordShown] = useState(false);
  const isPassword = type === 'password';

  return (
    <div className={`field${field.error ? ' field--error' : ''}`}>
      <label htmlFor={field.id} className="field__label">
        <FieldLabelText label={field.label} isOptional={isOptional} />
      </label>
      <FieldHint id={field.hintId} hint={hint} />
      <FieldError id={field.errorId} message={field.error} />
      <div className={`field__control-row${width === 'short' ? ' field__control-row--short' : ''}`}>
        <input
          id={field.id}
          name={name}
          className="field__input"
          type={isPassword && isPasswordShown ? 'text' : type}
          value={stringValue(form.values[name])}
          onChange={(event) => form.setValue(name, event.target.value as V[typeof name])}
          aria-invalid={field.error ? true : undefined}
          aria-describedby={field.describedBy}
          autoComplete={autoComplete}
          inputMode={inputMode}
          maxLength={maxLength}
          spellCheck={spellCheck ?? (isPassword || type === 'email' ? false : undefined)}
          autoCapitalize={autoCapitalize ?? (isPassword || type === 'email' ? 'none' : undefined)}
        />
        {isPassword ? (
          <button
            type="button"
            className="button button--secondary field__toggle"
            aria-pressed={isPasswordShown}
            aria-controls={field.id}
            onClick={() => setIsPasswordShown((shown) => !shown)}
          >
            {t('form.showPassword')}
          </button>
        ) : null}
      </div>
    </div>
  );
}

type SelectFieldProps<V extends FormValues> = FieldProps<V> & {
  options: ReadonlyArray<{ value: string; label: string }>;
};

/** A labelled drop-down list. */
export function SelectField<V extends FormValues>({ form, name, hint, isOptional, options }: SelectFieldProps<V>) {
  const field = useFieldState(form, name, Boolean(hint));
  return (
    <div className={`field${field.error ? ' field--error' : ''}`}>
      <label htmlFor={field.id} className="field__label">
        <FieldLabelText label={field.label} isOptional={isOptional} />
      </label>
      <FieldHint id={field.hintId} hint={hint} />
      <FieldError id={field.errorId} message={field.error} />
      <select
        id={field.id}
        name={name}
        className="field__input field__select"
        value={stringValue(form.values[name])}
        onChange={(event) => form.setValue(name, event.target.value as V[typeof name])}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={field.describedBy}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** One checkbox whose label sits beside it (a consent, a yes/no choice). */
export function CheckboxField<V extends FormValues>({ form, name, hint }: Omit<FieldProps<V>, 'isOptional'>) {
  const field = useFieldState(form, name, Boolean(hint));
  return (
    <div className={`field${field.error ? ' field--error' : ''}`}>
      <FieldError id={field.errorId} message={field.error} />
      <div className="choice">
        <input
          id={field.id}
          name={name}
          type="checkbox"
          className="choice__input"
          checked={form.values[name] === true}
          onChange={(event) => form.setValue(name, event.target.checked as V[typeof name])}
          aria-invalid={field.error ? true : undefined}
          aria-describedby={field.describedBy}
        />
        <label htmlFor={field.id} className="choice__label">
          {field.label}
        </label>
      </div>
      <FieldHint id={field.hintId} hint={hint} />
    </div>
  );
}

type ChoiceOption = { value: string; label: string; hint?: string };

type ChoiceFieldProps<V extends FormValues> = FieldProps<V> & {
  /** `radio` keeps one value (a string field), `checkbox` several (a string-array field). */
  type: 'radio' | 'checkbox';
  options: readonly ChoiceOption[];
};

/** A group of radio buttons or checkboxes in a fieldset whose legend is the label. */
export function ChoiceField<V extends FormValues>({ form, name, hint, isOptional, type, options }: ChoiceFieldProps<V>) {
  const field = useFieldState(form, name, Boolean(hint));
  const current = form.values[name];
  const selected: readonly string[] = Array.isArray(current) ? current : typeof current === 'string' ? [current] : [];

  const change = (value: string, isChecked: boolean) => {
    if (type === 'radio') {
      form.setValue(name, value as V[typeof name]);
      return;
    }
    const next = isChecked ? [...selected, value] : selected.filter((item) => item !== value);
    // Keep the options' order whatever order they were ticked in.
    form.setValue(name, options.map((option) => option.value).filter((item) => next.includes(item)) as unknown as V[typeof name]);
  };

  return (
    <fieldset className={`field field--group${field.error ? ' field--error' : ''}`} aria-describedby={field.describedBy}>
      <legend className="field__label">
        <FieldLabelText label={field.label} isOptional={isOptional} />
      </legend>
      <FieldHint id={field.hintId} hint={hint} />
      <FieldError id={field.errorId} message={field.error} />
      <div className="choices">
        {options.map((option, index) => {
          // The first option carries the field's id so the error summary can link to the group.
          const optionId = index === 0 ? field.id : `${field.id}-${option.value}`;
          const optionHintId = `${optionId}-hint`;
          return (
            <div key={option.value} className="choice">
              <input
                id={optionId}
                name={name}
                type={type}
                value={option.value}
                className="choice__input"
                checked={selected.includes(option.value)}
                onChange={(event) => change(option.value, event.target.checked)}
                aria-describedby={option.hint ? optionHintId : undefined}
              />
              <label htmlFor={optionId} className="choice__label">
                {option.label}
              </label>
              {option.hint ? (
                <p id={optionHintId} className="choice__hint">
                  {option.hint}
                </p>
              ) : null}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
