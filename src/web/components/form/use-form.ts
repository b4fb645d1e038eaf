import { useCallback, useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import type { ZodType } from 'zod';
import { parseDecimal } from '../../i18n/format.js';
import { useLocale } from '../../i18n/use-locale.js';
import { useToast } from '../toast/toast.js';
import { errorsFromIssues, type ErrorMap, type Message } from './messages.js';
import {
  compareByFormOrder,
  fieldDomId,
  labelForPath,
  nearestKnownPath,
  valueAt,
  withValueAt,
  type AnyLabels,
  type FieldLabels,
  type FieldPath,
  type FormValues,
  type Row,
} from './paths.js';
import { errorsFromServer, formPathOf } from './server-errors.js';

/** Readers for what people type, in the page's language. */
export type InputReaders = {
  /** "12,5" → 12.5 in Vietnamese; blank → undefined (so the schema says "required"); not a number → NaN. */
  number(text: string): number | undefined;
};

export type UseFormOptions<V extends FormValues, Out> = {
  /** Prefix of the fields' ids (`sign-in` gives `sign-in-email`); unique on the page. */
  id: string;
  initialValues: V;
  /** Every field's label, in the order the form shows them; rows name themselves ("Tác giả 2"). */
  labels: FieldLabels<V>;
  /** The shared contract schema the server validates the same body with. */
  schema: ZodType<Out>;
  /** Turns what the fields hold into the request body (numbers read, blank optional fields left out). */
  toInput?: (values: V, read: InputReaders) => unknown;
  /** Per-field messages for rules the default wording does not fit. */
  messages?: Partial<Record<FieldPath<V>, Message>>;
  /** Checks no schema can make (comparing fields, the signed-in person's data), keyed by path. */
  validate?: (values: V) => ErrorMap;
  /** Request paths the server names otherwise than the form (`{ approvalThresholdPercent: 'threshold' }`). */
  serverPaths?: Readonly<Record<string, string>>;
  /** Sends the request; a message it returns is confirmed in a toast. */
  onSubmit: (data: Out, values: V) => Promise<Message | void>;
};

export type FieldError = { path: string; label: string; message: Message };

export type FormApi<V extends FormValues> = {
  id: string;
  values: V;
  /** Errors by path, as the fields show them. */
  errors: ErrorMap;
  /** Errors in the form's order with the label the summary names them by. */
  errorList: FieldError[];
  /** Messages about the whole form (wrong credentials, a network failure). */
  formMessages: Message[];
  isSubmitting: boolean;
  fieldId(path: FieldPath<V>): string;
  labelOf(path: FieldPath<V>): string;
  valueOf(path: FieldPath<V>): unknown;
  setValue(path: FieldPath<V>, value: unknown): void;
  addRow<K extends keyof V & string>(list: K, row: Row): void;
  removeRow<K extends keyof V & string>(list: K, index: number): void;
  handleSubmit(event: FormEvent<HTMLFormElement>): void;
  /** Submits without a form element (a part of a larger form, sent by its own button). */
  submit(): void;
  /** Back to `values` (or the initial values) with no errors. */
  reset(values?: V): void;
  summaryRef: RefObject<HTMLDivElement | null>;
};

function hasAny(errors: object): boolean {
  return Object.keys(errors).length > 0;
}

/**
 * The one way forms work: values in state (flat fields, lists and repeating rows), validated on submit
 * with the shared zod schema the server applies, the server's refusals placed on their fields, focus
 * moved to the error summary whenever a submit fails, and a confirmation toast when it succeeds.
 */
export function useForm<V extends FormValues, Out>(options: UseFormOptions<V, Out>): FormApi<V> {
  const { id, initialValues, schema, toInput, messages, validate, serverPaths, onSubmit } = options;
  const labels = options.labels as unknown as AnyLabels;
  const locale = useLocale();
  const toast = useToast();
  const [values, setValues] = useState<V>(initialValues);
  const [errors, setErrors] = useState<ErrorMap>({});
  const [formMessages, setFormMessages] = useState<Message[]>([]);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const isSubmittingRef = useRef(false);

  useEffect(() => {
    if (failedSubmits > 0) summaryRef.current?.focus();
  }, [failedSubmits]);

  const fail = (fieldErrors: ErrorMap, general: Message[]) => {
    setErrors(fieldErrors);
    setFormMessages(general);
    setFailedSubmits((count) => count + 1);
  };

  const readers: InputReaders = { number: (text) => parseDecimal(text, locale) };

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    submit();
  };

  const submit = () => {
    if (isSubmittingRef.current) return;
    const input = toInput ? toInput(values, readers) : values;
    const parsed = schema.safeParse(input);
    const extra = validate?.(values) ?? {};
    if (!parsed.success || hasAny(extra)) {
      const found = parsed.success ? {} : errorsFromIssues(parsed.error.issues, (path) => valueAt(input, path));
      const overrides = (messages ?? {}) as ErrorMap;
      // A rule on a value the form does not show lands on the nearest part that it does.
      const placed: ErrorMap = {};
      const general: Message[] = [];
      const place = (path: string, message: Message) => {
        const target = nearestKnownPath(labels, path);
        if (target === null) general.push(message);
        else placed[target] ??= overrides[target] ?? message;
      };
      for (const [bodyPath, message] of Object.entries(found)) place(formPathOf(bodyPath, serverPaths), message);
      for (const [path, message] of Object.entries(extra)) place(path, message);
      fail(placed, general.length > 0 ? [(t) => t('form.errors.invalid')] : []);
      return;
    }
    isSubmittingRef.current = true;
    setIsSubmitting(true);
    onSubmit(parsed.data, values)
      .then((confirmation) => {
        setErrors({});
        setFormMessages([]);
        if (confirmation) toast.show(confirmation);
      })
      .catch((error: unknown) => {
        const fromServer = errorsFromServer(error, labels, serverPaths);
        fail(fromServer.errors, fromServer.formMessages);
      })
      .finally(() => {
        isSubmittingRef.current = false;
        setIsSubmitting(false);
      });
  };

  const setValue = useCallback((path: string, value: unknown) => {
    setValues((current) => withValueAt(current, path, value));
  }, []);

  const dropListErrors = (list: string) =>
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([path]) => path !== list && !path.startsWith(`${list}.`))));

  const errorList = Object.keys(errors)
    .sort((a, b) => compareByFormOrder(labels, a, b))
    .map((path) => ({ path, label: labelForPath(labels, path) ?? '', message: errors[path]! }));

  return {
    id,
    values,
    errors,
    errorList,
    formMessages,
    isSubmitting,
    fieldId: (path) => fieldDomId(id, path),
    labelOf: (path) => {
      const label = labelForPath(labels, path);
      const column = path.split('.')[2];
      // Inside a row, a field is labelled by its own name; the row's legend says which row it is.
      if (column !== undefined) {
        const entry = labels[path.split('.')[0] ?? ''];
        if (typeof entry === 'object') return entry.fields[column] ?? label ?? '';
      }
      return label ?? '';
    },
    valueOf: (path) => valueAt(values, path),
    setValue,
    addRow: (list, row) => {
      setValues((current) => ({ ...current, [list]: [...((current[list] as readonly Row[] | undefined) ?? []), row] }));
    },
    removeRow: (list, index) => {
      setValues((current) => ({ ...current, [list]: ((current[list] as readonly Row[] | undefined) ?? []).filter((_, i) => i !== index) }));
      dropListErrors(list);
    },
    handleSubmit,
    submit,
    reset: (next) => {
      setValues(next ?? initialValues);
      setErrors({});
      setFormMessages([]);
    },
    summaryRef,
  };
}
