import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../lib/errors.js';
import { toErrorBody } from '../../../plugins/errors.js';
import { UnknownFieldError } from '../datastore.js';
import { QuerySyntaxError } from './search.js';

/** CKAN's error types (`ckan/views/api.py`) and the status each is sent with. */
export const ckanErrorTypes = {
  notFound: { type: 'Not Found Error', status: 404 },
  authorization: { type: 'Authorization Error', status: 403 },
  validation: { type: 'Validation Error', status: 409 },
  searchQuery: { type: 'Search Query Error', status: 400 },
  internal: { type: 'Internal Server Error', status: 500 },
} as const;

/** A CKAN Validation Error: field → messages. */
export class CkanValidationError extends Error {
  constructor(readonly fields: Record<string, string[]>) {
    super('Validation Error');
  }
}

export const helpUrl = (baseUrl: string, action: string) => `${baseUrl}/api/3/action/help_show?name=${encodeURIComponent(action)}`;

/** Any failure of an action as CKAN reports it: the same envelope, `success: false`, an `error` with its `__type`. */
export function sendCkanError(error: unknown, request: FastifyRequest, reply: FastifyReply, baseUrl: string) {
  const action = (request.params as { action?: string } | undefined)?.action ?? '';
  const send = (status: number, payload: Record<string, unknown>) =>
    reply.status(status).send({ help: helpUrl(baseUrl, action), success: false, error: payload });
  if (error instanceof CkanValidationError) return send(409, { ...error.fields, __type: ckanErrorTypes.validation.type });
  if (error instanceof UnknownFieldError)
    return send(409, { [error.parameter]: [`field "${error.field}" not in table`], __type: ckanErrorTypes.validation.type });
  if (error instanceof QuerySyntaxError)
    return send(400, { __type: ckanErrorTypes.searchQuery.type, message: `Search Query is invalid: ${error.message}` });
  const { status, body } = toErrorBody(error, request.id);
  if (status >= 500) request.log.error({ err: error }, 'CKAN action failed');
  const code = error instanceof AppError ? error.code : body.error.code;
  if (code === 'NOT_FOUND') return send(404, { __type: ckanErrorTypes.notFound.type, message: `Not found: ${body.error.message.en}` });
  if (code === 'FORBIDDEN' || code === 'UNAUTHENTICATED' || code === 'CSRF' || code === 'SECOND_FACTOR_REQUIRED')
    return send(403, { __type: ckanErrorTypes.authorization.type, message: `Access denied: ${body.error.message.en}` });
  if (status < 500)
    return send(status === 400 ? 409 : status, { __type: ckanErrorTypes.validation.type, message: [body.error.message.en] });
  return send(500, { __type: ckanErrorTypes.internal.type, message: 'Internal Server Error' });
}
