import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../db/client.js';
import {
  currentVersion,
  etagOf,
  ifMatchRequired,
  versionFromIfMatch,
  type Precondition,
  type VersionedResource,
} from '../lib/versioning.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The row this route reads or edits: GET answers its ETag, PATCH/PUT require If-Match. */
    versioned?: VersionedResource;
    /** Why an edit route needs no version: it writes only the caller's own record (their score sheet, their listing). */
    unversioned?: string;
  }
  interface FastifyRequest {
    /** The version an edit starts from (If-Match), checked in the edit's transaction (lib/tx.ts). */
    precondition: Precondition | null;
  }
}

const editMethods = new Set(['PATCH', 'PUT']);

/**
 * One mechanism against lost updates: every PATCH and PUT route must declare its row (`config.versioned`),
 * or say why it writes only the caller's own record (`config.unversioned`), or the app refuses to start; a GET of that row answers its ETag; an edit without If-Match gets 428,
 * one from an older version 412 (lib/versioning.ts), both with the current ETag.
 */
export const versioningPlugin = fp(async (app: FastifyInstance, options: { db: Db }) => {
  app.decorateRequest('precondition', null);
  app.addHook('onRoute', (route) => {
    const methods = [route.method].flat().map(String);
    const edit = methods.find((method) => editMethods.has(method));
    if (edit && !route.config?.versioned && !route.config?.unversioned) {
      throw new Error(`Route ${edit} ${route.url} declares no versioned row (config.versioned): edits need If-Match`);
    }
  });

  app.addHook('preHandler', async (request, reply) => {
    const versioned = request.routeOptions.config.versioned;
    if (!versioned) return;
    const id = versioned.id(request);
    if (editMethods.has(request.method)) {
      const header = request.headers['if-match'];
      if (header === undefined) throw ifMatchRequired();
      // An ETag we never sent cannot be current: it fails as stale, with the current version.
      request.precondition = { table: versioned.table, id, version: versionFromIfMatch(header) ?? -1 };
      return;
    }
    // Read before the body is built: a change in between makes the ETag older than the body, never newer.
    const version = await currentVersion(options.db, versioned.table, id);
    if (version !== null) void reply.header('etag', etagOf(version));
  });

  app.addHook('onSend', async (request, reply) => {
    const versioned = request.routeOptions.config.versioned;
    if (!versioned || !editMethods.has(request.method)) return;
    const status = reply.statusCode;
    if (status >= 300 && status !== 412 && status !== 428) return;
    const version = await currentVersion(options.db, versioned.table, versioned.id(request));
    if (version !== null) void reply.header('etag', etagOf(version));
  });
});
