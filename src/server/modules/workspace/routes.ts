import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorBodySchema } from '../../../shared/contracts/common.js';
import { workspaceSchema } from '../../../shared/contracts/workspace.js';
import { signedIn } from '../../lib/policy.js';
import { contextOf } from '../../lib/request-context.js';
import type { AppServices } from '../manifest.js';
import { getWorkspace } from './service.js';

export const workspaceRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (app, { services }) => {
  app.get(
    '',
    {
      config: { policy: signedIn },
      schema: {
        tags: ['workspace'],
        summary: 'Việc của tôi: việc cần làm theo vai trò, có số lượng / My work: jobs by role, with counts',
        response: { 200: workspaceSchema, 401: errorBodySchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      return getWorkspace(contextOf(request, services), services.modules);
    },
  );
};
