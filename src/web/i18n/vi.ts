import { adminVi } from '../features/admin/messages.vi.js';
import { identityVi } from '../features/identity/messages.vi.js';
import { indicatorsVi } from '../features/indicators/messages.vi.js';
import { ecosystemVi } from '../features/ecosystem/messages.vi.js';
import { commendationVi } from '../features/commendation/messages.vi.js';
import { movementVi } from '../features/movement/messages.vi.js';
import { opendataVi } from '../features/opendata/messages.vi.js';
import { reportsVi } from '../features/reports/messages.vi.js';
import { plansVi } from '../features/plans/messages.vi.js';
import { searchVi } from '../features/search/messages.vi.js';
import { unitsVi } from '../features/units/messages.vi.js';
import { workspaceVi } from '../features/workspace/messages.vi.js';
import { coreVi } from './core.vi.js';
import type { DeepStrings } from './deep-strings.js';

/**
 * Every Vietnamese UI string: the reference key set, for types, tests and the checks that `en.ts` has
 * exactly the same keys. The app itself loads the core strings and each feature's with its pages.
 */
export const vi = {
  ...coreVi,
  ...identityVi,
  admin: adminVi,
  units: unitsVi,
  plans: plansVi,
  indicators: indicatorsVi,
  movement: movementVi,
  commendation: commendationVi,
  workspace: workspaceVi,
  search: searchVi,
  ecosystem: ecosystemVi,
  opendata: opendataVi,
  reports: reportsVi,
} as const;

/** The shape both locales share: the same keys, any string values. */
export type Messages = DeepStrings<typeof vi>;
