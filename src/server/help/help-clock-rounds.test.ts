import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Client, STORE_KINDS, startTestApp, type TestApp } from '../testing/harness';
import { rows, type Store } from '../db/store';
import { openStore } from '../db/store';
import { verifyAuditChain } from '../audit/audit-verify';
import { TimerRunner, type TimerHandler } from '../deadlines/timers';
import { helpTimers, registerHelpTimers } from './help-timers';

/**
 * The first-response clocks (HELP-2) fired a round at a time (help-clock-rounds.ts): what people are told, the
 * timeline and the audit trail must be what the clocks fired one by one wrote. Expected values from the manual:
 * the desk that took it is warned, the CS supervisor alerted at five minutes, the miss audited.
 */
describe.each(STORE_KINDS)('first-response clocks in rounds on %s', (kind) => {
  let t: TestApp;
  let qiantai: Client;
  let kefu: Client;
  beforeAll(async () => {
    t = await startTestApp(kind, { sessionIdleMinutes: 1e6, sessionAbsoluteMinutes: 1e7 });
    [qiantai, kefu] = await Promise.all(['qiantai', 'kefu'].map((u) => Client.login(t.app, u)));
  });
  afterAll(() => t.close());

  const take = async (need: string, c: Client) => {
    const res = await c.post('/api/help', { projectId: t.ids.p1, category: 'other', requesterName: '李秀英', phone: '13912345678', need });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; number: string; version: number };
  };

  /** Everything a clock wrote about one request, with its number, id and clock times made neutral. */
  const written = async (r: { id: string; number: string }) => {
    const neutral = (s: string | null) => (s ?? '').replaceAll(r.number, 'N').replaceAll(r.id, 'ID').replace(/\d{1,2}:\d{2}/g, 'HH:MM');
    const notes = await rows<{ username: string; type: string; title: string; body: string | null; link: string; detail: unknown }>(
      t.store.db,
      sql`SELECT u.username, n.type, n.title, n.body, n.link, n.detail FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.link = ${`/help/${r.id}`} ORDER BY u.username, n.type`,
    );
    const events = await rows<{ type: string; actor_id: string | null; detail: unknown }>(
      t.store.db,
      sql`SELECT type, actor_id, detail FROM help_events WHERE help_request_id = ${r.id} AND type IN ('deadline_warning', 'escalated') ORDER BY seq`,
    );
    const audit = await rows<{ action: string; actor_id: string | null; entity: string; project_id: string }>(
      t.store.db,
      sql`SELECT action, actor_id, entity, project_id FROM audit_log WHERE entity_id = ${r.id} AND action = 'help.first_response_missed'`,
    );
    const fired = await rows<{ kind: string; level: number; status: string; outcome: unknown }>(
      t.store.db,
      sql`SELECT kind, level, status, payload->'outcome' AS outcome FROM timers WHERE subject_id = ${r.id} AND kind IN ('warn', 'escalate') ORDER BY kind, level`,
    );
    return {
      notes: notes.map((n) => ({ ...n, title: neutral(n.title), body: neutral(n.body), link: neutral(n.link), detail: JSON.parse(neutral(JSON.stringify(n.detail))) })),
      events,
      audit,
      fired,
    };
  };

  it('HELP-2 a round of first-response clocks fired together tells the same people the same things, with the same timeline lines and audit entries, as the clocks fired one by one', async () => {
    // One by one: a runner with the single handlers only (the engine before its batch path).
    const single = new TimerRunner(t.store.db, t.clock.now);
    for (const [k, h] of Object.entries(helpTimers.handlers)) single.on('help_request', k, h as TimerHandler);
    const byOne = [];
    for (let i = 0; i < 5; i++) byOne.push(await take(`轮次对照 ${i}`, i % 2 ? kefu : qiantai));
    expect((await qiantai.post(`/api/help/${byOne[2].id}/respond`, { version: byOne[2].version, note: '已答复' })).statusCode).toBe(200);
    t.clock.advanceMinutes(5);
    await single.tick();
    // Read now: the second level (at ten minutes) falls due while the others are taken.
    const a = await Promise.all(byOne.map(written));
    // Together: the app's runner, which fires the clocks a round at a time.
    const together = [];
    for (let i = 0; i < 5; i++) together.push(await take(`轮次对照 ${i}`, i % 2 ? kefu : qiantai));
    expect((await qiantai.post(`/api/help/${together[2].id}/respond`, { version: together[2].version, note: '已答复' })).statusCode).toBe(200);
    t.clock.advanceMinutes(5);
    await t.app.desk.timers.tick();
    for (let i = 0; i < 5; i++) {
      const b = await written(together[i]);
      expect(b).toEqual(a[i]);
      if (i === 2) {
        expect(b.notes).toEqual([]);
        expect(b.events).toEqual([]);
        expect(b.fired.every((f) => f.status === 'cancelled')).toBe(true); // the first response stopped the clock
        continue;
      }
      // Written from the manual, not only from the single handlers: the desk that took it, then the CS supervisor.
      expect(b.notes.map((n) => [n.username, n.type, n.title])).toEqual([
        [i % 2 ? 'kefu' : 'qiantai', 'deadline.warning', '求助即将超时：N'],
        ['zhuguan', 'deadline.escalation', '求助超时未答复（第 1 级）：N'],
      ]);
      expect(b.events.map((e) => e.type)).toEqual(['deadline_warning', 'escalated']);
      expect(b.audit).toHaveLength(1);
      expect(b.fired.map((f) => [f.kind, f.level, f.status])).toEqual([
        ['escalate', 1, 'fired'],
        ['escalate', 2, 'pending'], // at ten minutes
        ['warn', 0, 'fired'],
      ]);
    }
    // The audit entries appended a round at a time link into their chain like any other.
    expect((await verifyAuditChain(t.store.db)).ok).toBe(true);
  });

  it('HELP-2 many clocks in one round each fire once; the audit chain stays whole', async () => {
    const taken = [];
    for (let i = 0; i < 40; i++) taken.push(await take(`一轮很多求助 ${i}`, i % 2 ? kefu : qiantai));
    t.clock.advanceMinutes(5);
    expect(await t.app.desk.timers.tick()).toBeGreaterThanOrEqual(80);
    const ids = taken.map((r) => r.id);
    const [n] = await rows<{ warned: number; alerted: number; lines: number; audited: number; pending: number }>(
      t.store.db,
      sql`SELECT
        (SELECT count(*)::int FROM notifications WHERE type = 'deadline.warning' AND link IN ${ids.map((id) => `/help/${id}`)}) AS warned,
        (SELECT count(*)::int FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = 'zhuguan' AND n.type = 'deadline.escalation' AND n.link IN ${ids.map((id) => `/help/${id}`)}) AS alerted,
        (SELECT count(*)::int FROM help_events WHERE type IN ('deadline_warning', 'escalated') AND help_request_id::text IN ${ids}) AS lines,
        (SELECT count(*)::int FROM audit_log WHERE action = 'help.first_response_missed' AND entity_id IN ${ids}) AS audited,
        (SELECT count(*)::int FROM timers WHERE status = 'pending' AND kind IN ('warn', 'escalate') AND level < 2 AND subject_id::text IN ${ids}) AS pending`,
    );
    expect(n).toEqual({ warned: 40, alerted: 40, lines: 80, audited: 40, pending: 0 });
    expect((await verifyAuditChain(t.store.db)).ok).toBe(true);
  });
});

