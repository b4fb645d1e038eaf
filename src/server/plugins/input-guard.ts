import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { nulCharacterMessage } from '../../shared/validation-messages.js';
import { AppError } from '../lib/errors.js';

/** RFC 2046: a boundary is 1 to 70 characters; the multipart parser fails on an empty or missing one. */
const multipartBoundary = /;\s*boundary=(?:"[^"]{1,70}"|[^\s;"]{1,70})\s*(?:;|$)/i;

/** A path to show in a message: a NUL inside a key is written out, not sent back as is. */
const fieldName = (path: readonly (string | number)[]): string => path.map((part) => String(part).replaceAll('\u0000', '\\u0000')).join('.');

/** The first place in `value` (a string, or strings and keys nested in objects and arrays) holding U+0000. */
export function findNulCharacter(value: unknown, root: string): string | null {
  // Iterative, so a deeply nested body cannot exhaust the stack.
  const pending: Array<{ value: unknown; path: (string | number)[] }> = [{ value, path: [root] }];
  while (pending.length > 0) {
    const { value: current, path } = pending.pop()!;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return fieldName(path);
    } else if (Array.isArray(current)) {
      current.forEach((item, index) => pending.push({ value: item, path: [...path, index] }));
    } else if (current !== null && typeof current === 'object') {
      for (const [key, item] of Object.entries(current)) {
        if (key.includes('\u0000')) return fieldName([...path, key]);
        pending.push({ value: item, path: [...path, key] });
      }
    }
  }
  return null;
}

/**
 * Refuses what no route can take, before any route, policy or query sees it: U+0000 anywhere in
 * the path, query or body (PostgreSQL cannot store it in text), a multipart body without a usable
 * boundary, and plain-text bodies (no route reads them, so they get 415 rather than a confusing 400).
 */
export const inputGuardPlugin = fp(async (app: FastifyInstance) => {
  app.removeContentTypeParser('text/plain');

  app.addHook('onRequest', async (request) => {
    const contentType = request.headers['content-type'];
    if (contentType && /^\s*multipart\//i.test(contentType) && !multipartBoundary.test(contentType)) {
      throw new AppError(
        'BAD_REQUEST',
        {
          vi: 'Yêu cầu multipart/form-data thiếu tham số boundary hợp lệ (1–70 ký tự) trong Content-Type',
          en: 'The multipart/form-data request lacks a valid boundary parameter (1–70 characters) in Content-Type',
        },
        { reason: 'MULTIPART_BOUNDARY' },
      );
    }
  });

  app.addHook('preValidation', async (request) => {
    const field = findNulCharacter(request.params, 'params') ?? findNulCharacter(request.query, 'query') ?? findNulCharacter(request.body, 'body');
    if (field) {
      const message = nulCharacterMessage(field);
      throw new AppError('VALIDATION', message, [{ path: field, code: 'nul_character', message }]);
    }
  });
});
