import type { RouteTable } from '../callers.js';

export const indicatorsRoutes: RouteTable = {
  routes: {
    'GET /api/indicators/dashboard': 'public',
    'GET /api/indicators/public/:code': 'public',
    'GET /api/indicators/export': 'public',
    'GET /api/indicators/work': 'indicator-staff',
    'GET /api/indicators/:id/observations': 'indicator-staff',
    'POST /api/indicators/:id/observations': 'indicator-reporters',
    'POST /api/indicators/observations/:id/approve': 'programme-managers',
    'POST /api/indicators/observations/:id/return': 'programme-managers',
    'POST /api/indicators/import': 'indicator-reporters',
    'POST /api/indicators': 'programme-managers',
    'GET /api/indicators/:id': 'programme-managers',
    'PATCH /api/indicators/:id': 'programme-managers',
    'POST /api/indicators/:id/attachments': 'indicator-reporters',
    'GET /api/indicators/attachments/:id': 'indicator-staff',
  },
  policies: {
    'indicator-reporters': (c) => c === 'unit officer (own unit)' || c === 'unit officer of another unit',
    'indicator-staff': (c) =>
      c === 'unit officer (own unit)' || c === 'unit officer of another unit' || c === 'programme manager' || c === 'administrator',
  },
};
