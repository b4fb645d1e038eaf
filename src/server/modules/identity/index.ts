import type { ModuleManifest } from '../manifest.js';
import { identityRoutes } from './routes.js';
import { seedIdentity } from './seed.js';
import { identityWorkItems } from './work-items.js';

export const identityModule: ModuleManifest = { name: 'identity', prefix: '/api', routes: identityRoutes, seedDemo: seedIdentity, workItems: identityWorkItems };
