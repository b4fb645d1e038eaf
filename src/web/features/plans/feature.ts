import { lazyPage } from '../../app/lazy-page.js';
import type { WebFeature } from '../../app/web-feature.js';
import { planPaths } from './paths.js';

/** Pages, aliases and navigation of this feature. */
export const plansFeature: WebFeature = {
  routes: [
    { path: 'ke-hoach', ...lazyPage(() => import('./plans-page.js'), 'PlansPage', ['plans']) },
    { path: 'ke-hoach/tao-moi', ...lazyPage(() => import('./new-plan-page.js'), 'NewPlanPage', ['plans']) },
    { path: 'ke-hoach/:code', ...lazyPage(() => import('./plan-page.js'), 'PlanPage', ['plans']) },
    { path: 'ke-hoach/:code/nhiem-vu', ...lazyPage(() => import('./task-list-page.js'), 'PlanTasksPage', ['plans']) },
    { path: 'ke-hoach/:code/giao-nhiem-vu', ...lazyPage(() => import('./assign-task-page.js'), 'AssignTaskPage', ['plans']) },
    { path: 'ke-hoach/:code/bang-danh-gia', ...lazyPage(() => import('./scorecard-page.js'), 'ScorecardPage', ['plans']) },
    { path: 'ke-hoach/:code/tien-do', ...lazyPage(() => import('./timeline-page.js'), 'TimelinePage', ['plans']) },
    { path: 'ke-hoach/:code/nhom-nhiem-vu', ...lazyPage(() => import('./groups-page.js'), 'TaskGroupsPage', ['plans']) },
    { path: 'ke-hoach/:code/sua', ...lazyPage(() => import('./new-plan-page.js'), 'EditPlanPage', ['plans']) },
    { path: 'nhiem-vu/:taskId', ...lazyPage(() => import('./task-page.js'), 'TaskPage', ['plans']) },
    { path: 'nhiem-vu/:taskId/sua', ...lazyPage(() => import('./edit-task-page.js'), 'EditTaskPage', ['plans']) },
    { path: 'nhiem-vu-cua-don-vi', ...lazyPage(() => import('./task-list-page.js'), 'MyTasksPage', ['plans']) },
  ],
  nav: [{ to: planPaths.plans, label: 'nav.plans' }],
};
