import { commendationModule } from './commendation/index.js';
import { ecosystemModule } from './ecosystem/index.js';
import { identityModule } from './identity/index.js';
import { indicatorsModule } from './indicators/index.js';
import type { ModuleManifest } from './manifest.js';
import { movementModule } from './movement/index.js';
import { notificationsModule } from './notifications/index.js';
import { opendataModule } from './opendata/index.js';
import { plansModule } from './plans/index.js';
import { reportsModule } from './reports/index.js';
import { portalModule } from './portal/index.js';
import { searchModule } from './search/index.js';
import { systemModule } from './system/index.js';
import { workspaceModule } from './workspace/index.js';

/** Every module, in the order their demo data must be seeded (units before what refers to them). */
export const modules: readonly ModuleManifest[] = [
  systemModule,
  identityModule,
  plansModule,
  indicatorsModule,
  movementModule,
  commendationModule,
  ecosystemModule,
  opendataModule,
  reportsModule,
  portalModule,
  searchModule,
  notificationsModule,
  workspaceModule,
];
