import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { localeCookieName } from '../../shared/contracts/common.js';
import { englishAliases, webRoutePatterns } from '../../shared/web-paths.js';
import { sessionCookieName } from '../modules/identity/sessions.js';
import { createFirstPaint } from './first-paint.js';

const immutable = 'public, max-age=31536000, immutable';

/** Whether a request that matched no route may get the web app (client-side routing): a GET outside the API. */
export function isWebRequest(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0] ?? '';
  const isApi = path.startsWith('/api/') || path === '/api' || ['/healthz', '/readyz', '/metrics'].includes(path);
  return (request.method === 'GET' || request.method === 'HEAD') && !isApi;
}

/** Whether the client asked for an HTML page (a browser), not data. */
export function acceptsHtml(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes('text/html');
}

/** Serves the built web app: hashed assets cached for a year, HTML never cached. */
export const webPlugin = fp(async (app: FastifyInstance, options: { root: string }) => {
  if (!existsSync(join(options.root, 'index.html'))) {
    app.log.warn({ root: options.root }, 'web app not built; run `npm run build` (the API works without it)');
    return;
  }
  // Only the hashed assets are files on a path of their own: a catch-all route would also answer
  // unknown /api/ paths (and refuse over-long ones with 403) instead of the API's JSON 404 and 400.
  await app.register(fastifyStatic, {
    root: join(options.root, 'assets'),
    prefix: '/assets/',
    wildcard: true,
    index: false,
    // The build writes each asset also as .br and .gz at the highest levels (vite.config.ts).
    preCompressed: true,
    cacheControl: false,
    setHeaders(res) {
      res.header('cache-control', immutable);
    },
  });
  const firstPaint = await createFirstPaint(options.root, app.log, (url, init) => readApiAnonymously(app, url, init));
  app.decorateReply('sendWebApp', async function (this: FastifyReply) {
    const { url, cookies } = this.request;
    const html = await firstPaint.page({ url, locale: cookies[localeCookieName], isSignedIn: cookies[sessionCookieName] !== undefined });
    this.header('cache-control', 'no-cache').header('vary', 'cookie').type('text/html; charset=utf-8');
    // The not-found handler's answers are not a route's: the compression plugin leaves them as they are.
    if (typeof this.compress === 'function') this.compress(html);
    else this.send(html);
    return this;
  });
  // A page rendered before a write of this process may show what the write changed.
  app.addHook('onResponse', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && reply.statusCode < 400) firstPaint.forget();
  });
  // Each page of the app is a route of its own (not only the not-found handler's answer), so the
  // compression plugin, whose hooks belong to routes, compresses it.
  for (const path of [...webRoutePatterns, ...englishAliases.map(([alias]) => alias)])
    app.get(path, { schema: { hide: true } }, (_request, reply) => reply.sendWebApp());
});

/** A GET of the API as a visitor who is not signed in, answered in this process (for the server's renderer). */
async function readApiAnonymously(app: FastifyInstance, url: string, init: RequestInit): Promise<Response> {
  if ((init.method ?? 'GET') !== 'GET') throw new Error(`the server's renderer only reads the API, not ${init.method} ${url}`);
  // A page's address can put "../" into an API path (a route parameter, decoded): it reads the API or nothing.
  if (!new URL(`http://localhost${url}`).pathname.startsWith('/api/')) throw new Error(`not an address of the API: ${url}`);
  const res = await app.inject({ method: 'GET', url, headers: { accept: 'application/json' } });
  const headers = new Headers();
  for (const [name, value] of Object.entries(res.headers)) if (typeof value === 'string') headers.set(name, value);
  return new Response(res.statusCode === 204 || res.statusCode === 304 ? null : res.payload, { status: res.statusCode, headers });
}

declare module 'fastify' {
  interface FastifyReply {
    sendWebApp(): Promise<FastifyReply>;
  }
}
