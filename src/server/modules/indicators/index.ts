import type { ModuleManifest } from '../manifest.js';
import { seedIndicators } from './seed.js';

export const indicatorsModule: ModuleManifest = { name: 'indicators', prefix: '/api/indicators', seedDemo: seedIndicators };
