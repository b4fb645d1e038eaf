// Every table of every module, for Drizzle's relational queries and for drizzle-kit.
import * as platform from './platform-schema.js';
import * as identity from '../modules/identity/schema.js';
import * as plans from '../modules/plans/schema.js';
import * as indicators from '../modules/indicators/schema.js';
import * as movement from '../modules/movement/schema.js';
import * as notifications from '../modules/notifications/schema.js';
import * as ecosystem from '../modules/ecosystem/schema.js';
import * as opendata from '../modules/opendata/schema.js';
import * as commendation from '../modules/commendation/schema.js';
import * as reports from '../modules/reports/schema.js';

export * from './platform-schema.js';
export * from '../modules/identity/schema.js';
export * from '../modules/plans/schema.js';
export * from '../modules/indicators/schema.js';
export * from '../modules/movement/schema.js';
export * from '../modules/notifications/schema.js';
export * from '../modules/ecosystem/schema.js';
export * from '../modules/opendata/schema.js';
export * from '../modules/commendation/schema.js';
export * from '../modules/reports/schema.js';

export const schema = {
  ...platform,
  ...identity,
  ...plans,
  ...indicators,
  ...movement,
  ...notifications,
  ...ecosystem,
  ...opendata,
  ...commendation,
  ...reports,
};
