import { z } from 'zod';
import { localizedTextSchema, type LocalizedText } from '../../../shared/contracts/common.js';
import { ApiError } from '../../api/client.js';
import { describeError } from '../query-status/describe-error.js';
import type { ErrorMap, Message } from './messages.js';
import { nearestKnownPath, type AnyLabels } from './paths.js';

/** A request made for one field (uploading its file) that failed: its error belongs to that field. */
export class FieldRequestError extends Error {
  constructor(
    readonly path: string,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : 'request failed');
  }
}

/** What a refused request says about a form: errors on its fields, and what belongs to none of them. */
export type ServerErrors = { errors: ErrorMap; formMessages: Message[] };

/** `details` of a request refused by the schema (the server's error handler): `body.authors.0.fullName`. */
const schemaDetailsSchema = z.array(z.object({ path: z.string(), message: localizedTextSchema }));
/** `details` of a service refusing one field (`{ field: 'code' }`, with the error's message). */
const fieldDetailsSchema = z.object({ field: z.string() });
/** `details` of a service listing what is missing (an incomplete application). */
const problemsDetailsSchema = z.object({ problems: z.array(z.object({ field: z.string(), vi: z.string(), en: z.string() })) });

const requestParts = /^(?:body|query|querystring|params)(?:\.|$)/;
const lead = { vi: /^Trường '[^']*' /, en: /^Field '[^']*' / } as const;

/** A request path as a form path: without "body.", and renamed where the form calls it otherwise. */
export function formPathOf(serverPath: string, aliases: Readonly<Record<string, string>> = {}): string {
  const path = serverPath.replace(requestParts, '');
  const alias = Object.keys(aliases)
    .filter((from) => path === from || path.startsWith(`${from}.`))
    .sort((a, b) => b.length - a.length)[0];
  return alias === undefined ? path : `${aliases[alias]}${path.slice(alias.length)}`;
}

const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
const sentence = (text: string) => (/[.!?…]$/.test(text) ? text : `${text}.`);

/**
 * The server's message for one field, shown next to that field: without the lead that names the field
 * by its request path ("Trường 'body.body' không được để trống" becomes "Không được để trống.").
 */
export function fieldMessage(message: LocalizedText): LocalizedText {
  return { vi: sentence(capitalise(message.vi.replace(lead.vi, ''))), en: sentence(capitalise(message.en.replace(lead.en, ''))) };
}

/** A message about a value the form does not show: said about the form, never with its request path. */
function unplacedMessage(message: LocalizedText): LocalizedText {
  const stripped = fieldMessage(message);
  const hadLead = lead.vi.test(message.vi) || lead.en.test(message.en);
  return hadLead
    ? {
        vi: `Một thông tin chưa hợp lệ: ${stripped.vi.charAt(0).toLocaleLowerCase('vi')}${stripped.vi.slice(1)}`,
        en: `A value is not valid: ${stripped.en.charAt(0).toLowerCase()}${stripped.en.slice(1)}`,
      }
    : stripped;
}

/** The refusal as `[path, message]` pairs, whichever of the server's shapes it came in; null if none. */
function placedMessages(error: ApiError): Array<[string, LocalizedText]> | null {
  const schema = schemaDetailsSchema.safeParse(error.details);
  if (schema.success && schema.data.length > 0) return schema.data.map((detail) => [detail.path, detail.message]);
  const problems = problemsDetailsSchema.safeParse(error.details);
  if (problems.success && problems.data.problems.length > 0) return problems.data.problems.map((p) => [p.field, { vi: p.vi, en: p.en }]);
  const field = fieldDetailsSchema.safeParse(error.details);
  if (field.success && error.localizedMessage) return [[field.data.field, error.localizedMessage]];
  return null;
}

/**
 * A failed request as form errors. Each message the server ties to a field lands on that field (or on
 * the nearest row or list the form shows), named by the field's visible label in the summary; what
 * fits no field is said about the form. A raw request path such as `body.body` is never shown.
 */
export function errorsFromServer(error: unknown, labels: AnyLabels, aliases: Readonly<Record<string, string>> = {}): ServerErrors {
  if (error instanceof FieldRequestError) {
    const target = nearestKnownPath(labels, error.path);
    const message: Message = (t, locale) => describeError(error.cause, locale, t);
    return target === null ? { errors: {}, formMessages: [message] } : { errors: { [target]: message }, formMessages: [] };
  }
  const whole: Message = (t, locale) => describeError(error, locale, t);
  if (!(error instanceof ApiError)) return { errors: {}, formMessages: [whole] };
  const placed = placedMessages(error);
  if (!placed) return { errors: {}, formMessages: [whole] };
  const errors: ErrorMap = {};
  const formMessages: Message[] = [];
  for (const [serverPath, message] of placed) {
    const target = nearestKnownPath(labels, formPathOf(serverPath, aliases));
    if (target === null) formMessages.push(unplacedMessage(message));
    else errors[target] ??= fieldMessage(message);
  }
  return { errors, formMessages };
}
