import type { RouteTable } from '../callers.js';

const isOfficer = (c: string) => c === 'unit officer (own unit)' || c === 'unit officer of another unit';
const isManager = (c: string) => c === 'programme manager' || c === 'administrator';

export const commendationRoutes: RouteTable = {
  routes: {
    'GET /api/commendation/titles': 'public',
    'GET /api/commendation/titles/:id': 'public',
    'PATCH /api/commendation/titles/:id': 'administrators',
    'GET /api/commendation/councils': 'signed-in',
    'POST /api/commendation/councils': 'programme-managers',
    'GET /api/commendation/nominations': 'signed-in',
    'POST /api/commendation/nominations': 'commendation-nominators',
    'GET /api/commendation/nominations/:id': 'signed-in',
    'PATCH /api/commendation/nominations/:id': 'commendation-nominators',
    'POST /api/commendation/nominations/:id/transitions': 'commendation-staff',
    'POST /api/commendation/nominations/:id/ballots': 'signed-in',
    'POST /api/commendation/nominations/:id/vote/close': 'signed-in',
    'GET /api/commendation/votes/mine': 'signed-in',
    'POST /api/commendation/nominations/:id/attachments': 'commendation-nominators',
    'GET /api/commendation/nominations/:id/attachments': 'signed-in',
    'GET /api/commendation/nominations/:id/attachments/:attachmentId': 'signed-in',
    'DELETE /api/commendation/nominations/:id/attachments/:attachmentId': 'commendation-nominators',
    'POST /api/commendation/decisions': 'programme-managers',
    'GET /api/commendation/decisions': 'public',
    'GET /api/commendation/decisions/:id': 'public',
    'GET /api/commendation/decisions/:id/quyet-dinh.docx': 'public',
  },
  policies: {
    'commendation-nominators': isOfficer,
    'commendation-staff': (c) => isOfficer(c) || isManager(c),
  },
};
