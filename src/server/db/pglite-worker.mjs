// Runs the embedded PostgreSQL (PGlite) on its own thread and serves it over the PostgreSQL wire
// protocol on a private Unix socket, so a long query never stalls the request thread and the one
// `pg` driver serves both engines. Plain JavaScript: the worker must load without a TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const { pgDataDir, socketPath, pgliteWasmModule } = workerData;

try {
  const db = await PGlite.create(pgDataDir, { extensions: { unaccent, pg_trgm }, pgliteWasmModule });
  // One connection: PGlite is single-session, and interleaving two clients' transactions would mix them.
  const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 1 });
  await server.start();
  parentPort.on('message', async (message) => {
    if (message.type !== 'close') return;
    await server.stop();
    await db.close();
    // The database is closed; ending the thread now (not the process) spares a shutdown the second
    // a library timer would otherwise keep it alive.
    process.exit(0);
  });
  parentPort.postMessage({ type: 'ready' });
} catch (error) {
  parentPort.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
}
