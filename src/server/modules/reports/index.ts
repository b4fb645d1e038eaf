import type { ModuleManifest } from '../manifest.js';
import { exportReportsDataOf } from './personal-data.js';
import { sendReportRemindersJob, sendUnitReportReminders } from './reminders.js';
import { reportsRoutes } from './routes.js';
import { seedReports } from './seed.js';
import { reportsWorkItems } from './work-items.js';

export const reportsModule: ModuleManifest = {
  name: 'reports',
  prefix: '/api/reports',
  routes: reportsRoutes,
  seedDemo: seedReports,
  exportPersonalData: exportReportsDataOf,
  workItems: reportsWorkItems,
  jobs: () => ({
    [sendReportRemindersJob]: async (ctx) => {
      await sendUnitReportReminders(ctx);
    },
  }),
  // Every morning in the city's time zone, after the plans' reminders.
  schedules: [{ name: 'reports.daily-reminders', cron: '15 7 * * *', job: sendReportRemindersJob }],
};
