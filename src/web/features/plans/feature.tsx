import type { WebFeature } from '../../app/web-feature.js';
import { AssignTaskPage } from './assign-task-page.js';
import { PlanPage } from './plan-page.js';
import { PlansPage } from './plans-page.js';
import { ScorecardPage } from './scorecard-page.js';
import { MyTasksPage, PlanTasksPage } from './task-list-page.js';
import { TaskPage } from './task-page.js';
import { TimelinePage } from './timeline-page.js';

/** Pages, aliases and navigation of this feature. */
export const plansFeature: WebFeature = {
  routes: [
    { path: 'ke-hoach', element: <PlansPage /> },
    { path: 'ke-hoach/:code', element: <PlanPage /> },
    { path: 'ke-hoach/:code/nhiem-vu', element: <PlanTasksPage /> },
    { path: 'ke-hoach/:code/giao-nhiem-vu', element: <AssignTaskPage /> },
    { path: 'ke-hoach/:code/bang-danh-gia', element: <ScorecardPage /> },
    { path: 'ke-hoach/:code/tien-do', element: <TimelinePage /> },
    { path: 'nhiem-vu/:taskId', element: <TaskPage /> },
    { path: 'nhiem-vu-cua-don-vi', element: <MyTasksPage /> },
  ],
  englishAliases: [
    ['plans', '/ke-hoach'],
    ['my-unit-tasks', '/nhiem-vu-cua-don-vi'],
  ],
  nav: [{ to: '/ke-hoach', label: 'plans.nav.plans' }],
};
