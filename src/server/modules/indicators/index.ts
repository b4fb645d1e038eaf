import type { ModuleManifest } from '../manifest.js';
import { exportIndicatorDataOf } from './personal-data.js';
import { remindMissingJob, remindMissingReports } from './reminders.js';
import { indicatorsRoutes } from './routes.js';
import { seedIndicators } from './seed.js';
import { indicatorWorkItems } from './work-items.js';

export const indicatorsModule: ModuleManifest = {
  name: 'indicators',
  prefix: '/api/indicators',
  routes: indicatorsRoutes,
  jobs: () => ({
    [remindMissingJob]: async (ctx) => {
      await remindMissingReports(ctx);
    },
  }),
  // Every morning in the city's time zone: reports fall due on the 25th, reminders go out on the 26th.
  schedules: [{ name: 'indicators.remind-missing.daily', cron: '0 8 * * *', job: remindMissingJob }],
  seedDemo: seedIndicators,
  exportPersonalData: exportIndicatorDataOf,
  workItems: indicatorWorkItems,
};
