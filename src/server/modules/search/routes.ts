import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorBodySchema } from '../../../shared/contracts/common.js';
import { searchQuerySchema, searchResponseSchema } from '../../../shared/contracts/search.js';
import { publicAccess } from '../../lib/policy.js';
import { contextOf } from '../../lib/request-context.js';
import { searchDocumentsFor } from '../../lib/search.js';
import type { AppServices } from '../manifest.js';

export const searchRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (app, { services }) => {
  app.get(
    '',
    {
      config: { policy: publicAccess },
      schema: {
        tags: ['search'],
        summary: 'Tìm kiếm không dấu trên toàn cổng / Site-wide search, diacritics ignored',
        querystring: searchQuerySchema,
        response: { 200: searchResponseSchema, 400: errorBodySchema },
      },
    },
    async (request) => {
      const ctx = contextOf(request, services);
      const results = await searchDocumentsFor(ctx.db, {
        query: request.query.q,
        entityType: request.query.type,
        limit: request.query.limit,
        // Restricted documents are served once sign-in exists and the caller may see them.
        includePrivate: false,
      });
      return { query: request.query.q, results };
    },
  );
};
