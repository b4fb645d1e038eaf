import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { Socket } from 'node:net';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded.js';
import { schema } from './schema.js';

export type Schema = typeof schema;
export type Db = NodePgDatabase<Schema>;
/** A transaction handle; services take `Db | Tx` so they compose inside a caller's transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export type DatabaseEngine = 'pglite' | 'postgres';

export type Database = {
  engine: DatabaseEngine;
  db: Db;
  pool: pg.Pool;
  close(): Promise<void>;
};

export type DatabaseOptions = { databaseUrl: string | undefined; dataDir: string; poolMax: number };

// Timestamps and numerics come back as strings from pg; dates stay ISO strings so both engines agree.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** Opens the configured engine; callers never learn which one runs except through `engine`. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.databaseUrl ? openServer(options.databaseUrl, options.poolMax) : openEmbedded(options.dataDir);
}

async function openServer(connectionString: string, poolMax: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: poolMax, connectionTimeoutMillis: 5000, application_name: 'doimoi' });
  pool.on('error', () => {
    // An idle client lost its server; the pool replaces it and queries report their own errors.
  });
  queueQueriesPerConnection(pool);
  try {
    await pool.query('select 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new DatabaseUnavailableError(`cannot connect to DATABASE_URL: ${describe(error)}`);
  }
  return { engine: 'postgres', pool, db: drizzle(pool, { schema }), close: () => pool.end() };
}

async function openEmbedded(dataDir: string): Promise<Database> {
  let embedded: EmbeddedPostgres;
  try {
    embedded = await startEmbeddedPostgres(dataDir);
  } catch (error) {
    throw new DatabaseUnavailableError(describe(error));
  }
  // One connection, never closed when idle: the embedded server is single-session.
  const pool = new pg.Pool({
    host: embedded.socketDir,
    port: 5432,
    user: 'postgres',
    database: 'postgres',
    max: 1,
    idleTimeoutMillis: 0,
    stream: () => new OneWritePerTickSocket(),
  });
  pool.on('error', () => undefined);
  queueQueriesPerConnection(pool);
  keepConnectionOnQueryErrors(pool);
  return {
    engine: 'pglite',
    pool,
    db: drizzle(pool, { schema }),
    async close() {
      await pool.end();
      await embedded.stop();
    },
  };
}

/**
 * A socket that sends what is written to it in one tick as one write: pg writes each message of a query
 * (Parse, Bind, Describe, Execute, Sync) on its own, and the embedded server then hands them to PGlite in
 * one call instead of five (pglite-worker.mjs).
 */
class OneWritePerTickSocket extends Socket {
  private isCorked = false;

  override write(
    chunk: Uint8Array | string,
    encodingOrCallback?: BufferEncoding | ((error?: Error | null) => void),
    callback?: (error?: Error | null) => void,
  ): boolean {
    if (!this.isCorked) {
      this.isCorked = true;
      this.cork();
      process.nextTick(() => {
        this.isCorked = false;
        this.uncork();
      });
    }
    return typeof encodingOrCallback === 'function'
      ? super.write(chunk, encodingOrCallback)
      : super.write(chunk, encodingOrCallback, callback);
  }
}

/**
 * Sends the queries a connection is given one after another: inside a transaction, services read side by
 * side (Promise.all) on its one connection, which pg queues for now but warns that pg 9 will refuse.
 * Callback calls (the pool's own) and streamed queries go straight through.
 */
function queueQueriesPerConnection(pool: pg.Pool): void {
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    let previous: Promise<unknown> = Promise.resolve();
    client.query = ((...args: unknown[]) => {
      const isStreamed = typeof (args[0] as { submit?: unknown } | undefined)?.submit === 'function';
      if (typeof args.at(-1) === 'function' || isStreamed) return query(...args);
      const result = previous.then(() => query(...args));
      previous = result.catch(() => undefined);
      return result;
    }) as typeof client.query;
  });
}

/**
 * pg's Pool drops its connection after any failed query. The embedded server serves one connection
 * and notices a dropped one only a moment later, so the queries right after a refused value would
 * fail with EPIPE: a 500 for whoever comes next. An error the server answered (a DatabaseError)
 * leaves the connection usable, so it stays; a broken connection is still dropped.
 */
function keepConnectionOnQueryErrors(pool: pg.Pool): void {
  pool.query = (async (text: string | pg.QueryConfig, values?: unknown[]) => {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      return await client.query(text, values);
    } catch (error) {
      if (!(error instanceof pg.DatabaseError)) broken = error as Error;
      throw error;
    } finally {
      client.release(broken);
    }
  }) as typeof pool.query;
}

export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describe(error.errors[0]);
  if (error instanceof Error)
    return (error as NodeJS.ErrnoException).code ? `${(error as NodeJS.ErrnoException).code} ${error.message}`.trim() : error.message;
  return String(error);
}
