import type { ModuleManifest } from '../manifest.js';
import { searchRoutes } from './routes.js';

export const searchModule: ModuleManifest = { name: 'search', prefix: '/api/search', routes: searchRoutes };
