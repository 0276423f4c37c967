/**
 * The raw driver under the app's store (drizzle keeps it as db.$client): the PGlite instance or the pg
 * Pool. Baseline B1 goes through it, in the same process and with the same connections as the app.
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Store } from '../../src/server/db/store';

export type RawQuery = (text: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

export interface RawDriver {
  kind: 'pglite' | 'pg';
  query: RawQuery;
  /** BEGIN … COMMIT on one connection (ROLLBACK if fn throws). */
  transaction<T>(fn: (q: RawQuery) => Promise<T>): Promise<T>;
}

export function rawDriver(store: Store): RawDriver {
  const client: unknown = (store.db as unknown as { $client?: unknown }).$client;
  if (client instanceof PGlite) {
    return {
      kind: 'pglite',
      query: (text, params) => client.query<Record<string, unknown>>(text, params),
      transaction: (fn) => client.transaction((tx) => fn((text, params) => tx.query<Record<string, unknown>>(text, params))),
    };
  }
  if (client instanceof pg.Pool) {
    const pool = client;
    return {
      kind: 'pg',
      query: (text, params) => pool.query<Record<string, unknown>>(text, params),
      transaction: async (fn) => {
        const c = await pool.connect();
        try {
          await c.query('BEGIN');
          const r = await fn((text, params) => c.query<Record<string, unknown>>(text, params));
          await c.query('COMMIT');
          return r;
        } catch (err) {
          await c.query('ROLLBACK').catch(() => undefined);
          throw err;
        } finally {
          c.release();
        }
      },
    };
  }
  throw new Error('the store has neither a PGlite instance nor a pg Pool under it');
}
