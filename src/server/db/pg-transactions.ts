import { sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { NodePgSession, NodePgTransaction } from 'drizzle-orm/node-postgres';
import type { Pool, PoolClient } from 'pg';
import type { PgTransactionConfig } from 'drizzle-orm/pg-core';

/** The fields of drizzle's session this needs (private in its types, plain fields at run time). */
interface Session {
  dialect: unknown;
  schema: unknown;
  options: unknown;
  transaction: unknown;
}

/**
 * Transactions on a PostgreSQL pool that always give their connection back.
 *
 * drizzle-orm (0.45) checks a connection out, sends `begin`, and only then enters the `try` whose `finally` releases
 * it: when `begin` fails — the server went away between check-out and `begin`, as in a database restart — the
 * connection is never released. Each such failure shrinks the pool by one for good, and `pool.end()` then waits
 * forever (the outage test's teardown hung on it). Here the release is in a `finally` around everything, and a
 * connection whose `begin` or `rollback` failed goes back *with* the error, so the pool drops it instead of lending
 * it out again.
 */
export function releaseAlways(db: NodePgDatabase<never>, pool: Pool): void {
  const base = (db as unknown as { session: Session }).session;
  base.transaction = async <T>(fn: (tx: NodePgTransaction<Record<string, unknown>, never>) => Promise<T>, config?: PgTransactionConfig): Promise<T> => {
    const client: PoolClient = await pool.connect();
    let broken: Error | undefined;
    try {
      const session = new NodePgSession(client, base.dialect as never, base.schema as never, base.options as never);
      const tx = new NodePgTransaction<Record<string, unknown>, never>(base.dialect as never, session, base.schema as never);
      try {
        await tx.execute(sql`begin`);
        if (config) await tx.setTransaction(config);
      } catch (e) {
        broken = e as Error;
        throw e;
      }
      try {
        const result = await fn(tx);
        await tx.execute(sql`commit`);
        return result;
      } catch (e) {
        await tx.execute(sql`rollback`).catch((re: unknown) => (broken = re as Error));
        throw e;
      }
    } finally {
      client.release(broken);
    }
  };
}
