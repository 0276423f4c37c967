import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { projects } from '../../domain/property/property.table';
import { timers } from '../../domain/deadlines/deadlines.table';
import { openTestStore, STORE_KINDS, type TestStore } from '../testing/harness';
import { openStore, rows, type Store } from '../db/store';
import { TIMER_BATCH, TimerRunner, type TimerBatchHandler } from './timers';

/** The engine's round-level path: a kind with a batch handler is fired a round at a time (issue 10, issue 14 item 4). */
describe.each(STORE_KINDS)('timer batch rounds on %s', (kind) => {
  let store: TestStore;
  let projectId: string;
  beforeAll(async () => {
    store = await openTestStore(kind);
    [{ id: projectId }] = await store.db.insert(projects).values({ code: 'BAT', name: '批量轮次测试' }).returning({ id: projects.id });
  });
  afterAll(() => store.drop());

  const due = async (n: number, fireAt: Date, kindName: string) =>
    store.db
      .insert(timers)
      .values(Array.from({ length: n }, (_, i) => ({ projectId, subjectType: 'project', subjectId: projectId, kind: kindName, level: i, fireAt: new Date(fireAt.getTime() + i), payload: { i } })))
      .returning({ id: timers.id });
  const ofKind = (k: string) => store.db.select().from(timers).where(eq(timers.kind, k));
  const never = async () => {
    throw new Error('the single handler of a batch kind is not used by the engine');
  };

  it('a round of many timers of one kind goes to its batch handler together and each fires once, marked fired with its outcome by one runner; single kinds still fire one by one', async () => {
    const fireAt = new Date('2026-11-28T02:00:00Z');
    const made = await due(120, fireAt, 'bulk');
    await due(TIMER_BATCH + 3, fireAt, 'alone');
    const seen: string[] = [];
    const roundSizes: number[] = [];
    const txOfSingles = new Set<string>();
    const bulk: TimerBatchHandler = async (tx, ts) => {
      roundSizes.push(ts.length);
      seen.push(...ts.map((t) => t.id));
      // All in the claiming transaction: what the handler writes commits with the round.
      await tx.insert(timers).values({ projectId, subjectType: 'project', subjectId: projectId, kind: 'bulk_effect', fireAt: new Date('2030-01-01T00:00:00Z') });
      return ts.map((t) => ({ i: (t.payload as { i: number }).i }));
    };
    const runner = new TimerRunner(store.db, () => new Date(fireAt.getTime() + 5000), 1000, TIMER_BATCH, undefined, undefined, 50)
      .on('project', 'bulk', never, bulk)
      .on('project', 'alone', async (tx) => {
        const [{ id }] = await rows<{ id: string }>(tx, sql`SELECT txid_current()::text AS id`);
        txOfSingles.add(id);
        return { alone: true };
      });
    expect(await runner.tick()).toBe(120 + TIMER_BATCH + 3);
    expect(roundSizes).toEqual([50, 50, 20]);
    expect(new Set(seen).size).toBe(120);
    expect(seen).toHaveLength(120);
    expect([...seen].sort()).toEqual(made.map((m) => m.id).sort());
    expect(txOfSingles.size).toBe(2); // TIMER_BATCH, then 3
    const fired = await ofKind('bulk');
    expect(fired.every((t) => t.status === 'fired' && t.firedBy === runner.id && t.firedAt!.getTime() === fireAt.getTime() + 5000)).toBe(true);
    // The outcome is kept beside the payload, each timer its own.
    expect(fired.every((t) => (t.payload as { i: number; outcome: { i: number } }).outcome.i === (t.payload as { i: number }).i)).toBe(true);
    expect((await ofKind('alone')).every((t) => t.status === 'fired' && (t.payload as { outcome: unknown }).outcome !== undefined)).toBe(true);
    expect(await ofKind('bulk_effect')).toHaveLength(3);
    expect(runner.stats.fired).toBe(120 + TIMER_BATCH + 3);
    expect(await runner.tick()).toBe(0);
  });

  it('a batch handler that fails rolls its whole round back: every timer stays pending, nothing it wrote remains, and the next tick fires each once', async () => {
    const fireAt = new Date('2026-11-28T03:00:00Z');
    await due(30, fireAt, 'flaky');
    let calls = 0;
    const fired: string[] = [];
    const flaky: TimerBatchHandler = async (tx, ts) => {
      calls++;
      await tx.insert(timers).values({ projectId, subjectType: 'project', subjectId: projectId, kind: 'flaky_effect', fireAt: new Date('2030-01-01T00:00:00Z') });
      if (calls === 1) throw new Error('the notifications could not be written');
      fired.push(...ts.map((t) => t.id));
      return ts.map(() => ({ ok: true }));
    };
    const runner = new TimerRunner(store.db, () => new Date(fireAt.getTime() + 1000), 1000, TIMER_BATCH, undefined, undefined, 50).on('project', 'flaky', never, flaky);
    await expect(runner.tick()).rejects.toThrow('the notifications could not be written');
    expect((await ofKind('flaky')).every((t) => t.status === 'pending' && t.firedAt === null)).toBe(true);
    expect(await ofKind('flaky_effect')).toHaveLength(0);
    expect(runner.stats.fired).toBe(0);
    expect(await runner.tick()).toBe(30);
    expect(new Set(fired).size).toBe(30);
    expect(fired).toHaveLength(30);
    expect((await ofKind('flaky')).every((t) => t.status === 'fired')).toBe(true);
    expect(await ofKind('flaky_effect')).toHaveLength(1);
    expect(await runner.tick()).toBe(0);
  });

  it('a batch handler must answer for every timer of its round: a short answer fails the round and loses no timer', async () => {
    const fireAt = new Date('2026-11-28T04:00:00Z');
    await due(5, fireAt, 'short');
    const runner = new TimerRunner(store.db, () => new Date(fireAt.getTime() + 1000)).on('project', 'short', never, async (_tx, ts) => ts.slice(1).map(() => ({})));
    await expect(runner.tick()).rejects.toThrow(/returned 4 outcomes for 5 timers/);
    expect((await ofKind('short')).every((t) => t.status === 'pending')).toBe(true);
  });
});