describe.each(STORE_KINDS.filter((k) => k === 'postgres'))('first-response clocks with two instances on one %s database', () => {
  let t: TestApp;
  let second: Store;
  beforeAll(async () => {
    t = await startTestApp('postgres', { sessionIdleMinutes: 1e6, sessionAbsoluteMinutes: 1e7 });
    second = await openStore({ databaseUrl: t.store.url!, poolSize: 5 });
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  it('HELP-2 two instances firing the same rounds of clocks at the same moment alert the CS supervisor once per request and audit each miss once', async () => {
    const qiantai = await Client.login(t.app, 'qiantai');
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) {
      const res = await qiantai.post('/api/help', { projectId: t.ids.p1, category: 'other', requesterName: '李秀英', phone: '13912345678', need: `两个实例 ${i}` });
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
    }
    // The other instance: its own pool, the help handlers as the app registers them, small rounds so the two interleave.
    const other = new TimerRunner(second.db, t.clock.now, 1000, 10, undefined, undefined, 7);
    registerHelpTimers(other);
    t.clock.advanceMinutes(5);
    await Promise.all([t.app.desk.timers.tick(), other.tick(), t.app.desk.timers.tick(), other.tick()]);
    expect(t.app.desk.timers.stats.fired + other.stats.fired).toBe(120);
    const links = ids.map((id) => `/help/${id}`);
    const [r] = await rows<{ alerted: number; distinct_alerted: number; warned: number; audited: number; distinct_audited: number; lines: number }>(
      t.store.db,
      sql`SELECT
        (SELECT count(*)::int FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = 'zhuguan' AND n.type = 'deadline.escalation' AND n.link IN ${links}) AS alerted,
        (SELECT count(DISTINCT n.link)::int FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = 'zhuguan' AND n.type = 'deadline.escalation' AND n.link IN ${links}) AS distinct_alerted,
        (SELECT count(*)::int FROM notifications WHERE type = 'deadline.warning' AND link IN ${links}) AS warned,
        (SELECT count(*)::int FROM audit_log WHERE action = 'help.first_response_missed' AND entity_id IN ${ids}) AS audited,
        (SELECT count(DISTINCT entity_id)::int FROM audit_log WHERE action = 'help.first_response_missed' AND entity_id IN ${ids}) AS distinct_audited,
        (SELECT count(*)::int FROM help_events WHERE type IN ('deadline_warning', 'escalated') AND help_request_id::text IN ${ids}) AS lines`,
    );
    expect(r).toEqual({ alerted: 60, distinct_alerted: 60, warned: 60, audited: 60, distinct_audited: 60, lines: 120 });
    expect((await verifyAuditChain(t.store.db)).ok).toBe(true);
  });
});
