import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { Client, STORE_KINDS, startTestApp, type TestApp } from '../testing/harness';
import { deskFixture, recordCall } from '../testing/desk';
import { countByClass, emptyCounts } from './ledger.repository';
import { rows } from '../db/store';
import { CALL_CLASSES, CALL_STATUSES } from '../../domain/calls/calls.table';

describe.each(STORE_KINDS)('per-day subtotals on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind, { sessionIdleMinutes: 1e6, sessionAbsoluteMinutes: 1e7 });
  });
  afterAll(() => t.close());

  /** The same subtotals counted from the records themselves. */
  async function rawCounts(where: ReturnType<typeof sql>) {
    const c = emptyCounts();
    for (const r of await rows<{ cls: (typeof CALL_CLASSES)[number]; n: number }>(t.store.db, sql`SELECT class AS cls, count(*)::int AS n FROM call_records WHERE ${where} GROUP BY class`)) {
      c[r.cls] = r.n;
      c.total += r.n;
    }
    return c;
  }

  it('CALL-10 the subtotals from the per-day summary equal a count of the records, through records, reclassifications, resolutions and days', async () => {
    const kefu = await Client.login(t.app, 'kefu');
    const zhuguan = await Client.login(t.app, 'zhuguan');
    const f = await deskFixture(t);
    const cats = ['plumbing', 'broadband', 'neighbour', 'inquiry', 'public', 'complaint'];
    const made: { id: string; version: number }[] = [];
    const recordOp = fc.record({ op: fc.constant('record' as const), cat: fc.constantFrom(...cats), building: fc.constantFrom('1', '3', '5', '9'), n: fc.nat(20) });
    await fc.assert(
      fc.asyncProperty(
        // Every run starts with a record (so the eight runs record at least eight calls, whatever the draw: a
        // clean-clone run once drew only five), then 2 to 11 operations of any kind.
        fc.tuple(
          recordOp,
          fc.array(
            fc.oneof(
              recordOp,
              fc.record({ op: fc.constant('reclassify' as const), i: fc.nat(), cls: fc.constantFrom(...CALL_CLASSES) }),
              fc.record({ op: fc.constant('resolve' as const), i: fc.nat() }),
              fc.record({ op: fc.constant('hours' as const), h: fc.integer({ min: 1, max: 30 }) }),
            ),
            { minLength: 2, maxLength: 11 },
          ),
        ).map(([first, rest]) => [first, ...rest]),
        async (ops) => {
          for (const o of ops) {
            if (o.op === 'record') {
              const c = await recordCall(kefu, t, { householdId: await f.someHousehold(o.building, o.n), content: '汇总测试', categoryId: await f.cat(o.cat) });
              made.push({ id: c.id, version: c.version });
            } else if (o.op === 'hours') t.clock.advanceMinutes(o.h * 60);
            else if (made.length) {
              const m = made[o.i % made.length];
              const cur = (await zhuguan.get(`/api/calls/${m.id}`)).json();
              if (o.op === 'reclassify' && cur.class !== o.cls && cur.status !== 'closed') await zhuguan.post(`/api/calls/${m.id}/reclassify`, { version: cur.version, class: o.cls, reason: '汇总测试' });
              if (o.op === 'resolve') await zhuguan.post(`/api/calls/${m.id}/resolve`, { version: cur.version, note: '已处理' });
            }
          }
          const p = t.ids.p1;
          expect(await countByClass(t.store.db, { projectId: p })).toEqual(await rawCounts(sql`project_id = ${p}`));
          for (const cls of CALL_CLASSES) expect((await countByClass(t.store.db, { projectId: p, class: cls })).total).toBe((await rawCounts(sql`project_id = ${p} AND class = ${cls}`)).total);
          for (const status of CALL_STATUSES) expect(await countByClass(t.store.db, { projectId: p, status })).toEqual(await rawCounts(sql`project_id = ${p} AND status = ${status}`));
          expect(await countByClass(t.store.db, { projectId: p, open: true })).toEqual(await rawCounts(sql`project_id = ${p} AND status IN ('open', 'in_progress', 'resolved')`));
          // a whole Beijing day: midnight 16:00 UTC to the next
          const day = new Date(Math.floor((t.clock.t + 8 * 3600_000) / 86_400_000) * 86_400_000 - 8 * 3600_000);
          const from = day.toISOString();
          const to = new Date(day.getTime() + 86_400_000).toISOString();
          expect(await countByClass(t.store.db, { projectId: p, from, to })).toEqual(await rawCounts(sql`project_id = ${p} AND received_at >= ${from}::timestamptz AND received_at < ${to}::timestamptz`));
          // a range that is not whole days is counted from the records
          const odd = new Date(day.getTime() + 3 * 3600_000).toISOString();
          expect(await countByClass(t.store.db, { projectId: p, from: odd, to })).toEqual(await rawCounts(sql`project_id = ${p} AND received_at >= ${odd}::timestamptz AND received_at < ${to}::timestamptz`));
        },
      ),
      { numRuns: 8 },
    );
    expect(made.length).toBeGreaterThan(5);
  });
});

describe('subtotals of a free-text search', () => {
  it('CALL-10 count at most the first matches and say when they stopped counting', async () => {
    const t = await startTestApp('embedded', { sessionIdleMinutes: 1e6, sessionAbsoluteMinutes: 1e7 });
    try {
      const kefu = await Client.login(t.app, 'kefu');
      const f = await deskFixture(t);
      for (let i = 0; i < 4; i++) await recordCall(kefu, t, { householdId: await f.someHousehold('5', i), content: `漏水 第${i}次`, categoryId: await f.cat('plumbing') });
      const few = await countByClass(t.store.db, { projectId: t.ids.p1, q: '漏水' });
      expect(few.total).toBe(4);
      expect(few.capped).toBeUndefined();
      const { SEARCH_COUNT_CAP } = await import('./ledger.repository');
      expect(SEARCH_COUNT_CAP).toBe(1000);
      // over the cap: more than 1000 matching records, made directly
      await t.store.exec(
        `INSERT INTO call_records (project_id, number, received_at, channel, caller_name, content, class, proposed_class, class_reason, recorded_by)
         SELECT '${t.ids.p1}', 'T' || g, now(), 'phone', '测', '停水 ' || g, 'normal', 'normal', '测', (SELECT id FROM users WHERE username = 'kefu') FROM generate_series(1, 1005) g`,
      );
      const many = await countByClass(t.store.db, { projectId: t.ids.p1, q: '停水' });
      expect(many.total).toBe(1001);
      expect(many.capped).toBe(true);
      const list = (await kefu.get(`/api/calls?projectId=${t.ids.p1}&q=${encodeURIComponent('停水')}&pageSize=10`)).json();
      expect(list.subtotals.capped).toBe(true);
      expect(list.items).toHaveLength(10);
    } finally {
      await t.close();
    }
  });
});
