import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { nulCharacterMessage } from '../../shared/validation-messages.js';
import { AppError } from '../lib/errors.js';

/** RFC 2046: a boundary is 1 to 70 characters; the multipart parser fails on an empty or missing one. */
const multipartBoundary = /;\s*boundary=(?:"[^"]{1,70}"|[^\s;"]{1,70})\s*(?:;|$)/i;

type Place = { key: string | number; parent: Place | null };

/** A field's name from its place, root first; a NUL inside a key is written out, not sent back as is. */
function fieldName(place: Place): string {
  const parts: string[] = [];
  for (let at: Place | null = place; at; at = at.parent) parts.push(String(at.key).replaceAll('\u0000', '\\u0000'));
  return parts.reverse().join('.');
}

/** A place in `value` (a string, or strings and keys nested in objects and arrays) holding U+0000, named from `root`. */
export function findNulCharacter(value: unknown, root: string): string | null {
  // Iterative, and each place points at its parent, so a deeply nested body costs neither stack nor copies of its path.
  const pending: Array<{ value: unknown; place: Place }> = [{ value, place: { key: root, parent: null } }];
  while (pending.length > 0) {
    const { value: current, place } = pending.pop()!;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return fieldName(place);
    } else if (Array.isArray(current)) {
      current.forEach((item, index) => pending.push({ value: item, place: { key: index, parent: place } }));
    } else if (current !== null && typeof current === 'object') {
      for (const [key, item] of Object.entries(current)) {
        if (key.includes('\u0000')) return fieldName({ key, parent: place });
        pending.push({ value: item, place: { key, parent: place } });
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
    const field =
      findNulCharacter(request.params, 'params') ?? findNulCharacter(request.query, 'query') ?? findNulCharacter(request.body, 'body');
    if (field) {
      const message = nulCharacterMessage(field);
      throw new AppError('VALIDATION', message, [{ path: field, code: 'nul_character', message }]);
    }
  });
});
