import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorBodySchema } from '../../../shared/contracts/common.js';
import { portalSummarySchema } from '../../../shared/contracts/portal.js';
import { cachedJson } from '../../lib/cache.js';
import { systemContext } from '../../lib/context.js';
import { publicAccess } from '../../lib/policy.js';
import type { AppServices } from '../manifest.js';
import { getPortalSummary } from './service.js';

/** Public figures change a few times a day; each process recomputes the summary at most every 10 s. */
const summaryTtlMs = 10_000;

export const portalRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (app, { services }) => {
  const summary = cachedJson(
    summaryTtlMs,
    services.clock,
    async () => portalSummarySchema.parse(await getPortalSummary(systemContext(services.database.db, services.clock, 'portal-summary'))),
    ['indicators'],
  );
  app.get(
    '/summary',
    {
      config: { policy: publicAccess },
      schema: {
        tags: ['portal'],
        summary: 'Tóm tắt trang chủ: kế hoạch, chỉ tiêu, phong trào / Home summary: plans, targets, movement',
        response: { 200: portalSummarySchema, 500: errorBodySchema },
      },
    },
    async (request, reply) => {
      const { body, etag } = await summary();
      reply.header('cache-control', 'public, max-age=10').header('etag', etag);
      // The body is JSON already, of a value checked against the schema: sent as is, past the typed reply.
      const untyped = reply as unknown as FastifyReply;
      if (request.headers['if-none-match'] === etag) return untyped.status(304).send();
      return untyped.type('application/json; charset=utf-8').send(body);
    },
  );
};
