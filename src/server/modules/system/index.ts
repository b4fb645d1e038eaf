import type { ModuleManifest } from '../manifest.js';
import { systemRoutes } from './routes.js';

export const systemModule: ModuleManifest = { name: 'system', prefix: '', routes: systemRoutes };
