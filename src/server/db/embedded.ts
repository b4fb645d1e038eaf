import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { acquireDataDirLock } from './data-dir-lock.js';

type PgliteWorkerData = { pgDataDir: string; socketPath: string; pgliteWasmModule: WebAssembly.Module };
type PgliteWorkerMessage = { type: 'ready' } | { type: 'error'; message: string };

const closeGraceMs = 10_000;

export type EmbeddedPostgres = { socketDir: string; stop(): Promise<void> };

function spawnWorker(workerData: PgliteWorkerData): Worker {
  return new Worker(new URL('./pglite-worker.mjs', import.meta.url), { workerData });
}

let compiledPglite: Promise<WebAssembly.Module> | undefined;

/**
 * PGlite's WebAssembly, compiled once per process and handed to each database's thread: compiling it
 * costs about 0.6 s of CPU, which a process opening several databases (the tests, restores) paid each time.
 */
function pgliteWasmModule(): Promise<WebAssembly.Module> {
  compiledPglite ??= WebAssembly.compile(
    readFileSync(join(dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite')), 'pglite.wasm')),
  );
  return compiledPglite;
}

/** Starts PGlite in a worker thread, persisted in `dataDir/pgdata`, reachable on a private Unix socket. */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const wasmModule = await pgliteWasmModule();
  mkdirSync(dataDir, { recursive: true });
  const releaseLock = acquireDataDirLock(dataDir);
  // mkdtemp makes the directory 0700: only this OS user can reach the unauthenticated socket.
  const socketDir = mkdtempSync(join(tmpdir(), 'doimoi-pg-'));
  const data: PgliteWorkerData = {
    pgDataDir: join(dataDir, 'pgdata'),
    socketPath: join(socketDir, '.s.PGSQL.5432'),
    pgliteWasmModule: wasmModule,
  };
  const worker = spawnWorker(data);
  const cleanup = () => {
    rmSync(socketDir, { recursive: true, force: true });
    releaseLock();
  };
  try {
    await new Promise<void>((resolve, reject) => {
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`embedded database stopped during start-up (exit ${code})`)));
      worker.once('message', (message: PgliteWorkerMessage) => {
        if (message.type === 'ready') resolve();
        else reject(new Error(`embedded database failed to open ${data.pgDataDir}: ${message.message}`));
      });
    });
  } catch (error) {
    await worker.terminate();
    cleanup();
    throw error;
  }
  worker.removeAllListeners();
  worker.unref();
  return {
    socketDir,
    async stop() {
      worker.ref(); // keep the process alive until the database has closed cleanly
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage({ type: 'close' });
      // The worker closes the database and then exits; a stuck one is terminated after a grace period.
      const timer = setTimeout(() => void worker.terminate(), closeGraceMs);
      await exited;
      clearTimeout(timer);
      cleanup();
    },
  };
}
