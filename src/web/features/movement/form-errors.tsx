import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { localizedTextSchema } from '../../../shared/contracts/common.js';
import { ApiError } from '../../api/client.js';
import { FieldError } from '../../components/form/form-field.js';
import { messageForError, messageForIssue, resolveMessage, type Message } from '../../components/form/field-errors.js';
import { useLocale } from '../../i18n/use-locale.js';

/**
 * Errors of a form with repeating rows (phases, criteria, members…), keyed by the body's path:
 * `phases.1.endsOn`, or a whole list such as `criteria`. The shared `useForm` holds flat fields only;
 * this keeps its behaviour — shared-schema check first, the server's words on the same fields, a
 * summary that takes focus — for nested bodies.
 */
export type ErrorMap = Record<string, Message>;

const keyOf = (path: ReadonlyArray<PropertyKey>) => path.map(String).join('.');

/** The first issue per path, in the shared wording; `at` picks a value to tell "required" from "invalid". */
export function errorsFromIssues(issues: readonly z.core.$ZodIssue[], valueAt: (path: string) => unknown): ErrorMap {
  const errors: ErrorMap = {};
  for (const issue of issues) {
    const key = keyOf(issue.path);
    errors[key] ??= messageForIssue(issue, valueAt(key));
  }
  return errors;
}

/** A server refusal as field errors: zod details (`body.phases.0.endsOn`) or a service's `{ field }`. */
export function errorsFromApi(error: unknown): ErrorMap {
  if (!(error instanceof ApiError)) return { '': messageForError(error) };
  const details = error.details;
  if (Array.isArray(details)) {
    const errors: ErrorMap = {};
    for (const d of details as Array<{ path?: unknown; message?: unknown }>) {
      const message = localizedTextSchema.safeParse(d.message);
      if (typeof d.path === 'string' && message.success) errors[d.path.replace(/^body\.?/, '')] ??= message.data;
    }
    if (Object.keys(errors).length > 0) return errors;
  }
  if (details && typeof details === 'object' && 'field' in details && typeof details.field === 'string' && error.localizedMessage) return { [details.field]: error.localizedMessage };
  return { '': messageForError(error) };
}

/** The DOM id of the control for a path. */
export const controlId = (formId: string, path: string) => `${formId}-${path.replaceAll('.', '-') || 'form'}`;

/** State of a nested form: its errors and a counter of failed submits that moves focus to the summary. */
export function useNestedErrors() {
  const [errors, setErrors] = useState<ErrorMap>({});
  const [failures, setFailures] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failures > 0) summaryRef.current?.focus();
  }, [failures]);
  return {
    errors,
    summaryRef,
    fail: (next: ErrorMap) => {
      setErrors(next);
      setFailures((n) => n + 1);
    },
    clear: () => setErrors({}),
  };
}

/** What went wrong, at the top: one link per field in error, to its control. */
export function NestedErrorSummary({
  formId,
  errors,
  labelFor,
  summaryRef,
  headingLevel = 2,
}: {
  formId: string;
  errors: ErrorMap;
  labelFor: (path: string) => string;
  summaryRef: RefObject<HTMLDivElement | null>;
  headingLevel?: 2 | 3 | 4 | 5;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const titleId = useId();
  const paths = Object.keys(errors);
  if (paths.length === 0) return null;
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="error-summary" ref={summaryRef} tabIndex={-1} role="group" aria-labelledby={titleId}>
      <div role="alert">
        <Heading id={titleId} className="error-summary__title">
          {t('form.errorSummaryTitle')}
        </Heading>
        <ul className="error-summary__list">
          {paths.map((path) => (
            <li key={path}>
              {path === '' ? (
                resolveMessage(errors[path]!, t, locale)
              ) : (
                <a
                  href={`#${controlId(formId, path)}`}
                  onClick={(event) => {
                    const control = document.getElementById(controlId(formId, path));
                    if (!control) return;
                    event.preventDefault();
                    control.focus({ preventScroll: true });
                    (control.closest('.field, fieldset') ?? control).scrollIntoView({ block: 'start' });
                  }}
                >
                  {labelFor(path)}: {resolveMessage(errors[path]!, t, locale)}
                </a>
              )}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

type InputProps = {
  formId: string;
  path: string;
  label: string;
  hint?: string;
  errors: ErrorMap;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'date' | 'number';
  isOptional?: boolean;
  multiline?: boolean;
  min?: number;
  max?: number;
};

/** A labelled input bound to one path of a nested form: label → hint → error → control. */
export function PathInput({ formId, path, label, hint, errors, value, onChange, type = 'text', isOptional, multiline, min, max }: InputProps) {
  const { t } = useTranslation();
  const id = controlId(formId, path);
  const error = errors[path];
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const common = { id, value, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy, className: 'field__input' } as const;
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
        {isOptional ? <span className="field__optional"> {t('form.optional')}</span> : null}
      </label>
      {hint ? (
        <div id={`${id}-hint`} className="field__hint">
          {hint}
        </div>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type={type} min={min} max={max} inputMode={type === 'number' ? 'numeric' : undefined} onChange={(e) => onChange(e.target.value)} />
      )}
    </div>
  );
}

/** A list-level error (e.g. weights not adding up), placed where the list starts; focusable from the summary. */
export function ListError({ formId, path, errors, children }: { formId: string; path: string; errors: ErrorMap; children?: ReactNode }) {
  const error = errors[path];
  return (
    <div id={controlId(formId, path)} tabIndex={-1}>
      {children}
      <FieldError id={`${controlId(formId, path)}-error`} message={error} />
    </div>
  );
}
