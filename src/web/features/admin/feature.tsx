import type { WebFeature } from '../../app/web-feature.js';
import { AdminHomePage } from './admin-home-page.js';
import { adminPaths } from './admin-paths.js';
import { AuditLogPage } from './audit-log-page.js';
import { UnitsPage } from './units-page.js';
import { UsersPage } from './users-page.js';

const relative = (path: string) => path.slice(1);

/** The administration pages; reached from the account menu of administrators, not the main navigation. */
export const adminFeature: WebFeature = {
  routes: [
    { path: relative(adminPaths.home), element: <AdminHomePage /> },
    { path: relative(adminPaths.units), element: <UnitsPage /> },
    { path: relative(adminPaths.users), element: <UsersPage /> },
    { path: relative(adminPaths.audit), element: <AuditLogPage /> },
  ],
  englishAliases: [
    ['admin', adminPaths.home],
    ['admin/units', adminPaths.units],
    ['admin/users', adminPaths.users],
    ['admin/audit', adminPaths.audit],
  ],
};
