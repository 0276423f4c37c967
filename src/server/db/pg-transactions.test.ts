import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openStore, type Executor } from './store';

/** The rows of a raw statement (the store's type leaves a raw result's shape to the caller). */
const rows = async <R>(db: Executor, q: ReturnType<typeof sql>) => ((await db.execute(q)) as unknown as { rows: R[] }).rows;

const base = process.env.TEST_DATABASE_URL;

/** Resolves to 'hung' if the promise has not settled long after it should (milliseconds) — a leaked connection waits forever. */
const settles = <T>(p: Promise<T>) => Promise.race([p.then(() => 'settled' as const, () => 'settled' as const), new Promise<'hung'>((r) => setTimeout(() => r('hung'), 20_000).unref())]);

// A pool of one connection: a transaction that kept its connection would leave nothing for the next query.
describe.skipIf(!base)('PostgreSQL transactions give their connection back', () => {
  it('when the transaction cannot start, the pool still serves the next query and closes', async () => {
    const store = await openStore({ databaseUrl: base, poolSize: 1 });
    const failed = store.db.transaction(async () => 'never', { isolationLevel: 'no such level' as never });
    await expect(failed).rejects.toThrow();
    expect(await settles(store.db.execute(sql`select 1`))).toBe('settled');
    expect((await rows<{ n: number }>(store.db, sql`select 2 as n`))[0].n).toBe(2);
    expect(await settles(store.close())).toBe('settled');
  }, 60_000);

  it('when the server ends the connection mid-transaction, the caller gets the error and the next query a fresh connection', async () => {
    const store = await openStore({ databaseUrl: base, poolSize: 1 });
    const pids: number[] = [];
    const killed = store.db.transaction(async (tx) => {
      pids.push((await rows<{ pid: number }>(tx, sql`select pg_backend_pid() as pid`))[0].pid);
      await tx.execute(sql`select pg_terminate_backend(pg_backend_pid())`);
      return 'never';
    });
    await expect(killed).rejects.toThrow();
    const next = await store.db.transaction(async (tx) => (await rows<{ pid: number }>(tx, sql`select pg_backend_pid() as pid`))[0].pid);
    expect(next).not.toBe(pids[0]);
    expect(await settles(store.close())).toBe('settled');
  }, 60_000);

  it('a transaction that throws rolls back and the connection serves the next one', async () => {
    const store = await openStore({ databaseUrl: base, poolSize: 1 });
    await store.db.execute(sql`create temp table if not exists t_release (n int)`);
    await expect(
      store.db.transaction(async (tx) => {
        await tx.execute(sql`insert into t_release values (1)`);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect((await rows<{ c: number }>(store.db, sql`select count(*)::int as c from t_release`))[0].c).toBe(0);
    expect(await settles(store.close())).toBe('settled');
  }, 60_000);
});
