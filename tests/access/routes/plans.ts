import type { RouteTable } from '../callers.js';

export const plansRoutes: RouteTable = {
  routes: {
    'GET /api/plans': 'public',
    'POST /api/plans': 'programme-managers',
    'GET /api/plans/my-tasks': 'plans-unit-staff',
    'GET /api/plans/scorecards': 'public',
    'GET /api/plans/import-template.xlsx': 'public',
    'GET /api/plans/:planId': 'public',
    'GET /api/plans/:planId/export.xlsx': 'public',
    'POST /api/plans/:planId/import': 'programme-managers',
    'PATCH /api/plans/:planId': 'programme-managers',
    'POST /api/plans/:planId/groups': 'programme-managers',
    'GET /api/plans/groups/:groupId': 'programme-managers',
    'PATCH /api/plans/groups/:groupId': 'programme-managers',
    'GET /api/plans/:planId/tasks': 'public',
    'POST /api/plans/:planId/tasks': 'programme-managers',
    'GET /api/plans/tasks/:taskId': 'public',
    'PATCH /api/plans/tasks/:taskId': 'programme-managers',
    'POST /api/plans/tasks/:taskId/lifecycle': 'programme-managers',
    'POST /api/plans/tasks/:taskId/attachments': 'plans-unit-staff',
    'GET /api/plans/attachments/:id': 'public',
    'POST /api/plans/tasks/:taskId/reports': 'plans-unit-staff+verified-email',
    'POST /api/plans/tasks/:taskId/comments': 'plans-unit-staff+verified-email',
    'POST /api/plans/tasks/:taskId/extensions': 'plans-unit-staff',
    'POST /api/plans/extensions/:id/decision': 'programme-managers',
    'POST /api/plans/units/:unitId/calendar-feed': 'plans-unit-staff',
    'GET /api/plans/calendar/:file': 'public',
  },
  policies: {
    // Officers, leaders, programme managers and administrators hold a role on a unit; the second factor is not asked for reading their own unit's work.
    'plans-unit-staff': (c) =>
      [
        'unit officer (own unit)',
        'unit officer of another unit',
        'leader',
        'programme manager',
        'administrator',
        'administrator without second factor',
      ].includes(c),
  },
};
