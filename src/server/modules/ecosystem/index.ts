import type { ModuleManifest } from '../manifest.js';
import { activeCheckJob, askStillActive } from './active-check.js';
import { eraseEcosystemDataOf, exportEcosystemDataOf } from './personal-data.js';
import { ecosystemRoutes } from './routes.js';
import { seedEcosystem } from './seed.js';

export const ecosystemModule: ModuleManifest = {
  name: 'ecosystem',
  prefix: '/api/ecosystem',
  routes: ecosystemRoutes,
  jobs: () => ({
    [activeCheckJob]: async (ctx) => {
      await askStillActive(ctx);
    },
  }),
  // Daily, so each profile is asked within a day of its twelve months; a profile is asked once a year.
  schedules: [{ name: 'ecosystem.active-check.daily', cron: '30 7 * * *', job: activeCheckJob }],
  seedDemo: seedEcosystem,
  exportPersonalData: exportEcosystemDataOf,
  erasePersonalData: eraseEcosystemDataOf,
};
