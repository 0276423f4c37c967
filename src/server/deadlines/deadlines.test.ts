import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Client, STORE_KINDS, startTestApp, type TestApp } from '../testing/harness';
import { deskFixture, recordCall } from '../testing/desk';
import { rows } from '../db/store';

describe.each(STORE_KINDS)('deadlines and escalation on %s', (kind) => {
  let t: TestApp;
  let kefu: Client;
  let zhuli: Client;
  let f: Awaited<ReturnType<typeof deskFixture>>;
  beforeAll(async () => {
    // Days pass in these tests: sessions must outlive them.
    t = await startTestApp(kind, { sessionIdleMinutes: 1e6, sessionAbsoluteMinutes: 1e7 });
    kefu = await Client.login(t.app, 'kefu');
    zhuli = await Client.login(t.app, 'zhuli');
    f = await deskFixture(t);
  });
  afterAll(() => t.close());

  const notes = async (username: string, type?: string) =>
    rows<{ title: string; type: string; link: string }>(
      t.store.db,
      sql`SELECT n.title, n.type, n.link FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = ${username} ${type ? sql`AND n.type = ${type}` : sql``} ORDER BY n.id`,
    );
  const tick = () => t.app.desk.timers.tick();

  it('CALL-6 a broadband fault is Q, goes to the vendor due at its promised time, and the vendor sees it on its own page', async () => {
    const call = await recordCall(kefu, t, { householdId: await f.someHousehold('7', 1), content: '宽带无法上网', categoryId: await f.cat('broadband') });
    expect(call.class).toBe('Q');
    expect(call.classReason).toContain('城市宽带');
    expect(new Date(call.dueAt).getTime() - t.clock.t).toBe(120 * 60_000);
    const waibu = await Client.login(t.app, 'waibu');
    const mine = (await waibu.get('/api/work-orders')).json().items;
    expect(mine.map((w: { callId: string }) => w.callId)).toContain(call.id);
    expect((await notes('waibu', 'work_order.assigned')).length).toBeGreaterThan(0);
  });

  it('CALL-6 when the vendor’s promised time passes, the assistant is alerted, then the ladder climbs; each step fires once', async () => {
    const call = await recordCall(kefu, t, { householdId: await f.someHousehold('7', 2), content: '宽带断网两天', categoryId: await f.cat('broadband') });
    const before = (await notes('zhuli', 'deadline.escalation')).length;
    t.clock.advanceMinutes(95);
    await tick();
    expect((await notes('waibu', 'deadline.warning')).some((n) => n.link === `/calls/${call.id}`)).toBe(true);
    expect((await notes('zhuli', 'deadline.escalation')).length).toBe(before);
    t.clock.advanceMinutes(30); // 125 min: past the promised 120
    await tick();
    await tick();
    const esc = (await notes('zhuli', 'deadline.escalation')).filter((n) => n.link === `/calls/${call.id}`);
    expect(esc).toHaveLength(1);
    expect(esc[0].title).toContain('第 1 级');
    expect((await notes('zhuguan', 'deadline.escalation')).filter((n) => n.link === `/calls/${call.id}`)).toHaveLength(0);
    t.clock.advanceMinutes(60);
    await tick();
    expect((await notes('zhuguan', 'deadline.escalation')).filter((n) => n.link === `/calls/${call.id}`)).toHaveLength(1);
    const events = (await kefu.get(`/api/calls/${call.id}`)).json().events.map((e: { type: string }) => e.type);
    expect(events.filter((e: string) => e === 'deadline_missed')).toHaveLength(1);
  });

  it('CALL-4 the escalation goes to the account manager of the item’s district only', async () => {
    const call = await recordCall(kefu, t, { householdId: await f.someHousehold('1', 7), content: '宽带很慢', categoryId: await f.cat('broadband') });
    t.clock.advanceMinutes(121);
    await tick();
    // building 1 is in 东区 (jingli), not 中区 (jingli2)
    expect((await notes('jingli', 'deadline.escalation')).some((n) => n.link === `/calls/${call.id}`)).toBe(true);
    expect((await notes('jingli2', 'deadline.escalation')).some((n) => n.link === `/calls/${call.id}`)).toBe(false);
  });

  it('CALL-6 once the vendor is on site in time, its deadline stops', async () => {
    const call = await recordCall(kefu, t, { householdId: await f.someHousehold('8', 1), content: '宽带光猫红灯', categoryId: await f.cat('broadband') });
    const waibu = await Client.login(t.app, 'waibu');
    const wo = (await waibu.get('/api/work-orders')).json().items.find((w: { callId: string }) => w.callId === call.id);
    t.clock.advanceMinutes(60);
    expect((await waibu.post(`/api/work-orders/${wo.id}/arrive`, { version: wo.version })).statusCode).toBe(200);
    t.clock.advanceMinutes(120);
    await tick();
    expect((await notes('zhuli', 'deadline.escalation')).some((n) => n.link === `/calls/${call.id}`)).toBe(false);
  });

  it('CALL-6 each chase of the vendor is logged and reaches the vendor', async () => {
    const call = await recordCall(kefu, t, { householdId: await f.someHousehold('8', 2), content: '宽带掉线', categoryId: await f.cat('broadband') });
    expect((await zhuli.post(`/api/calls/${call.id}/chase`, { note: '业主很着急' })).statusCode).toBe(200);
    const res = await zhuli.post(`/api/calls/${call.id}/chase`, { note: '第二次催办' });
    expect(res.json().chased[0].chaseCount).toBe(2);
    const wo = (await kefu.get(`/api/calls/${call.id}`)).json().workOrders[0];
    const events = (await kefu.get(`/api/work-orders/${wo.id}`)).json().events.filter((e: { type: string }) => e.type === 'chase');
    expect(events).toHaveLength(2);
    expect((await notes('waibu', 'work_order.chase')).some((n) => n.title.includes('第 2 次'))).toBe(true);
  });

  it('CALL-7 any open item that passes two days becomes GT, once, and the district is told', async () => {
    const call = await recordCall(kefu, t, { householdId: await f.someHousehold('2', 8), content: '墙面开裂', categoryId: await f.cat('public') });
    expect(call.class).toBe('normal');
    t.clock.advanceMinutes(2 * 24 * 60 + 1);
    await tick();
    await tick();
    const d = (await kefu.get(`/api/calls/${call.id}`)).json();
    expect(d.class).toBe('GT');
    expect(d.events.filter((e: { type: string }) => e.type === 'auto_gt')).toHaveLength(1);
    expect((await notes('jingli', 'call.auto_gt')).some((n) => n.link === `/calls/${call.id}`)).toBe(true);
  });

  it('a finished item’s timers are cancelled, so nobody is alerted about it', async () => {
    const call = await recordCall(kefu, t, { householdId: await f.someHousehold('5', 9), content: '咨询装修手续', categoryId: await f.cat('public') });
    await kefu.post(`/api/calls/${call.id}/resolve`, { version: call.version, note: '已解答' });
    const [p] = await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM timers WHERE subject_id = ${call.id} AND status = 'pending'`);
    expect(p.n).toBe(0);
  });

  it('timers survive a restart: a new runner on the same store fires what was due', async () => {
    const call = await recordCall(kefu, t, { householdId: await f.someHousehold('9', 1), content: '宽带不通', categoryId: await f.cat('broadband') });
    await t.app.desk.timers.stop();
    t.clock.advanceMinutes(125);
    const { TimerRunner } = await import('./timers');
    const { registerCallTimers } = await import('../calls/call-timers');
    const fresh = new TimerRunner(t.store.db, t.clock.now);
    registerCallTimers(fresh);
    await fresh.tick();
    expect((await notes('zhuli', 'deadline.escalation')).some((n) => n.link === `/calls/${call.id}`)).toBe(true);
  });
});
