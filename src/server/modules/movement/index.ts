import type { ModuleManifest } from '../manifest.js';
import { eraseMovementDataOf, exportMovementDataOf } from './personal-data.js';
import { movementRoutes } from './routes.js';
import { seedMovement } from './seed.js';

export const movementModule: ModuleManifest = {
  name: 'movement',
  prefix: '/api/movement',
  routes: movementRoutes,
  seedDemo: seedMovement,
  exportPersonalData: exportMovementDataOf,
  erasePersonalData: eraseMovementDataOf,
};
