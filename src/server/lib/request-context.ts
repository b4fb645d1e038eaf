import type { FastifyRequest } from 'fastify';
import type { Locale } from '../../shared/contracts/common.js';
import type { AppServices } from '../modules/manifest.js';
import type { ServiceContext } from './context.js';

/** The caller's language: `?lang=` first, then Accept-Language, Vietnamese by default. */
export function localeOf(request: FastifyRequest): Locale {
  const query = (request.query ?? {}) as Record<string, unknown>;
  if (query.lang === 'en' || query.lang === 'vi') return query.lang;
  const header = request.headers['accept-language'] ?? '';
  return /^\s*en\b/i.test(header) ? 'en' : 'vi';
}

/** Builds the service context for one request: an anonymous read goes to the replica when there is one that keeps up. */
export function contextOf(request: FastifyRequest, services: AppServices): ServiceContext {
  return {
    db: services.replica?.serves(request) ? services.replica.db : services.database.db,
    clock: services.clock,
    actor: request.actor,
    requestId: request.id,
    ip: request.ip,
    locale: localeOf(request),
    precondition: request.precondition,
  };
}
