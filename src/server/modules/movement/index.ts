import type { ModuleManifest } from '../manifest.js';
import { decisionDeadlineJob, notifyDecisionDeadlines } from './decision-deadline.js';
import { eraseMovementDataOf, exportMovementDataOf, removeFilesJob, removeStoredFiles } from './personal-data.js';
import { movementRoutes } from './routes.js';
import { seedMovement } from './seed.js';
import { movementWorkItems } from './work-items.js';

export const movementModule: ModuleManifest = {
  name: 'movement',
  prefix: '/api/movement',
  routes: movementRoutes,
  jobs: (services) => ({
    [removeFilesJob]: async (_ctx, payload) => {
      await removeStoredFiles(services.storage, payload);
    },
    [decisionDeadlineJob]: async (ctx) => {
      await notifyDecisionDeadlines(ctx);
    },
  }),
  // Every morning in the city's time zone: "due soon" and "overdue" notices to the programme managers.
  schedules: [{ name: 'movement.decision-deadlines.daily', cron: '0 7 * * *', job: decisionDeadlineJob }],
  seedDemo: seedMovement,
  exportPersonalData: exportMovementDataOf,
  erasePersonalData: eraseMovementDataOf,
  workItems: movementWorkItems,
};
