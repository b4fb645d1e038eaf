import type { ModuleManifest } from '../manifest.js';
import { seedMovement } from './seed.js';

export const movementModule: ModuleManifest = { name: 'movement', prefix: '/api/movement', seedDemo: seedMovement };
