import type { RouteTable } from '../callers.js';

export const notificationsRoutes: RouteTable = {
  routes: {
    'GET /api/notifications': 'signed-in',
    'POST /api/notifications/:id/read': 'signed-in',
    'POST /api/notifications/read-all': 'signed-in',
    'GET /api/notifications/outbox': 'administrators',
  },
};
