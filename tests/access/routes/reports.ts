import type { RouteTable } from '../callers.js';

const isOfficer = (c: string) => c === 'unit officer (own unit)' || c === 'unit officer of another unit';
const isManager = (c: string) => c === 'programme manager' || c === 'administrator';

export const reportsRoutes: RouteTable = {
  routes: {
    'GET /api/reports/regimes': 'reports-staff',
    'POST /api/reports/regimes': 'programme-managers',
    'GET /api/reports/regimes/:id': 'reports-staff',
    'PATCH /api/reports/regimes/:id': 'programme-managers',
    'POST /api/reports/regimes/:id/periods': 'programme-managers',
    'GET /api/reports/periods/:id/board': 'reports-staff',
    'POST /api/reports/periods/:id/compiled': 'programme-managers',
    'GET /api/reports/unit-reports': 'reports-staff',
    'GET /api/reports/unit-reports/:id': 'reports-staff',
    'PATCH /api/reports/unit-reports/:id': 'reports-staff',
    'POST /api/reports/unit-reports/:id/attachments': 'reports-staff',
    'GET /api/reports/unit-reports/:id/attachments/:attachmentId': 'reports-staff',
    'POST /api/reports/unit-reports/:id/:action': 'reports-staff',
    'GET /api/reports/unit-reports/:id/document.docx': 'reports-staff',
    'GET /api/reports/unit-reports/:id/document.pdf': 'reports-staff',
    'GET /api/reports/unit-reports/:id/annex.xlsx': 'reports-staff',
    'GET /api/reports/compiled/:id': 'reports-staff',
    'PATCH /api/reports/compiled/:id': 'programme-managers',
    'POST /api/reports/compiled/:id/comments': 'reports-staff',
    'POST /api/reports/compiled/:id/:action': 'reports-staff',
    'GET /api/reports/compiled/:id/document.docx': 'reports-staff',
    'GET /api/reports/compiled/:id/document.pdf': 'reports-staff',
    'GET /api/reports/compiled/:id/annex.xlsx': 'reports-staff',
    'GET /api/reports/published/:id/document.docx': 'public',
    'GET /api/reports/published/:id/document.pdf': 'public',
    'GET /api/reports/published': 'public',
    'GET /api/reports/published/:id': 'public',
  },
  policies: {
    'reports-staff': (c) => isOfficer(c) || c === 'leader' || isManager(c),
  },
};
