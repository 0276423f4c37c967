import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdirSync } from 'node:fs';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import * as schema from './schema';
import { releaseAlways } from './pg-transactions';
import { runCommitWork } from './commit-work';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything that runs queries: the database or an open transaction. */
export type Executor = Db | Tx;

export type StoreKind = 'embedded' | 'postgres';

export interface Store {
  kind: StoreKind;
  db: Db;
  /** Runs raw SQL text (used by tests, seeds and the audit verifier). */
  exec(sqlText: string): Promise<void>;
  /** LISTEN on a channel; the handler gets each NOTIFY payload. Returns the unsubscribe function. */
  listen(channel: string, handler: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
  /** Embedded store only: the whole data folder as a gzipped tar, to start another store from (`loadDataDir`). */
  dump?(): Promise<Blob>;
}

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../drizzle');

export interface StoreOptions {
  /** postgres://… — a PostgreSQL server. Unset: the embedded store. */
  databaseUrl?: string;
  /** Folder of the embedded store; `memory://` for a throw-away one. */
  dataDir?: string;
  poolSize?: number;
  /** Embedded store only: start from this dump of another store's data folder (see `Store.dump`). */
  loadDataDir?: Blob;
}

export async function openStore(opts: StoreOptions): Promise<Store> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 10);
  return openPglite(opts.dataDir ?? 'memory://', opts.loadDataDir);
}

async function openPglite(dataDir: string, loadDataDir?: Blob): Promise<Store> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir, loadDataDir ? { loadDataDir } : {});
  const db = drizzle({ client, schema }) as unknown as Db;
  runCommitWork(db);
  await migrate(drizzle({ client, schema }), { migrationsFolder: MIGRATIONS_DIR });
  // PGlite runs no autovacuum: without statistics the planner picks full scans over good indexes.
  const stats = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stats WHERE schemaname = 'public'`);
  if (stats.rows[0].n === 0) await client.exec('ANALYZE');
  return {
    kind: 'embedded',
    db,
    exec: async (text) => {
      await client.exec(text);
    },
    listen: (channel, handler) => client.listen(channel, handler),
    close: () => client.close(),
    dump: () => client.dumpDataDir('gzip'),
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Store> {
  const pg = (await import('pg')).default;
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // A dropped idle connection must not crash the process; queries report their own errors.
  pool.on('error', () => {});
  // A connection that dies while checked out (mid-transaction) emits 'error' on its client; without a
  // listener that would crash the process. The query in flight fails on its own and answers 503.
  pool.on('connect', (client) => client.on('error', () => {}));
  const ndb = drizzle({ client: pool, schema });
  releaseAlways(ndb as never, pool);
  runCommitWork(ndb);
  const listeners = new Set<() => Promise<void>>();
  /** A dedicated connection per channel; reconnects after a dropped connection (server restart). */
  const listenPg = async (connectionString: string, channel: string, handler: (payload: string) => void) => {
    let client: InstanceType<typeof pg.Client> | null = null;
    let stopped = false;
    let retry: NodeJS.Timeout | undefined;
    const again = () => {
      if (!stopped) retry = setTimeout(() => void connect().catch(() => {}), 1000).unref();
    };
    const connect = async (): Promise<void> => {
      if (stopped) return;
      const c = new pg.Client({ connectionString });
      c.on('notification', (m) => handler(m.payload ?? ''));
      c.on('error', () => {
        if (client === c) client = null;
        c.end().catch(() => {});
        again();
      });
      try {
        await c.connect();
        await c.query(`LISTEN ${channel}`);
        // Stopped while connecting: this connection is nobody's, close it rather than leave it open.
        if (stopped) {
          await c.end().catch(() => {});
          return;
        }
        client = c;
        // Anything sent while we were away is in the outbox; let the listener catch up.
        handler('*');
      } catch {
        await c.end().catch(() => {});
        again();
      }
    };
    await connect();
    const stop = async () => {
      stopped = true;
      clearTimeout(retry);
      listeners.delete(stop);
      await client?.end().catch(() => {});
    };
    listeners.add(stop);
    return stop;
  };
  // Several app instances may start at once: one migrates, the others wait for it.
  // The lock is held on a connection of its own: migrating takes one from the pool, which may have only one.
  const lockClient = new pg.Client({ connectionString: url });
  await lockClient.connect();
  try {
    await lockClient.query('SELECT pg_advisory_lock(727201)');
    await migrate(ndb, { migrationsFolder: MIGRATIONS_DIR });
  } finally {
    await lockClient.query('SELECT pg_advisory_unlock(727201)').catch(() => {});
    await lockClient.end().catch(() => {});
  }
  return {
    kind: 'postgres',
    db: ndb as unknown as Db,
    exec: async (text) => {
      await pool.query(text);
    },
    listen: (channel, handler) => listenPg(url, channel, handler),
    close: async () => {
      for (const stop of listeners) await stop();
      await pool.end();
    },
  };
}

/** Rows of a raw query, whichever driver ran it. */
export async function rows<T>(ex: Executor, query: ReturnType<typeof sql>): Promise<T[]> {
  const res = (await ex.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}
