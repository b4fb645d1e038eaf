import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { localeCookieName } from '../../shared/contracts/common.js';
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
  const firstPaint = await createFirstPaint(options.root, app.log);
  app.decorateReply('sendWebApp', async function (this: FastifyReply) {
    const html = await firstPaint(this.request.url, this.request.cookies[localeCookieName]);
    return this.header('cache-control', 'no-cache').header('vary', 'cookie').type('text/html; charset=utf-8').send(html);
  });
  app.get('/', { schema: { hide: true } }, (_request, reply) => reply.sendWebApp());
});

declare module 'fastify' {
  interface FastifyReply {
    sendWebApp(): Promise<FastifyReply>;
  }
}
