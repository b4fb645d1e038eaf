import type { ModuleManifest } from '../manifest.js';
import { erasePlansDataOf, exportPlansDataOf } from './personal-data.js';
import { sendRemindersJob, sendTaskReminders } from './reminders.js';
import { plansRoutes } from './routes.js';
import { seedPlans } from './seed.js';
import { plansWorkItems } from './work-items.js';

export const plansModule: ModuleManifest = {
  name: 'plans',
  prefix: '/api/plans',
  routes: plansRoutes,
  seedDemo: seedPlans,
  exportPersonalData: exportPlansDataOf,
  erasePersonalData: erasePlansDataOf,
  workItems: plansWorkItems,
  jobs: () => ({
    [sendRemindersJob]: async (ctx) => {
      await sendTaskReminders(ctx);
    },
  }),
  // Every morning in the city's time zone (the job runner reads cron in Asia/Ho_Chi_Minh).
  schedules: [{ name: 'plans.daily-reminders', cron: '0 7 * * *', job: sendRemindersJob }],
};
