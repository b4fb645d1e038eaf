import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppServices, ModuleManifest } from '../manifest.js';
import { ckanRoutes } from './ckan/routes.js';
import { dcatRoutes } from './dcat/routes.js';
import { opendataRoutes } from './routes.js';
import { seedOpendata } from './seed.js';

/** The module's three faces: its own API, CKAN's Action API v3 (both paths CKAN answers on), and DCAT-AP. */
const routes: FastifyPluginAsyncZod<{ services: AppServices }> = async (app, { services }) => {
  await app.register(opendataRoutes, { prefix: '/api/opendata', services });
  await app.register(ckanRoutes, { prefix: '/api/3/action', services });
  await app.register(ckanRoutes, { prefix: '/api/action', services });
  await app.register(dcatRoutes, { services });
};

export const opendataModule: ModuleManifest = { name: 'opendata', prefix: '', routes, seedDemo: seedOpendata };
