import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ErrorBody } from '../shared/contracts/common.js';
import type { AppConfig } from './config.js';
import type { Database } from './db/client.js';
import { AuditSealer } from './lib/audit-sealer.js';
import { listenForInvalidations } from './lib/cache-bus.js';
import { systemClock, type Clock } from './lib/clock.js';
import { JobRunner } from './lib/jobs.js';
import { ReadReplica } from './lib/read-replica.js';
import { loggerOptions } from './lib/logging.js';
import { webDistDir } from './lib/paths.js';
import type { Actor } from './lib/policy.js';
import { configuredStorage } from './lib/configured-storage.js';
import type { StorageDriver } from './lib/storage.js';
import { uploadsPlugin } from './lib/uploads.js';
import { modules as allModules } from './modules/index.js';
import type { AppServices, ModuleManifest } from './modules/manifest.js';
import { answerFrameworkError, errorsPlugin } from './plugins/errors.js';
import { inputGuardPlugin } from './plugins/input-guard.js';
import { metricsPlugin } from './plugins/metrics.js';
import { openapiPlugin } from './plugins/openapi.js';
import cookie from '@fastify/cookie';
import { requestActorResolver } from './modules/identity/request-actor.js';
import { policyPlugin } from './plugins/policy.js';
import { versioningPlugin } from './plugins/versioning.js';
import { securityPlugin } from './plugins/security.js';
import { isWebPage } from '../shared/web-page-match.js';
import { acceptsHtml, isWebRequest, webPlugin } from './plugins/web.js';
import { version } from './version.js';

export type BuildAppOptions = {
  config: AppConfig;
  database: Database;
  clock?: Clock;
  storage?: StorageDriver;
  modules?: readonly ModuleManifest[];
  resolveActor?: (request: FastifyRequest) => Promise<Actor>;
  webRoot?: string;
};

declare module 'fastify' {
  interface FastifyInstance {
    services: AppServices;
  }
}

/** Builds the whole application (plugins, then module manifests); never listens. The caller owns the database. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : loggerOptions(config.logLevel),
    trustProxy: config.trustProxy,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    },
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
    frameworkErrors: answerFrameworkError,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  const clock = options.clock ?? systemClock;
  const jobs = new JobRunner({ db: database.db, clock, logger: app.log, pollMs: config.jobsPollMs });
  const replica = config.replica
    ? new ReadReplica({ ...config.replica, poolMax: config.dbPoolMax, primary: database.pool, clock, logger: app.log })
    : null;
  const services: AppServices = {
    config,
    database,
    replica,
    clock,
    storage: options.storage ?? configuredStorage(config),
    jobs,
    version,
    modules: options.modules ?? allModules,
  };
  app.decorate('services', services);

  await app.register(errorsPlugin);
  // Before the policy: a NUL in a path parameter must not reach a policy that looks the resource up.
  await app.register(inputGuardPlugin);
  await app.register(securityPlugin, {
    anonymousWritesPerMinute: config.rateLimitWritesPerMinute,
    accountWritesPerMinute: config.rateLimitAccountWritesPerMinute,
    db: database.db,
    clock,
  });
  await app.register(cookie);
  await app.register(policyPlugin, { resolveActor: options.resolveActor ?? requestActorResolver(services) });
  await app.register(versioningPlugin, { db: database.db });
  await app.register(uploadsPlugin, { ceilingBytes: config.uploadMaxBytes });
  await app.register(metricsPlugin, {
    pool: database.pool,
    replica,
    access: { token: config.metricsToken, isProduction: config.nodeEnv === 'production' },
  });
  await app.register(openapiPlugin, { version });

  for (const module of services.modules) {
    if (module.routes) await app.register(module.routes, { prefix: module.prefix, services });
    for (const [name, handler] of Object.entries(module.jobs?.(services) ?? {})) jobs.register(name, handler);
    for (const schedule of module.schedules ?? []) jobs.addSchedule(schedule);
  }

  await app.register(webPlugin, { root: options.webRoot ?? webDistDir });
  const hasWebApp = app.hasReplyDecorator('sendWebApp');
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? request.url;
    // The app renders its own "not found" page; the status tells crawlers and links checkers the truth.
    // A declared page is the app whatever the client accepts (curl and link checkers send */*);
    // an unknown path gets the app's "not found" page only when a browser asks for HTML.
    if (hasWebApp && isWebRequest(request)) {
      if (isWebPage(path)) return reply.sendWebApp();
      if (acceptsHtml(request)) return reply.status(404).sendWebApp();
    }
    const body: ErrorBody = {
      error: {
        code: 'ROUTE_NOT_FOUND',
        message: { vi: `Không có đường dẫn ${request.method} ${path}`, en: `No route ${request.method} ${path}` },
        requestId: request.id,
      },
    };
    return reply.status(404).send(body);
  });

  // Before the first request: what a write cut short by a crash left in storage.
  app.addHook('onReady', async () => {
    const removed = await services.storage.removeLeftoverPartials();
    if (removed > 0) app.log.info({ removed }, 'removed partial files left by interrupted uploads');
  });
  // Background work: jobs, and sealing the audit rows that committed (its log lines carry the checkpoints).
  const sealer = new AuditSealer({ db: database.db, key: config.auditKey, clock, logger: app.log });
  if (config.jobsEnabled) {
    app.addHook('onReady', async () => {
      await jobs.start();
      sealer.start();
    });
  }
  if (replica) {
    // A write's author reads from the primary for a while, so they see it at once.
    app.addHook('onSend', async (request, reply) => {
      if (!['GET', 'HEAD', 'OPTIONS'].includes(request.method) && reply.statusCode < 400) replica.markWriter(reply, config.isCookieSecure);
    });
    app.addHook('onReady', async () => replica.start());
    app.addHook('onClose', async () => replica.stop());
  }
  // Other processes' writes drop this process's caches (LISTEN/NOTIFY); the embedded engine has no other process.
  let cacheListener: { stop(): Promise<void> } | null = null;
  if (database.engine === 'postgres' && config.databaseUrl) {
    const databaseUrl = config.databaseUrl;
    app.addHook('onReady', async () => {
      cacheListener = listenForInvalidations(databaseUrl, app.log);
    });
  }
  app.addHook('onClose', async () => {
    await jobs.stop();
    await sealer.stop();
    await cacheListener?.stop();
  });
  return app;
}
