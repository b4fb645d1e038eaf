import type { RouteTable } from '../callers.js';

const isOfficer = (c: string) => c === 'unit officer (own unit)' || c === 'unit officer of another unit';
const isManager = (c: string) => c === 'programme manager' || c === 'administrator';

export const opendataRoutes: RouteTable = {
  routes: {
    'GET /api/opendata/themes': 'public',
    'GET /api/opendata/work': 'opendata-editors',
    'POST /api/opendata/datasets': 'opendata-editors',
    'GET /api/opendata/datasets/:id': 'opendata-editors',
    'PUT /api/opendata/datasets/:id': 'opendata-editors',
    'POST /api/opendata/datasets/:id/:action': 'opendata-editors',
    'POST /api/opendata/datasets/:id/resources': 'opendata-editors',
    'POST /api/opendata/datasets/:id/files': 'opendata-editors',
    'GET /api/opendata/datasets/:id/history': 'public',
    'GET /api/opendata/resources/:id/download': 'public',
    'GET /api/3/action/:action': 'public',
    'POST /api/3/action/:action': 'public',
    'GET /api/action/:action': 'public',
    'POST /api/action/:action': 'public',
  },
  policies: {
    'opendata-editors': (c) => isOfficer(c) || isManager(c),
  },
};
