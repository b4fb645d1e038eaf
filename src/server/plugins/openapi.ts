import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { publicAccess } from '../lib/policy.js';

const binary = { type: 'string', format: 'binary' };

/**
 * What the zod schemas cannot say: an upload route's multipart body (its limits in `x-upload`), and
 * the file a download route sends (its types in `produces`), so tests and clients find both here.
 */
function describeFiles(result: { schema: Record<string, unknown>; url: string }, route: RouteOptions) {
  const schema = { ...result.schema };
  const upload = route.config?.upload;
  if (upload) {
    schema.consumes = ['multipart/form-data'];
    schema.body = { type: 'object', required: ['file'], properties: { file: { ...binary, description: `≤ ${upload.maxBytes} bytes; ${upload.accept.join(', ')}` } } };
    schema['x-upload'] = { maxBytes: upload.maxBytes, accept: upload.accept };
  }
  const produces = schema.produces;
  if (Array.isArray(produces)) {
    const response = (schema.response ?? {}) as Record<string, unknown>;
    schema.response = { ...response, 200: { description: 'File', content: Object.fromEntries(produces.map((type: string) => [type, { schema: binary }])) } };
    // Left in place, `produces` would label the JSON error answers as files too.
    delete schema.produces;
  }
  return { ...result, schema };
}

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
    transform: (input) => describeFiles(jsonSchemaTransform(input) as { schema: Record<string, unknown>; url: string }, input.route),
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { config: { policy: publicAccess }, schema: { hide: true } }, async () => app.swagger());
});
