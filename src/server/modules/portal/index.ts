import type { ModuleManifest } from '../manifest.js';
import { portalRoutes } from './routes.js';

export const portalModule: ModuleManifest = { name: 'portal', prefix: '/api/portal', routes: portalRoutes };
