import type { ModuleManifest } from '../manifest.js';
import { plansRoutes } from './routes.js';
import { seedPlans } from './seed.js';

export const plansModule: ModuleManifest = { name: 'plans', prefix: '/api/plans', routes: plansRoutes, seedDemo: seedPlans };
