import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorBodySchema } from '../../../shared/contracts/common.js';
import { administrators, publicAccess } from '../../lib/policy.js';
import type { AppServices } from '../manifest.js';
import { healthSchema, jobListQuerySchema, jobListSchema, readinessSchema } from './contracts.js';
import { checkReadiness, listJobs } from './service.js';

export const systemRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (app, { services }) => {
  app.get(
    '/healthz',
    { config: { policy: publicAccess }, schema: { tags: ['system'], summary: 'Process is up (never touches the database)', response: { 200: healthSchema } } },
    async () => ({ status: 'ok' as const, uptimeSeconds: Math.round(process.uptime()) }),
  );
  app.get(
    '/readyz',
    {
      config: { policy: publicAccess },
      schema: { tags: ['system'], summary: 'Database reachable and migrations applied', response: { 200: readinessSchema, 503: readinessSchema } },
    },
    async (_request, reply) => {
      const readiness = await checkReadiness(services.database.db);
      const body = { status: readiness.isReady ? ('ready' as const) : ('not_ready' as const), database: readiness.database, migrations: readiness.migrations };
      return reply.status(readiness.isReady ? 200 : 503).send(body);
    },
  );
  app.get(
    '/api/admin/jobs',
    {
      config: { policy: administrators },
      schema: {
        tags: ['admin'],
        summary: 'Background jobs / Tác vụ nền',
        querystring: jobListQuerySchema,
        response: { 200: jobListSchema, 401: errorBodySchema, 403: errorBodySchema },
      },
    },
    async (request) => ({ jobs: await listJobs(services.database.db, request.query) }),
  );
};
