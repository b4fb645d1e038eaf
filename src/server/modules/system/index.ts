import { deleteExpiredCounters } from '../../lib/counters.js';
import type { ModuleManifest } from '../manifest.js';
import { systemRoutes } from './routes.js';

export const deleteExpiredCountersJob = 'system.delete-expired-counters';

export const systemModule: ModuleManifest = {
  name: 'system',
  prefix: '',
  routes: systemRoutes,
  jobs: () => ({
    [deleteExpiredCountersJob]: async (ctx) => {
      await deleteExpiredCounters(ctx.db, ctx.clock.now());
    },
  }),
  // Write-limit and sign-in counters whose window has ended.
  schedules: [{ name: 'system.expired-counters', cron: '*/15 * * * *', job: deleteExpiredCountersJob }],
};
