import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabaseLocation } from '../support/app.js';
import type { DatabaseLocation } from '../support/engines.js';
import { testEngine } from '../support/engines.js';
import { exited, spawnCli, waitForLine } from '../support/processes.js';

let location: DatabaseLocation;
beforeAll(async () => {
  location = await createTestDatabaseLocation('empty');
});
afterAll(() => location.remove());

const idleClients = 4;
const requestsInFlight = 3;

/** A request whose body is still arriving: the server has it in hand until the rest is sent. */
function startSlowWrite(url: string, agent: http.Agent) {
  const body = JSON.stringify({ email: 'ai-do@example.vn' });
  const request = http.request(`${url}/api/auth/password-reset/request`, {
    method: 'POST',
    agent,
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
  });
  const answered = new Promise<number | string>((resolve) => {
    request.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    });
    request.on('error', (error) => resolve(`error: ${error.message}`));
  });
  request.flushHeaders();
  request.write(body.slice(0, 5));
  return { finish: () => request.end(body.slice(5)), answered };
}

describe(`SIGTERM on ${testEngine}`, () => {
  it('answers every request in flight, drops idle keep-alive connections and exits 0 within 2 s', async () => {
    const child = spawnCli(['serve'], { ...location.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' });
    const [, url] = await waitForLine(child, /"address":"([^"]+)"/);
    const agent = new http.Agent({ keepAlive: true, maxSockets: idleClients + requestsInFlight });
    const get = (path: string) =>
      new Promise<number>((resolve, reject) =>
        http.get(`${url!}${path}`, { agent }, (res) => res.resume().on('end', () => resolve(res.statusCode!))).on('error', reject),
      );
    expect(await Promise.all(Array.from({ length: idleClients }, () => get('/readyz')))).toEqual(Array(idleClients).fill(200));

    const writes = Array.from({ length: requestsInFlight }, () => startSlowWrite(url!, agent));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const signalled = Date.now();
    child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (const write of writes) write.finish();

    expect(await Promise.all(writes.map((write) => write.answered))).toEqual(Array(requestsInFlight).fill(202));
    const { code } = await exited(child);
    const elapsedMs = Date.now() - signalled;
    agent.destroy();
    expect(code).toBe(0);
    expect(elapsedMs).toBeLessThan(2000);
  }, 60_000);
});
