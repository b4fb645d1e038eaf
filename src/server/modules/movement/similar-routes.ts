import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppServices } from '../manifest.js';

/** Similar initiatives (filled in below). */
export const similarRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async () => {};
