import type { ModuleManifest } from '../manifest.js';
import { workspaceRoutes } from './routes.js';

/** "Việc của tôi": asks every module for the signed-in person's work items (`ModuleManifest.workItems`). */
export const workspaceModule: ModuleManifest = { name: 'workspace', prefix: '/api/workspace', routes: workspaceRoutes };
