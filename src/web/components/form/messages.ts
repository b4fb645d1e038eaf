import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { Locale, LocalizedText } from '../../../shared/contracts/common.js';
import { formatNumber } from '../../i18n/format.js';
import { pickLocalized } from '../../i18n/use-locale.js';

/**
 * Text for the user: the server's own `{ vi, en }`, or a UI string resolved at render time. Either way
 * it follows the language switch after it is shown.
 */
export type Message = LocalizedText | ((t: TFunction, locale: Locale) => string);

/** Errors of a form, keyed by the path of the field they belong to (`title`, `authors.1.fullName`). */
export type ErrorMap = Record<string, Message>;

export function resolveMessage(message: Message, t: TFunction, locale: Locale): string {
  return typeof message === 'function' ? message(t, locale) : pickLocalized(message, locale);
}

type Issue = z.core.$ZodIssue;

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** The message for one failed check of a shared contract schema, in the form's words rather than zod's. */
export function messageForIssue(issue: Issue, value: unknown): Message {
  if (isBlank(value)) return (t) => t('form.errors.required');
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'number' || issue.expected === 'int')
        return issue.expected === 'int' ? (t) => t('form.errors.wholeNumber') : (t) => t('form.errors.number');
      return (t) => t('form.errors.invalid');
    case 'too_small':
      if (issue.origin === 'array' || issue.origin === 'set') return (t) => t('form.errors.chooseAtLeastOne');
      if (issue.origin === 'string') return (t) => t('form.errors.tooShort', { min: Number(issue.minimum) });
      if (issue.origin === 'number') return (t, locale) => t('form.errors.atLeast', { min: formatNumber(Number(issue.minimum), locale) });
      return (t) => t('form.errors.invalid');
    case 'too_big':
      if (issue.origin === 'string') return (t) => t('form.errors.tooLong', { max: Number(issue.maximum) });
      if (issue.origin === 'number') return (t, locale) => t('form.errors.atMost', { max: formatNumber(Number(issue.maximum), locale) });
      if (issue.origin === 'array') return (t) => t('form.errors.tooMany', { max: Number(issue.maximum) });
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
 * Errors from a failed `safeParse`, the first issue of each path, in the shared wording; `overrides`
 * give a field its own words (a code format, a consent box). `valueAt` tells "required" from "wrong".
 */
export function errorsFromIssues(issues: readonly Issue[], valueAt: (path: string) => unknown, overrides: ErrorMap = {}): ErrorMap {
  const errors: ErrorMap = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    if (errors[path]) continue;
    errors[path] = overrides[path] ?? messageForIssue(issue, valueAt(path));
  }
  return errors;
}
