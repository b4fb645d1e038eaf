import compress from '@fastify/compress';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { DbOrTx } from '../db/client.js';
import type { Clock } from '../lib/clock.js';
import { sharedRateLimitStore } from './shared-rate-limit-store.js';

export type WriteLimits = { anonymousWritesPerMinute: number; accountWritesPerMinute: number };
export type SecurityOptions = WriteLimits & { db: DbOrTx; clock: Clock };

const readMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every write that does not set its own limit gets this one: one budget per account when signed
 * in, one per address otherwise, shared by all those routes (`groupId`). It runs after the policy
 * has resolved the caller (preHandler), so accounts behind one office NAT do not share a budget,
 * and a refused caller is not counted.
 */
function defaultWriteLimit(limits: WriteLimits) {
  const accountKey = (request: FastifyRequest) => (request.actor ? `account:${request.actor.userId}` : `ip:${request.ip}`);
  return {
    hook: 'preHandler' as const,
    timeWindow: 60_000,
    groupId: 'writes',
    keyGenerator: accountKey,
    max: (request: FastifyRequest) => (request.actor ? limits.accountWritesPerMinute : limits.anonymousWritesPerMinute),
  };
}

/**
 * Security headers, compression and rate limiting: routes may set `config.rateLimit` (sign-in does);
 * every other write gets the default write limit. Counters live in the database, so every process
 * behind a load balancer counts against the same limits.
 */
export const securityPlugin = fp(async (app: FastifyInstance, options: SecurityOptions) => {
  app.addHook('onRoute', (route) => {
    const methods = [route.method].flat();
    const isWrite = methods.some((method) => !readMethods.has(method));
    // One route, one limit: a read sharing a route with a write would be counted as a write.
    if (isWrite && methods.some((method) => readMethods.has(method)))
      throw new Error(`${methods.join(',')} ${route.url}: declare reads and writes as separate routes`);
    if (!isWrite || route.config?.rateLimit !== undefined) return;
    route.config = { ...route.config, rateLimit: defaultWriteLimit(options) };
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Charts set inline styles on their elements.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(compress, { threshold: 1024 });
  await app.register(rateLimit, { global: false, store: sharedRateLimitStore(options.db, options.clock) });
});
