import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type pg from 'pg';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { publicAccess, type Policy } from '../lib/policy.js';
import type { ReadReplica } from '../lib/read-replica.js';
import { equalSecrets } from '../lib/tokens.js';

export type MetricsAccess = { token: string | undefined; isProduction: boolean };

/** Prometheus sends `Authorization: Bearer <METRICS_TOKEN>`. */
const metricsScrapers = (token: string): Policy => ({
  name: 'metrics-token',
  isPublic: true,
  allows: (_actor, request) => {
    const sent = request.headers.authorization;
    return typeof sent === 'string' && sent.startsWith('Bearer ') && equalSecrets(sent.slice(7).trim(), token);
  },
});

/**
 * Prometheus metrics at /metrics: request latency per route, event-loop lag (default metrics),
 * database pool. With a token only its holder reads them; without one they are open during
 * development and not served at all in production (they describe the traffic).
 */
export const metricsPlugin = fp(async (app: FastifyInstance, options: { pool: pg.Pool; replica?: ReadReplica | null; access: MetricsAccess }) => {
  const { token, isProduction } = options.access;
  if (token === undefined && isProduction) return;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
  const latency = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by route',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const { pool } = options;
  new Gauge({
    name: 'db_pool_connections',
    help: 'Database pool connections by state',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      this.set({ state: 'total' }, pool.totalCount);
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'waiting' }, pool.waitingCount);
    },
  });
  const { replica } = options;
  if (replica) {
    new Gauge({
      name: 'db_replica_lag_seconds',
      help: 'How long the read replica has been behind the primary; -1 while it cannot be reached',
      registers: [registry],
      collect() {
        this.set(replica.lagSeconds ?? -1);
      },
    });
    new Gauge({
      name: 'db_replica_in_use',
      help: '1 while anonymous reads go to the replica, 0 while they fall back to the primary',
      registers: [registry],
      collect() {
        this.set(replica.isUsable ? 1 : 0);
      },
    });
  }
  app.addHook('onResponse', async (request, reply) => {
    // Unknown URLs share one label so scanners cannot blow up the metric's cardinality.
    const route = request.routeOptions.url ?? 'unmatched';
    latency.observe({ method: request.method, route, status_code: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
  app.get(
    '/metrics',
    { config: { policy: token === undefined ? publicAccess : metricsScrapers(token) }, schema: { hide: true } },
    async (_request, reply) => {
      reply.header('content-type', registry.contentType);
      return registry.metrics();
    },
  );
});
