import { adminFeature } from '../features/admin/feature.js';
import { indicatorsFeature } from '../features/indicators/feature.js';
import { movementFeature } from '../features/movement/feature.js';
import { opendataFeature } from '../features/opendata/feature.js';
import { plansFeature } from '../features/plans/feature.js';
import { unitsFeature } from '../features/units/feature.js';
import type { WebFeature } from './web-feature.js';

/** The programme's features, in the order of the primary navigation. */
export const features: readonly WebFeature[] = [
  plansFeature,
  indicatorsFeature,
  movementFeature,
  opendataFeature,
  unitsFeature,
  adminFeature,
];
