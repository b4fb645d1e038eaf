import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabaseLocation } from '../support/app.js';
import type { DatabaseLocation } from '../support/engines.js';
import { testEngine } from '../support/engines.js';
import { exited, spawnScript, waitForLine } from '../support/processes.js';

const rounds = 6;
const writersPerRound = 4;

let location: DatabaseLocation;
beforeAll(async () => {
  location = await createTestDatabaseLocation('empty');
});
afterAll(() => location.remove());

async function startServer() {
  // The write limit is counted in the database and outlives each killed process: this stream of
  // anonymous writes from one address must not run into it.
  const child = spawnScript('tests/fixtures/write-server.mjs', [], { ...location.env, RATE_LIMIT_WRITES_PER_MINUTE: '100000' });
  const [, url] = await waitForLine(child, /LISTENING (\S+)/);
  return { child, url: url! };
}

describe(`acknowledged writes on ${testEngine}`, () => {
  it(`survive kill -9 in the middle of a stream of writes, ${rounds} times`, async () => {
    const acknowledged = new Set<number>();
    let next = 0;
    for (let round = 0; round < rounds; round++) {
      const { child, url } = await startServer();
      let isKilled = false;
      const before = acknowledged.size;
      const writer = async () => {
        while (!isKilled) {
          const n = next++;
          try {
            const res = await fetch(`${url}/probe/write`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ n }),
            });
            if (res.status === 200) acknowledged.add(n);
          } catch {
            return; // the connection died with the process: this write was never acknowledged
          }
        }
      };
      const writers = Array.from({ length: writersPerRound }, writer);
      // Kill at a random moment once this round has had ten writes acknowledged, however busy the machine.
      while (acknowledged.size - before < 10) await new Promise((resolve) => setTimeout(resolve, 20));
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 400));
      child.kill('SIGKILL');
      isKilled = true;
      await exited(child);
      await Promise.all(writers);
    }
    expect(acknowledged.size).toBeGreaterThan(rounds * 10);
    const { child, url } = await startServer();
    const rows = (await (await fetch(`${url}/probe/rows`)).json()) as number[];
    child.kill('SIGTERM');
    await exited(child);
    const stored = new Set(rows);
    const lost = [...acknowledged].filter((n) => !stored.has(n));
    expect(lost).toEqual([]);
  }, 180_000); // seven server starts, slow on a busy 2-core machine
});
