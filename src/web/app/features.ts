import { adminFeature } from '../features/admin/feature.js';
import { commendationFeature } from '../features/commendation/feature.js';
import { ecosystemFeature } from '../features/ecosystem/feature.js';
import { identityFeature } from '../features/identity/feature.js';
import { searchFeature } from '../features/search/feature.js';
import { indicatorsFeature } from '../features/indicators/feature.js';
import { movementFeature } from '../features/movement/feature.js';
import { opendataFeature } from '../features/opendata/feature.js';
import { plansFeature } from '../features/plans/feature.js';
import { portalFeature } from '../features/portal/feature.js';
import { reportsFeature } from '../features/reports/feature.js';
import { unitsFeature } from '../features/units/feature.js';
import { workspaceFeature } from '../features/workspace/feature.js';
import type { WebFeature } from './web-feature.js';

/** The programme's features, in the order of the primary navigation. */
export const features: readonly WebFeature[] = [
  portalFeature,
  plansFeature,
  indicatorsFeature,
  movementFeature,
  commendationFeature,
  ecosystemFeature,
  opendataFeature,
  reportsFeature,
  unitsFeature,
  searchFeature,
  adminFeature,
  identityFeature,
  workspaceFeature,
];
