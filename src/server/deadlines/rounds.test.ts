import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { projects } from '../../domain/property/property.table';
import { timers } from '../../domain/deadlines/deadlines.table';
import { openTestStore, STORE_KINDS, type TestStore } from '../testing/harness';
import { rows } from '../db/store';
import { TIMER_BATCH, TimerRunner } from './timers';

describe.each(STORE_KINDS)('timer rounds on %s', (kind) => {
  let store: TestStore;
  let projectId: string;
  beforeAll(async () => {
    store = await openTestStore(kind);
    [{ id: projectId }] = await store.db.insert(projects).values({ code: 'RND', name: '轮次测试' }).returning({ id: projects.id });
  });
  afterAll(() => store.drop());

  const due = async (n: number, fireAt: Date, kindName: string) =>
    store.db.insert(timers).values(Array.from({ length: n }, () => ({ projectId, subjectType: 'project', subjectId: projectId, kind: kindName, fireAt })));

  const due1 = (fireAt: Date) => due(1, fireAt, 'wake');

  it('a tick fires everything due in transactions of at most TIMER_BATCH timers, each its own transaction', async () => {
    const fireAt = new Date('2026-11-26T02:00:00Z');
    await due(2 * TIMER_BATCH + 5, fireAt, 'round');
    const txOf: string[] = [];
    const runner = new TimerRunner(store.db, () => new Date(fireAt.getTime() + 1000)).on('project', 'round', async (tx) => {
      const [{ tx: id }] = await rows<{ tx: string }>(tx, sql`SELECT txid_current()::text AS tx`);
      txOf.push(id);
      return {};
    });
    expect(await runner.tick()).toBe(2 * TIMER_BATCH + 5);
    const sizes = [...new Set(txOf)].map((id) => txOf.filter((x) => x === id).length);
    expect(sizes).toEqual([TIMER_BATCH, TIMER_BATCH, 5]);
    expect(await runner.tick()).toBe(0);
    const left = await store.db.select().from(timers).where(eq(timers.kind, 'round'));
    expect(left.every((t) => t.status === 'fired')).toBe(true);
  });

  it('a running loop wakes when the next timer falls due, not at its next poll', async () => {
    const fired: number[] = [];
    // A poll interval of ten minutes: a timer due in a second fires long before the loop would poll again.
    const runner = new TimerRunner(store.db, () => new Date(), 600_000).on('project', 'wake', async () => {
      fired.push(Date.now());
      return {};
    });
    const due = new Date(Date.now() + 1000);
    await due1(due);
    runner.start(); // its first tick finds nothing due yet
    await expect.poll(() => fired.length, { timeout: 120_000, interval: 50 }).toBe(1);
    await runner.stop();
    expect(fired[0]).toBeGreaterThanOrEqual(due.getTime());
  }, 180_000);

  it('lateness counts until the round commits, not from when it claimed the timers', async () => {
    const fireAt = new Date('2026-11-27T02:00:00Z');
    await due(3, fireAt, 'slow');
    let t = fireAt.getTime() + 200;
    const runner = new TimerRunner(store.db, () => new Date(t)).on('project', 'slow', async () => {
      t += 1000; // each handler takes a second of the injected clock
      return {};
    });
    expect(await runner.tick()).toBe(3);
    // Claimed 200 ms late; committed after three handlers, 3.2 s after they fell due. Never the claim's 200 ms.
    expect(runner.stats.lateness).toEqual([3200, 3200, 3200]);
    const fired = await store.db.select().from(timers).where(eq(timers.kind, 'slow'));
    expect(fired.map((x) => x.firedAt!.getTime() - fireAt.getTime())).toEqual([200, 200, 200]);
  });
});
