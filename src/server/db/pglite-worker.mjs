// Runs the embedded PostgreSQL (PGlite) on its own thread and serves it over the PostgreSQL wire
// protocol on a private Unix socket, so a long query never stalls the request thread and the one
// `pg` driver serves both engines. Plain JavaScript: the worker must load without a TypeScript loader.
import { createServer } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';

const { pgDataDir, socketPath, pgliteWasmModule } = workerData;

// Codes of the messages a client sends before the startup message, which have no type byte.
const sslRequest = 80877103;
const cancelRequest = 80877102;
const terminate = 0x58; // 'X'

/**
 * One client session at a time (PGlite is single-session: two clients' transactions would mix). Everything a
 * client sent in one go (a query's Parse, Bind, Describe, Execute and Sync) goes to PGlite in one call and
 * its replies back in one write: handed over message by message, as @electric-sql/pglite-socket does, the
 * bridge cost more CPU than PostgreSQL itself (measured: 43 % of the thread was PostgreSQL).
 */
function serve(db, socket) {
  let pending = Buffer.alloc(0);
  let isStarted = false;
  let turn = Promise.resolve();

  const run = (messages) =>
    db.runExclusive(async () => {
      const replies = [];
      await db.execProtocolRawStream(messages, { onRawData: (chunk) => replies.push(Buffer.from(chunk)) });
      if (replies.length > 0 && socket.writable) socket.write(replies.length === 1 ? replies[0] : Buffer.concat(replies));
    });

  /** The complete messages at the front of `pending`, in the order they must run; what is left waits. */
  function takeMessages() {
    const steps = [];
    let batchStart = 0;
    let offset = 0;
    const flushBatch = (end) => {
      if (end > batchStart) steps.push({ kind: 'run', bytes: pending.subarray(batchStart, end) });
    };
    // Before the startup message: length and code (8 bytes); after it: type byte and length (5 bytes).
    while (pending.length - offset >= (isStarted ? 5 : 8)) {
      if (!isStarted) {
        const length = Math.max(8, pending.readInt32BE(offset));
        if (pending.length - offset < length) break;
        const code = pending.readInt32BE(offset + 4);
        if (code === sslRequest) steps.push({ kind: 'refuse-ssl' });
        else if (code !== cancelRequest) {
          steps.push({ kind: 'run', bytes: pending.subarray(offset, offset + length) });
          isStarted = true;
        }
        offset += length;
        batchStart = offset;
        continue;
      }
      const length = 1 + pending.readInt32BE(offset + 1);
      if (pending.length - offset < length) break;
      if (pending[offset] === terminate) {
        flushBatch(offset);
        steps.push({ kind: 'end' });
        offset += length;
        batchStart = offset;
        continue;
      }
      offset += length;
    }
    flushBatch(offset);
    pending = pending.subarray(offset);
    return steps;
  }

  socket.setNoDelay(true);
  socket.on('data', (data) => {
    pending = pending.length === 0 ? data : Buffer.concat([pending, data]);
    // Copied: the steps run later, and `pending` moves on.
    const steps = takeMessages().map((step) => (step.kind === 'run' ? { ...step, bytes: new Uint8Array(step.bytes) } : step));
    turn = turn
      .then(async () => {
        for (const step of steps) {
          if (step.kind === 'refuse-ssl') socket.write('N');
          else if (step.kind === 'end') socket.end();
          else await run(step.bytes);
        }
      })
      .catch(() => socket.destroy());
  });
  socket.on('error', () => undefined);
  return new Promise((resolve) =>
    socket.on('close', () => {
      // A transaction its client left open ends with it.
      turn = turn
        .then(async () => {
          if (db.isInTransaction()) await db.exec('rollback');
        })
        .catch(() => undefined)
        .finally(resolve);
    }),
  );
}

try {
  const db = await PGlite.create(pgDataDir, { extensions: { unaccent, pg_trgm }, pgliteWasmModule });
  /** The client being served and the end of its session (its open transaction rolled back). */
  let session = null;
  const server = createServer((socket) => {
    if (session) {
      socket.destroy();
      return;
    }
    const ended = serve(db, socket).finally(() => {
      session = null;
    });
    session = { socket, ended };
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, resolve);
  });
  parentPort.on('message', async (message) => {
    if (message.type !== 'close') return;
    server.close();
    if (session) {
      session.socket.destroy();
      await session.ended;
    }
    await db.close();
    // The database is closed; ending the thread now (not the process) spares a shutdown the second
    // a library timer would otherwise keep it alive.
    process.exit(0);
  });
  parentPort.postMessage({ type: 'ready' });
} catch (error) {
  parentPort.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
}
