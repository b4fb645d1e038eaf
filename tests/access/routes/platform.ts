import type { RouteTable } from '../callers.js';

export const platformRoutes: RouteTable = {
  routes: {
    'GET /healthz': 'public',
    'GET /readyz': 'public',
    'GET /metrics': 'public',
    'GET /api/openapi.json': 'public',
    'GET /api/admin/jobs': 'administrators',
    'GET /api/portal/summary': 'public',
    'GET /api/search': 'public',
    'GET /api/workspace': 'signed-in',
  },
};
