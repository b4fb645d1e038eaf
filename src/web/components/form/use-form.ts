import { useCallback, useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import type { ZodType } from 'zod';
import {
  fieldErrorsFromApiError,
  fieldErrorsFromIssues,
  messageForError,
  type FieldErrors,
  type FieldName,
  type FormValues,
  type Message,
} from './field-errors.js';

export type UseFormOptions<V extends FormValues, Out> = {
  /** Prefix of the fields' ids (`sign-in` gives `sign-in-email`); unique on the page. */
  id: string;
  initialValues: V;
  /** Every field's label, in the order the error summary lists them. */
  labels: Record<FieldName<V>, string>;
  /** The shared contract schema the server validates the same body with. */
  schema: ZodType<Out>;
  /** Turns what the fields hold into the request body (blank optional fields left out, numbers parsed). */
  toInput?: (values: V) => unknown;
  /** Per-field messages for rules the default wording does not fit. */
  messages?: FieldErrors<V>;
  /** Checks no schema can make, such as comparing with the signed-in user's data. */
  validate?: (values: V) => FieldErrors<V>;
  onSubmit: (data: Out, values: V) => Promise<void>;
};

export type FormApi<V extends FormValues> = {
  id: string;
  values: V;
  labels: Record<FieldName<V>, string>;
  errors: FieldErrors<V>;
  /** A message about the whole form, such as wrong credentials or a network failure. */
  formError: Message | null;
  isSubmitting: boolean;
  fieldId(name: FieldName<V>): string;
  setValue<K extends FieldName<V>>(name: K, value: V[K]): void;
  handleSubmit(event: FormEvent<HTMLFormElement>): void;
  /** Back to `values` (or the initial values) with no errors, after a success. */
  reset(values?: V): void;
  summaryRef: RefObject<HTMLDivElement | null>;
};

function hasAny(errors: object): boolean {
  return Object.keys(errors).length > 0;
}

/**
 * The one way forms work: values in state, validated on submit with the shared zod schema (the same
 * rules the server applies), server validation errors placed on their fields, and focus moved to the
 * error summary whenever a submit fails.
 */
export function useForm<V extends FormValues, Out>(options: UseFormOptions<V, Out>): FormApi<V> {
  const { id, initialValues, labels, schema, toInput, messages, validate, onSubmit } = options;
  const [values, setValues] = useState<V>(initialValues);
  const [errors, setErrors] = useState<FieldErrors<V>>({});
  const [formError, setFormError] = useState<Message | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const isSubmittingRef = useRef(false);

  useEffect(() => {
    if (failedSubmits > 0) summaryRef.current?.focus();
  }, [failedSubmits]);

  const fail = (fieldErrors: FieldErrors<V>, message: Message | null) => {
    setErrors(fieldErrors);
    // A message may be a function: wrap it, or React would call it as a state updater.
    setFormError(() => message);
    setFailedSubmits((count) => count + 1);
  };

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (isSubmittingRef.current) return;
    const parsed = schema.safeParse(toInput ? toInput(values) : values);
    const extra = validate?.(values) ?? {};
    if (!parsed.success || hasAny(extra)) {
      const fromSchema = parsed.success ? { errors: {}, hasUnmatched: false } : fieldErrorsFromIssues(parsed.error.issues, values, messages);
      const fieldErrors = { ...extra, ...fromSchema.errors };
      fail(fieldErrors, fromSchema.hasUnmatched || !hasAny(fieldErrors) ? (t) => t('form.errors.invalid') : null);
      return;
    }
    isSubmittingRef.current = true;
    setIsSubmitting(true);
    onSubmit(parsed.data, values)
      .then(() => {
        setErrors({});
        setFormError(null);
      })
      .catch((error: unknown) => {
        const fromServer = fieldErrorsFromApiError(error, values);
        if (fromServer && hasAny(fromServer.errors)) {
          fail(fromServer.errors, fromServer.hasUnmatched ? messageForError(error) : null);
        } else {
          fail({}, messageForError(error));
        }
      })
      .finally(() => {
        isSubmittingRef.current = false;
        setIsSubmitting(false);
      });
  };

  const setValue = useCallback(<K extends FieldName<V>>(name: K, value: V[K]) => {
    setValues((current) => ({ ...current, [name]: value }));
  }, []);

  const reset = (next?: V) => {
    setValues(next ?? initialValues);
    setErrors({});
    setFormError(null);
  };

  return {
    id,
    values,
    labels,
    errors,
    formError,
    isSubmitting,
    fieldId: (name) => `${id}-${name}`,
    setValue,
    handleSubmit,
    reset,
    summaryRef,
  };
}
