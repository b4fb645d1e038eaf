import { lazyPage } from '../../app/lazy-page.js';
import type { WebFeature } from '../../app/web-feature.js';
import { planPaths } from './paths.js';

/** Pages, aliases and navigation of this feature. */
export const plansFeature: WebFeature = {
  routes: [
    { path: 'ke-hoach', ...lazyPage(() => import('./plans-page.js'), 'PlansPage') },
    { path: 'ke-hoach/:code', ...lazyPage(() => import('./plan-page.js'), 'PlanPage') },
    { path: 'ke-hoach/:code/nhiem-vu', ...lazyPage(() => import('./task-list-page.js'), 'PlanTasksPage') },
    { path: 'ke-hoach/:code/giao-nhiem-vu', ...lazyPage(() => import('./assign-task-page.js'), 'AssignTaskPage') },
    { path: 'ke-hoach/:code/bang-danh-gia', ...lazyPage(() => import('./scorecard-page.js'), 'ScorecardPage') },
    { path: 'ke-hoach/:code/tien-do', ...lazyPage(() => import('./timeline-page.js'), 'TimelinePage') },
    { path: 'nhiem-vu/:taskId', ...lazyPage(() => import('./task-page.js'), 'TaskPage') },
    { path: 'nhiem-vu-cua-don-vi', ...lazyPage(() => import('./task-list-page.js'), 'MyTasksPage') },
  ],
  englishAliases: [
    ['plans', planPaths.plans],
    ['my-unit-tasks', planPaths.myTasks],
  ],
  nav: [{ to: planPaths.plans, label: 'plans.nav.plans' }],
};