describe.each(STORE_KINDS.filter((k) => k === 'postgres'))('two runners on one %s database, batch rounds', () => {
  let store: TestStore;
  let second: Store;
  let projectId: string;
  beforeAll(async () => {
    store = await openTestStore('postgres');
    second = await openStore({ databaseUrl: store.url!, poolSize: 5 });
    [{ id: projectId }] = await store.db.insert(projects).values({ code: 'BA2', name: '两个实例' }).returning({ id: projects.id });
  });
  afterAll(async () => {
    await second.close();
    await store.drop();
  });

  it('two runners claiming the same due timers at the same moment never fire one twice, and together fire them all', async () => {
    const fireAt = new Date('2026-11-28T05:00:00Z');
    const n = 400;
    await store.db.insert(timers).values(Array.from({ length: n }, (_, i) => ({ projectId, subjectType: 'project', subjectId: projectId, kind: 'race', fireAt: new Date(fireAt.getTime() + i) })));
    const seen = new Map<string, string[]>();
    const handler =
      (who: string): TimerBatchHandler =>
      async (tx, ts) => {
        // Slow rounds, so the two runners' rounds overlap.
        await tx.execute(sql`SELECT pg_sleep(0.05)`);
        for (const t of ts) seen.set(t.id, [...(seen.get(t.id) ?? []), who]);
        return ts.map(() => ({ by: who }));
      };
    const now = () => new Date(fireAt.getTime() + 60_000);
    const never = async () => ({});
    const a = new TimerRunner(store.db, now, 1000, TIMER_BATCH, undefined, undefined, 23).on('project', 'race', never, handler('a'));
    const b = new TimerRunner(second.db, now, 1000, TIMER_BATCH, undefined, undefined, 17).on('project', 'race', never, handler('b'));
    const counts = await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
    expect(counts.reduce((x, y) => x + y, 0)).toBe(n);
    expect(seen.size).toBe(n);
    expect([...seen.values()].filter((by) => by.length !== 1)).toEqual([]);
    expect(a.stats.fired + b.stats.fired).toBe(n);
    const [r] = await rows<{ fired: number; pending: number; mismatched: number }>(
      store.db,
      sql`SELECT count(*) FILTER (WHERE status = 'fired')::int AS fired, count(*) FILTER (WHERE status = 'pending')::int AS pending,
            count(*) FILTER (WHERE (fired_by = ${a.id}) <> (payload->'outcome'->>'by' = 'a'))::int AS mismatched
          FROM timers WHERE kind = 'race'`,
    );
    expect(r).toEqual({ fired: n, pending: 0, mismatched: 0 });
  });
});
