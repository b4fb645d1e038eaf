import type { ModuleManifest } from '../manifest.js';
import { seedUnits } from './seed.js';

export const identityModule: ModuleManifest = { name: 'identity', prefix: '/api/identity', seedDemo: seedUnits };
