import { lazyPage } from '../../app/lazy-page.js';
import type { WebFeature } from '../../app/web-feature.js';
import { adminPaths } from './admin-paths.js';

const relative = (path: string) => path.slice(1);

/** The administration pages; reached from the account menu of administrators, not the main navigation. */
export const adminFeature: WebFeature = {
  routes: [
    { path: relative(adminPaths.home), ...lazyPage(() => import('./admin-home-page.js'), 'AdminHomePage', ['admin']) },
    { path: relative(adminPaths.units), ...lazyPage(() => import('./units-page.js'), 'UnitsPage', ['admin']) },
    { path: relative(adminPaths.users), ...lazyPage(() => import('./users-page.js'), 'UsersPage', ['admin']) },
    { path: relative(adminPaths.audit), ...lazyPage(() => import('./audit-log-page.js'), 'AuditLogPage', ['admin']) },
  ],
};
