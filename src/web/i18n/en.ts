import { adminEn } from '../features/admin/messages.en.js';
import { identityEn } from '../features/identity/messages.en.js';
import { indicatorsEn } from '../features/indicators/messages.en.js';
import { ecosystemEn } from '../features/ecosystem/messages.en.js';
import { commendationEn } from '../features/commendation/messages.en.js';
import { movementEn } from '../features/movement/messages.en.js';
import { opendataEn } from '../features/opendata/messages.en.js';
import { reportsEn } from '../features/reports/messages.en.js';
import { plansEn } from '../features/plans/messages.en.js';
import { searchEn } from '../features/search/messages.en.js';
import { unitsEn } from '../features/units/messages.en.js';
import { workspaceEn } from '../features/workspace/messages.en.js';
import { coreEn } from './core.en.js';
import type { Messages } from './vi.js';

/** Every English UI string; typed as `Messages` so a missing or extra key fails to compile. */
export const en: Messages = {
  ...coreEn,
  ...identityEn,
  admin: adminEn,
  units: unitsEn,
  plans: plansEn,
  indicators: indicatorsEn,
  movement: movementEn,
  commendation: commendationEn,
  workspace: workspaceEn,
  search: searchEn,
  ecosystem: ecosystemEn,
  opendata: opendataEn,
  reports: reportsEn,
};
