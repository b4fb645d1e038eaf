import type { ModuleManifest } from '../manifest.js';
import { eraseCommendationDataOf, exportCommendationDataOf } from './personal-data.js';
import { commendationRoutes } from './routes.js';
import { seedCommendation } from './seed.js';
import { commendationWorkItems } from './work-items.js';

/** Commendation of people and collectives: titles, nominations, the council's secret ballot, decisions. */
export const commendationModule: ModuleManifest = {
  name: 'commendation',
  prefix: '/api/commendation',
  routes: commendationRoutes,
  seedDemo: seedCommendation,
  exportPersonalData: exportCommendationDataOf,
  erasePersonalData: eraseCommendationDataOf,
  workItems: commendationWorkItems,
};
