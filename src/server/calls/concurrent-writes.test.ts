import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Client, STORE_KINDS, startTestApp, type TestApp } from '../testing/harness';
import { deskFixture, recordCall } from '../testing/desk';
import { rows } from '../db/store';
import { verifyAuditChain } from '../audit/audit-verify';

// Two desks at once in one estate: one records a leaking pipe in warranty (numbered, then dispatched to the engineer
// in the same transaction), the other dispatches an earlier call to the technician. Each takes the day's counters and
// the estate's audit chain; taken in opposite orders (call number → chain → work-order number against work-order
// number → chain), PostgreSQL found a deadlock and one desk got a 500 for a call it had typed. No write of one estate
// may wait on another in a cycle: every one of these answers must be a success.
describe.each(STORE_KINDS)('concurrent writes of one estate on %s', (kind) => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof deskFixture>>;
  let desks: Client[];
  beforeAll(async () => {
    t = await startTestApp(kind);
    f = await deskFixture(t);
    desks = [await Client.login(t.app, 'kefu'), await Client.login(t.app, 'zhuli'), await Client.login(t.app, 'qiantai')];
  });
  afterAll(() => t.close());

  it('creating calls that dispatch themselves beside dispatches of earlier calls: every request succeeds, numbers stay gapless, the chain verifies', async () => {
    const weixiu = await f.user('weixiu');
    const plumbing = await f.cat('plumbing');
    const inWarranty = await f.household('3-2-1502');
    const rounds = 4;
    const perRound = 12;
    const statuses: number[] = [];
    for (let r = 0; r < rounds; r++) {
      // Earlier out-of-warranty calls, still open, waiting to be dispatched.
      const open = [];
      for (let i = 0; i < perRound; i++) open.push(await recordCall(desks[0], t, { householdId: await f.someHousehold('1', i), content: `阳台水管滴水 ${r}-${i}`, categoryId: plumbing }));
      const answers = await Promise.all(
        open.flatMap((call, i) => [
          desks[1].post(`/api/calls/${call.id}/dispatch`, { version: call.version, assigneeId: weixiu }),
          desks[(i % 2) * 2].post('/api/calls', { projectId: t.ids.p1, channel: 'phone', callerName: '张伟明', callerPhone: '13812345678', urgency: 'normal', householdId: inWarranty, content: `厨房水管漏水 ${r}-${i}`, categoryId: plumbing }),
        ]),
      );
      for (const a of answers) {
        statuses.push(a.statusCode);
        if (a.statusCode >= 300) throw new Error(`${a.statusCode} ${a.body}`);
      }
    }
    expect(statuses.filter((s) => s >= 300)).toEqual([]);
    expect(statuses).toHaveLength(rounds * perRound * 2);
    // Gapless numbers of the day, calls and work orders alike.
    for (const [table, prefix] of [['call_records', 'LD'], ['work_orders', 'BX']] as const) {
      const got = await rows<{ number: string }>(t.store.db, sql`SELECT number FROM ${sql.identifier(table)} WHERE project_id = ${t.ids.p1} AND number LIKE ${prefix + '20261126-%'} ORDER BY number`);
      expect(got.map((g) => g.number)).toEqual(got.map((_, i) => `${prefix}20261126-${String(i + 1).padStart(4, '0')}`));
      expect(got.length).toBeGreaterThanOrEqual(rounds * perRound * (table === 'call_records' ? 2 : 2));
    }
    expect((await verifyAuditChain(t.store.db)).ok).toBe(true);
  }, 300_000);
});
