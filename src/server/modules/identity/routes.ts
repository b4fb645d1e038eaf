import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppServices } from '../manifest.js';
import { accountRoutes } from './account-routes.js';
import { adminRoutes } from './admin-routes.js';
import { authRoutes } from './auth-routes.js';
import { oidcRoutes } from './oidc-routes.js';

export const identityRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async (app, { services }) => {
  await app.register(authRoutes, { services, prefix: '/auth' });
  await app.register(oidcRoutes, { services, prefix: '/auth/oidc' });
  await app.register(accountRoutes, { services, prefix: '/account' });
  await app.register(adminRoutes, { services });
};
