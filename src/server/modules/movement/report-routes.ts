import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppServices } from '../manifest.js';

/** Registrations and phase reports (filled in below). */
export const movementReportRoutes: FastifyPluginAsyncZod<{ services: AppServices }> = async () => {};
