import type { ModuleManifest } from '../manifest.js';
import { seedPlans } from './seed.js';

export const plansModule: ModuleManifest = { name: 'plans', prefix: '/api/plans', seedDemo: seedPlans };
