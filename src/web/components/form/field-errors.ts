import type { TFunction } from 'i18next';
import { z } from 'zod';
import { localizedTextSchema, type Locale, type LocalizedText } from '../../../shared/contracts/common.js';
import { ApiError } from '../../api/client.js';
import { pickLocalized } from '../../i18n/use-locale.js';
import { describeError } from '../query-status.js';

/**
 * Text for the user: the server's own `{ vi, en }`, or a UI string resolved at render time. Either way
 * it follows the language switch after it is shown.
 */
export type Message = LocalizedText | ((t: TFunction, locale: Locale) => string);

export function resolveMessage(message: Message, t: TFunction, locale: Locale): string {
  return typeof message === 'function' ? message(t, locale) : pickLocalized(message, locale);
}

export type FormValue = string | boolean | readonly string[];
export type FormValues = Record<string, FormValue>;
export type FieldName<V extends FormValues> = keyof V & string;
export type FieldErrors<V extends FormValues> = Partial<Record<FieldName<V>, Message>>;

type Issue = z.core.$ZodIssue;

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** The default message for one failed check of a shared contract schema. */
export function messageForIssue(issue: Issue, value: unknown): Message {
  if (isBlank(value)) return (t) => t('form.errors.required');
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'array' || issue.origin === 'set') return (t) => t('form.errors.chooseAtLeastOne');
      if (issue.origin === 'string') return (t) => t('form.errors.tooShort', { min: Number(issue.minimum) });
      return (t) => t('form.errors.invalid');
    case 'too_big':
      if (issue.origin === 'string') return (t) => t('form.errors.tooLong', { max: Number(issue.maximum) });
      return (t) => t('form.errors.invalid');
    case 'invalid_format':
      return issue.format === 'email' ? (t) => t('form.errors.email') : (t) => t('form.errors.format');
    case 'invalid_value':
      return (t) => t('form.errors.chooseOne');
    default:
      return (t) => t('form.errors.invalid');
  }
}

/**
 * Field errors from a failed `safeParse`: the first issue of each field, with `overrides` for fields
 * whose rule needs its own words (a code format, a consent box). Issues on no known field are returned
 * apart so the form can still say something.
 */
export function fieldErrorsFromIssues<V extends FormValues>(
  issues: readonly Issue[],
  values: V,
  overrides: FieldErrors<V> = {},
): { errors: FieldErrors<V>; hasUnmatched: boolean } {
  const errors: FieldErrors<V> = {};
  let hasUnmatched = false;
  for (const issue of issues) {
    const field = issue.path[0];
    if (typeof field !== 'string' || !Object.hasOwn(values, field)) {
      hasUnmatched = true;
      continue;
    }
    const name = field as FieldName<V>;
    if (errors[name]) continue;
    errors[name] = overrides[name] ?? messageForIssue(issue, values[name]);
  }
  return { errors, hasUnmatched };
}

/** `details` of a VALIDATION answer (see the server's error handler): `body.email` names the field `email`. */
const validationDetailsSchema = z.array(z.object({ path: z.string(), message: localizedTextSchema }));

/**
 * Field errors from the server's VALIDATION answer, in the server's words; `null` when the error is
 * of another kind. Details on no known field are reported apart.
 */
export function fieldErrorsFromApiError<V extends FormValues>(
  error: unknown,
  values: V,
): { errors: FieldErrors<V>; hasUnmatched: boolean } | null {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION') return null;
  const details = validationDetailsSchema.safeParse(error.details);
  if (!details.success) return null;
  const errors: FieldErrors<V> = {};
  let hasUnmatched = false;
  for (const detail of details.data) {
    const field = detail.path.replace(/^body\./, '').split('.')[0] ?? '';
    if (!Object.hasOwn(values, field)) {
      hasUnmatched = true;
      continue;
    }
    const name = field as FieldName<V>;
    errors[name] ??= detail.message;
  }
  return { errors, hasUnmatched };
}

/** A failed request as a form-level message: the server's words when it sent some. */
export function messageForError(error: unknown): Message {
  return (t, locale) => describeError(error, locale, t);
}
