import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { openStream } from '../testing/sse-client';
import { Client, STORE_KINDS, startTestApp, testConfig, TestClock, type TestApp } from '../testing/harness';
import { deskFixture, recordCall } from '../testing/desk';
import { buildApp } from '../app';
import { openStore, rows, type Store } from '../db/store';

const portOf = (app: FastifyInstance) => (app.server.address() as AddressInfo).port;

describe.each(STORE_KINDS)('live notifications on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => t.close());

  it('CALL-6 a new Q work order reaches the vendor’s open page live, and a reconnect resumes after Last-Event-ID', async () => {
    const waibu = await Client.login(t.app, 'waibu');
    const stream = await openStream(portOf(t.app), waibu.cookie);
    await stream.waitFor((e) => e.event === 'ready');
    const kefu = await Client.login(t.app, 'kefu');
    const f = await deskFixture(t);
    const call = await recordCall(kefu, t, { householdId: await f.someHousehold('10', 1), content: '宽带断线', categoryId: await f.cat('broadband') });
    const got = await stream.waitFor((e) => e.event === 'notification' && JSON.parse(e.data).type === 'work_order.assigned');
    expect(JSON.parse(got.data).title).toContain('新报修单');
    const lastId = Number(stream.events.filter((e) => e.id).at(-1)!.id);
    stream.close();
    // while away: a chase
    const zhuli = await Client.login(t.app, 'zhuli');
    await zhuli.post(`/api/calls/${call.id}/chase`, { note: '请尽快上门' });
    const again = await openStream(portOf(t.app), waibu.cookie, lastId);
    const missed = await again.waitFor((e) => e.event === 'notification' && JSON.parse(e.data).type === 'work_order.chase');
    expect(Number((missed as { id?: string }).id)).toBeGreaterThan(lastId);
    again.close();
  });

  it('logging out ends the user’s live stream', async () => {
    const kefu = await Client.login(t.app, 'kefu');
    const stream = await openStream(portOf(t.app), kefu.cookie);
    await stream.waitFor((e) => e.event === 'ready');
    await kefu.post('/api/auth/logout');
    await stream.waitFor((e) => e.event === 'session_end');
    stream.close();
  });

  it('a deadline timer fires in real time once it is due, never before', async () => {
    const app = t.app;
    const kefu = await Client.login(app, 'kefu');
    const f = await deskFixture(t);
    const call = await recordCall(kefu, t, { householdId: await f.someHousehold('11', 1), content: '公共灯坏', categoryId: await f.cat('public') });
    const { TimerRunner } = await import('../deadlines/timers');
    const fired: number[] = [];
    const runner = new TimerRunner(t.store.db, () => new Date(), 200);
    runner.on('call', 'realtime_probe', async () => {
      fired.push(Date.now());
    });
    const due = new Date(Date.now() + 1000);
    await t.store.db.execute(sql`INSERT INTO timers (project_id, subject_type, subject_id, kind, level, fire_at) VALUES (${t.ids.p1}, 'call', ${call.id}, 'realtime_probe', 0, ${due.toISOString()}::timestamptz)`);
    runner.start();
    // a condition with a limit far above normal (about a second): how late it fires is a bench figure
    await expect.poll(() => fired.length, { timeout: 60_000, interval: 50 }).toBe(1);
    await runner.stop();
    expect(fired[0]).toBeGreaterThanOrEqual(due.getTime());
    expect(runner.stats.lateness[0]).toBeGreaterThanOrEqual(0);
  }, 120_000);
});

describe.each(STORE_KINDS.filter((k) => k === 'postgres'))('two app instances on one %s database', () => {
  let t: TestApp;
  let second: { app: FastifyInstance; store: Store };
  beforeAll(async () => {
    t = await startTestApp('postgres', { sessionIdleMinutes: 1e6, sessionAbsoluteMinutes: 1e7 });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const store = await openStore({ databaseUrl: t.store.url, poolSize: 10 });
    const app = await buildApp({ store, config: testConfig({ sessionIdleMinutes: 1e6, sessionAbsoluteMinutes: 1e7 }), now: t.clock.now, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    second = { app, store };
  });
  afterAll(async () => {
    await second.app.close();
    await second.store.close();
    await t.close();
  });

  it('CALL-6 every escalation fires exactly once though both instances claim timers at the same moment', async () => {
    const kefu = await Client.login(t.app, 'kefu');
    const f = await deskFixture(t);
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push((await recordCall(kefu, t, { householdId: await f.someHousehold('12', i), content: `宽带故障 ${i}`, categoryId: await f.cat('broadband') })).id);
    t.clock.advanceMinutes(125);
    await Promise.all([t.app.desk.timers.tick(), second.app.desk.timers.tick(), t.app.desk.timers.tick(), second.app.desk.timers.tick()]);
    const [r] = await rows<{ n: number; dup: number }>(
      t.store.db,
      sql`SELECT count(*)::int AS n, (count(*) - count(DISTINCT (n.user_id, n.link)))::int AS dup FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = 'zhuli' AND n.type = 'deadline.escalation'`,
    );
    expect(r.n).toBe(12);
    expect(r.dup).toBe(0);
    // Due by now: the warning and the first escalation step of each call — each fired by exactly one instance.
    expect(t.app.desk.timers.stats.fired + second.app.desk.timers.stats.fired).toBe(12 * 2);
    const [missed] = await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM call_events WHERE type = 'deadline_missed'`);
    expect(missed.n).toBe(12);
  });

  it('a live alert written through one instance reaches clients of both', async () => {
    const zhuliA = await Client.login(t.app, 'zhuli');
    const zhuliB = await Client.login(second.app, 'zhuli');
    const a = await openStream(portOf(t.app), zhuliA.cookie);
    const b = await openStream(portOf(second.app), zhuliB.cookie);
    await a.waitFor((e) => e.event === 'ready');
    await b.waitFor((e) => e.event === 'ready');
    const kefu = await Client.login(t.app, 'kefu');
    const f = await deskFixture(t);
    const call = await recordCall(kefu, t, { householdId: await f.someHousehold('4', 3), content: '宽带无信号', categoryId: await f.cat('broadband') });
    t.clock.advanceMinutes(125);
    await second.app.desk.timers.tick();
    const isMine = (e: { event: string; data: string }) => e.event === 'notification' && JSON.parse(e.data).link === `/calls/${call.id}`;
    await a.waitFor(isMine);
    await b.waitFor(isMine);
    a.close();
    b.close();
  });
});
