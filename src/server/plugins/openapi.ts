import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { publicAccess } from '../lib/policy.js';

/** OpenAPI 3.1 generated from the routes' zod schemas: JSON at /api/openapi.json, browsable at /api/docs. */
export const openapiPlugin = fp(async (app: FastifyInstance, options: { version: string }) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'doimoi API',
        description: 'API của nền tảng đổi mới sáng tạo và chuyển đổi số / API of the innovation and digital-transformation platform',
        version: options.version,
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { config: { policy: publicAccess }, schema: { hide: true } }, async () => app.swagger());
});
