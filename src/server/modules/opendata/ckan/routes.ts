import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../../lib/request-context.js';
import { publicAccess } from '../../../lib/policy.js';
import type { AppServices } from '../../manifest.js';
import { actions } from './actions.js';
import { helpUrl, sendCkanError } from './envelope.js';
import { writeActions } from './write-actions.js';

/**
 * CKAN's Action API v3 (`/api/3/action/<name>`, also `/api/action/<name>`): GET with parameters in
 * the query string or POST with a JSON body, answered in CKAN's envelope with its error types, so
 * CKAN clients and harvesters read this catalogue as they read CKAN. What a caller sees is decided
 * per dataset in the services (open to all; shared and private with a token or session).
 */
export const ckanRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (app, { services }) => {
  const baseUrl = services.config.baseUrl;
  // CKAN clients send their API token as the whole Authorization header, without "Bearer".
  app.addHook('onRequest', async (request) => {
    const authorization = request.headers.authorization;
    if (authorization && !/^Bearer\s/i.test(authorization) && !/\s/.test(authorization.trim()))
      request.headers.authorization = `Bearer ${authorization.trim()}`;
  });
  app.setErrorHandler((error, request, reply) => sendCkanError(error, request, reply, baseUrl));
  // One route per method: a GET is a read and never counts against the write limit a POST gets.
  for (const method of ['GET', 'POST'] as const)
    app.route({
      method,
      url: '/:action',
      config: { policy: publicAccess },
      schema: {
        // CKAN's contract, with CKAN's own envelope and error types, is documented by CKAN; the OpenAPI
        // document (and the tests derived from it) describes the platform's API and its one error shape.
        hide: true,
        tags: ['opendata'],
        summary: 'CKAN Action API v3 (package_search, package_show, datastore_search, …) / API hành động CKAN v3',
        params: z.object({ action: z.string().max(100) }),
      },
      handler: async (request, reply) => {
        const { action } = request.params;
        const isWrite = Object.hasOwn(writeActions, action);
        // CKAN answers an unknown action, or a write sent by GET, with a bare JSON string, not its envelope.
        if (isWrite && method === 'GET')
          return reply
            .status(400)
            .send(JSON.stringify('Bad request - JSON Error: Invalid request. Please use POST method for your request'));
        const run = isWrite ? writeActions[action] : Object.hasOwn(actions, action) ? actions[action] : undefined;
        if (!run) return reply.status(400).send(JSON.stringify(`Bad request: Action name not known: ${action}`));
        const params = {
          ...(request.query as Record<string, unknown>),
          ...(request.method === 'POST' && request.body && typeof request.body === 'object'
            ? (request.body as Record<string, unknown>)
            : {}),
        };
        const result = await run({ ctx: contextOf(request, services), baseUrl, siteTitle: 'doimoi', version: services.version }, params);
        if (request.method === 'GET') reply.header('access-control-allow-origin', '*');
        return reply.type('application/json; charset=utf-8').send({ help: helpUrl(baseUrl, action), success: true, result });
      },
    });
};
