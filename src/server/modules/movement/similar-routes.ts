import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorBodySchema } from '../../../shared/contracts/common.js';
import { similarQuerySchema, similarResponseSchema } from '../../../shared/contracts/movement.js';
import { signedIn } from '../../lib/policy.js';
import { contextOf } from '../../lib/request-context.js';
import type { AppServices } from '../manifest.js';
import { findSimilar } from './similar-service.js';

/** Similar initiatives, while a submitter types and for the council. */
export const similarRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (app, { services }) => {
  app.get(
    '/similar',
    {
      config: { policy: signedIn, rateLimit: { max: 120, timeWindow: 60_000, hook: 'preHandler', keyGenerator: (r) => r.actor?.userId ?? r.ip } },
      schema: { tags: ['movement'], summary: 'Sáng kiến tương tự / Similar initiatives', querystring: similarQuerySchema, response: { 200: similarResponseSchema, 400: errorBodySchema, 401: errorBodySchema, 429: errorBodySchema } },
    },
    async (request) => findSimilar(contextOf(request, services), request.query),
  );
};
