import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { buildTestApp, type TestApp } from './app.js';
import { launchBrowser } from './browser.js';
import { samplePages } from './sample-pages.js';

export type E2EServer = { baseUrl: string; testApp: TestApp; close(): Promise<void> };

/**
 * The real server with the demo data and the built web app, listening on a loopback port; `testApp`
 * lets a spec prepare data (accounts with roles) and read or move the server's clock.
 */
export async function startE2EServer(): Promise<E2EServer> {
  const t = await buildTestApp({ template: 'demo' });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, testApp: t, close: () => t.close() };
}

/** A server and a Chromium for the tests of one spec file: started before them, closed after them. */
export function useServerAndBrowser(): { readonly server: E2EServer; readonly browser: Browser } {
  const started = {} as { server: E2EServer; browser: Browser };
  beforeAll(async () => {
    started.server = await startE2EServer();
    started.browser = await launchBrowser();
  });
  afterAll(async () => {
    await started.browser?.close();
    await started.server?.close();
  });
  return started;
}

/** One real page of every route pattern, read from the server's demo data (see sample-pages.ts). */
export const samplePagesOn = (server: E2EServer) =>
  samplePages(async (url) => (await server.testApp.app.inject({ method: 'GET', url })).json() as unknown);
