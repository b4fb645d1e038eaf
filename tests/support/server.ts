import type { AddressInfo } from 'node:net';
import { buildTestApp, type TestApp } from './app.js';

/** The real server with the demo data and the built web app, listening on a loopback port. */
export async function startE2EServer(): Promise<{ baseUrl: string; testApp: TestApp; close(): Promise<void> }> {
  const t = await buildTestApp({ template: 'demo' });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, testApp: t, close: () => t.close() };
}
