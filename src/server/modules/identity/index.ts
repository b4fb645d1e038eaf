import type { ModuleManifest } from '../manifest.js';
import { identityRoutes } from './routes.js';
import { seedIdentity } from './seed.js';

export const identityModule: ModuleManifest = { name: 'identity', prefix: '/api', routes: identityRoutes, seedDemo: seedIdentity };
