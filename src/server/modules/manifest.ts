import type { WorkItem } from '../../shared/contracts/workspace.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppConfig } from '../config.js';
import type { Database } from '../db/client.js';
import type { Clock } from '../lib/clock.js';
import type { ServiceContext } from '../lib/context.js';
import type { JobHandler, JobRunner, JobSchedule } from '../lib/jobs.js';
import type { ReadReplica } from '../lib/read-replica.js';
import type { StorageDriver } from '../lib/storage.js';

/** What routes get from the app: shared services, never another module's internals. */
export type AppServices = {
  config: AppConfig;
  database: Database;
  /** Where anonymous reads go while it keeps up (DATABASE_REPLICA_URL); null without one. */
  replica: ReadReplica | null;
  clock: Clock;
  storage: StorageDriver;
  jobs: JobRunner;
  version: string;
  /** The loaded feature modules, for work that spans them all (personal data). */
  modules: readonly ModuleManifest[];
};

/** A feature module as the app loads it; every module has this shape. */
export type ModuleManifest = {
  name: string;
  /** URL prefix of the module's routes. */
  prefix: string;
  routes?: FastifyPluginAsyncZod<{ services: AppServices }>;
  /** Job handlers by name; a function so handlers can reach configuration (SMTP, storage). */
  jobs?: (services: AppServices) => Record<string, JobHandler>;
  schedules?: JobSchedule[];
  /** Loads the module's part of the demo data from seeds/demo; runs inside the seeding transaction (files go to `storage`, as uploads do). */
  seedDemo?: (ctx: ServiceContext, storage: StorageDriver) => Promise<void>;
  /** What the module holds about a person, for "download my data" (Decree 13/2023/NĐ-CP). */
  exportPersonalData?: (ctx: ServiceContext, userId: string) => Promise<unknown>;
  /** Deletes or anonymises what the module holds about a person who erases their account; runs in the erasing transaction. */
  erasePersonalData?: (ctx: ServiceContext, userId: string) => Promise<void>;
  /**
   * The signed-in person's jobs in this module, for the roles they hold, counted within what the
   * module's own lists show them (a unit officer: their units only). A job with nothing waiting is
   * still listed (count 0), so the way to it stays one click away.
   */
  workItems?: (ctx: ServiceContext) => Promise<WorkItem[]>;
};
