import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Client, STORE_KINDS, startTestApp, type TestApp } from '../testing/harness';
import { rows } from '../db/store';
import { TimerRunner } from '../deadlines/timers';
import { registerHelpTimers } from './help-timers';

/**
 * Issue 10: playbooks are data the company edits (HELP-8), and each incident type has an escalation
 * chain (after Grafana OnCall / PagerDuty) copied into the incident at its start. Expected values written by
 * hand: who may edit (the CS supervisor, the centre manager, the administrator), who is told at which minute.
 */
describe.each(STORE_KINDS)('playbook editing and escalation chains on %s', (kind) => {
  let t: TestApp;
  let qiantai: Client;
  let zhuguan: Client;
  let zhongxin: Client;
  let admin: Client;
  let banzhang: Client;
  let baoan: Client;
  let secondGuardId: string;
  beforeAll(async () => {
    t = await startTestApp(kind, { sessionIdleMinutes: 1e6, sessionAbsoluteMinutes: 1e7 });
    [qiantai, zhuguan, zhongxin, admin, banzhang, baoan] = await Promise.all(['qiantai', 'zhuguan', 'zhongxin', 'admin', 'banzhang', 'baoan'].map((u) => Client.login(t.app, u)));
    // A second guard, off duty: "the whole team" reaches him, "whoever is on duty" does not.
    const created = await admin.post('/api/users', { username: 'baoan_b', displayName: '保安乙', password: 'Lantern-Orchid-58', roles: ['guard'], projectIds: [t.ids.p1] });
    expect(created.statusCode, created.body).toBe(201);
    secondGuardId = created.json().id;
    const [baoanId] = await rows<{ id: string }>(t.store.db, sql`SELECT id FROM users WHERE username = 'baoan'`);
    const at = (m: number) => new Date(t.clock.t + m * 60_000).toISOString();
    expect((await zhuguan.post('/api/help/duty-roster', { projectId: t.ids.p1, role: 'guard', userId: baoanId.id, startsAt: at(-60), endsAt: at(23 * 60) })).statusCode).toBe(201);
  });
  afterAll(() => t.close());

  const books = async (c: Client = zhuguan, projectId = t.ids.p1) => (await c.get(`/api/help/playbooks?projectId=${projectId}`)).json();
  const book = async (code: string) => (await books()).items.find((b: { code: string }) => b.code === code);
  const stepsOf = (b: { steps: Record<string, unknown>[] }) => b.steps.map(({ seq: _seq, ...s }) => s);
  const take = async (need: string) => {
    const res = await qiantai.post('/api/help', { projectId: t.ids.p1, category: 'other', requesterName: '李秀英', phone: '13912345678', need });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const detail = async (id: string) => (await qiantai.get(`/api/help/${id}`)).json();
  const start = async (r: { id: string; version: number }, playbookCode: string) => {
    const res = await qiantai.post(`/api/help/${r.id}/playbook`, { version: r.version, playbookCode });
    expect(res.statusCode, res.body).toBe(200);
  };
  const tick = async () => {
    await t.app.desk.timers.tick();
    await t.app.desk.timers.tick();
  };
  /** Notifications of one incident a user got, by kind: reminders (再次提醒) and supervisors' notices (无人确认). */
  const told = async (userId: string, helpId: string, what: '再次提醒' | '无人确认') =>
    (await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM notifications WHERE user_id = ${userId} AND detail->>'helpRequestId' = ${helpId} AND title LIKE ${`%${what}%`}`))[0].n;
  const idOf = async (username: string) => (await rows<{ id: string }>(t.store.db, sql`SELECT id FROM users WHERE username = ${username}`))[0].id;
  const put = (c: Client, b: { id: string }, body: Record<string, unknown>) => c.request('PUT', `/api/help/playbooks/${b.id}`, body);
  const edit = (b: Record<string, unknown> & { steps: Record<string, unknown>[] }, over: Record<string, unknown> = {}) => ({
    version: b.version,
    name: b.name,
    keywords: b.keywords,
    active: b.active,
    steps: stepsOf(b),
    escalation: b.escalation,
    ...over,
  });

  it('HELP-8 supervisors edit a playbook as data: steps added, removed and reordered with role, order, parallel group, limit; the next incident follows, a running one keeps its copy', async () => {
    const lift = await book('lift');
    expect(lift.steps.map((s: { role: string }) => s.role)).toEqual(['front_desk', 'guard', 'eng_lead', 'front_desk']);
    const running = await take('3 栋电梯困人');
    await start(running, 'lift');
    const steps = stepsOf(lift);
    // Reordered (the engineers first), one removed (the last record step), one added (the gate guard opens the way).
    const next = [steps[2], steps[0], steps[1], { branch: null, parallelGroup: 2, role: 'gate_guard', title: '在入口等候维保人员并带路', instruction: null, limitMinutes: 20 }];
    const res = await put(zhuguan, lift, edit(lift, { steps: next }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: lift.version + 1 });
    const after = await book('lift');
    expect(after.steps).toEqual(next.map((s, i) => ({ ...s, seq: i + 1 })));
    // The running incident keeps the steps it started with.
    expect((await detail(running.id)).steps.map((s: { role: string }) => s.role)).toEqual(['front_desk', 'guard', 'eng_lead', 'front_desk']);
    const fresh = await take('5 栋电梯困人');
    await start(fresh, 'lift');
    const copied = (await detail(fresh.id)).steps as { role: string; title: string; limitMinutes: number | null }[];
    expect(copied.map((s) => s.role)).toEqual(['eng_lead', 'front_desk', 'guard', 'gate_guard']);
    expect(copied[3]).toMatchObject({ title: '在入口等候维保人员并带路', limitMinutes: 20 });
    const [audit] = await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'help.playbook_edit' AND entity_id = ${lift.id}`);
    expect(audit.n).toBe(1);
  });

  it('HELP-8 a playbook with bad steps or a bad chain is refused with Chinese field messages, and nothing changes', async () => {
    const medical = await book('medical');
    const cases: [Record<string, unknown>, string, string][] = [
      [{ steps: [] }, 'body.steps', '预案至少要有一个步骤'],
      [{ steps: [{ ...stepsOf(medical)[0], role: 'pets' }] }, 'body.steps.0.role', '请选择责任岗位'],
      [{ steps: [{ ...stepsOf(medical)[0], limitMinutes: 0 }] }, 'body.steps.0.limitMinutes', '时限至少 1 分钟'],
      [{ steps: [{ ...stepsOf(medical)[0], title: '' }] }, 'body.steps.0.title', '请填写步骤内容'],
      [{ steps: [...stepsOf(medical), { ...stepsOf(medical)[0], branch: 'taxi' }] }, `body.steps.${medical.steps.length}.branch`, '该预案没有这个处理方式'],
      [{ escalation: { ...medical.escalation, repeat: 9 } }, 'body.escalation.repeat', '最多重复 5 次'],
      [{ escalation: { ...medical.escalation, steps: [{ type: 'wait' }] } }, 'body.escalation.steps.0.minutes', '请填写等待分钟数'],
      [{ escalation: { ...medical.escalation, steps: [{ type: 'notify_roles', roles: [] }] } }, 'body.escalation.steps.0.roles', '请选择要通知的岗位'],
    ];
    for (const [over, path, message] of cases) {
      const res = await put(zhuguan, medical, edit(medical, over));
      expect(res.statusCode, path).toBe(400);
      expect(res.json().error.fields, path).toEqual(expect.arrayContaining([expect.objectContaining({ path, message })]));
    }
    // Removing every step of one branch (call 120) leaves that choice empty: refused too.
    const no120 = await put(zhuguan, medical, edit(medical, { steps: stepsOf(medical).filter((s) => s.branch !== 'call120') }));
    expect(no120.statusCode).toBe(400);
    expect(await book('medical')).toEqual(medical);
  });

  it('HELP-8 two supervisors editing one playbook at once: the second is told it changed (409) and his edit is not written', async () => {
    const fire = await book('fire');
    const first = await put(zhuguan, fire, edit(fire, { name: '火警（含疏散）' }));
    expect(first.statusCode).toBe(200);
    const second = await put(zhongxin, fire, edit(fire, { name: '火灾' }));
    expect(second.statusCode).toBe(409);
    expect((await book('fire')).name).toBe('火警（含疏散）');
  });

  it('HELP-8 who edits playbooks: the CS supervisor, the centre manager and the administrator; the desk and the guards do not (404), nobody another estate’s', async () => {
    const typhoon = await book('typhoon');
    for (const c of [qiantai, banzhang, baoan]) {
      expect((await put(c, typhoon, edit(typhoon, { name: '台风预案' }))).statusCode).toBe(404);
    }
    expect((await books(qiantai)).canEdit).toBe(false);
    expect((await books(zhuguan)).canEdit).toBe(true);
    let current = typhoon;
    for (const c of [zhuguan, zhongxin, admin]) {
      const res = await put(c, current, edit(current, { name: '台风预案' }));
      expect(res.statusCode, res.body).toBe(200);
      current = res.json();
    }
    // zhuguan is assigned to the second estate, not to the third: its playbook is not his.
    const [p3book] = await rows<{ id: string }>(t.store.db, sql`INSERT INTO help_playbooks (project_id, code, name) VALUES (${t.ids.p3}, 'fire', '火警') RETURNING id`);
    expect((await put(zhuguan, { id: p3book.id }, edit(typhoon, { version: 1 }))).statusCode).toBe(404);
  });

  /** A playbook with one guard step and a chain spelled out, so each minute's notice can be written by hand. */
  async function guardPlaybook(chain: Record<string, unknown>) {
    const security = await book('security');
    const res = await put(zhuguan, security, edit(security, { steps: [{ branch: null, parallelGroup: 1, role: 'guard', title: '到场查看', instruction: null, limitMinutes: null }], escalation: chain }));
    expect(res.statusCode, res.body).toBe(200);
  }
  const CHAIN = {
    steps: [{ type: 'wait', minutes: 2 }, { type: 'notify_on_duty' }, { type: 'wait', minutes: 3 }, { type: 'notify_team' }, { type: 'notify_roles', roles: ['centre_manager'] }],
    repeat: 1,
    ackExpiresMinutes: 10,
  };

  it('escalation chain: runs in order (on duty, then the team and the manager), repeats once as set and no more; two instances send each notice exactly once', async () => {
    await guardPlaybook(CHAIN);
    const r = await take('地下车库有人打架');
    await start(r, 'security');
    const [guard, guard2, manager] = [await idOf('baoan'), secondGuardId, await idOf('zhongxin')];
    const other = new TimerRunner(t.store.db, t.clock.now);
    registerHelpTimers(other);
    const both = async () => {
      await Promise.all([t.app.desk.timers.tick(), other.tick()]);
      await Promise.all([t.app.desk.timers.tick(), other.tick()]);
    };
    const counts = async () => [await told(guard, r.id, '再次提醒'), await told(guard2, r.id, '再次提醒'), await told(manager, r.id, '无人确认')];
    await both();
    t.clock.advanceMinutes(1);
    await both();
    expect(await counts()).toEqual([0, 0, 0]);
    t.clock.advanceMinutes(1); // minute 2: the guard on duty, again
    await both();
    expect(await counts()).toEqual([1, 0, 0]);
    t.clock.advanceMinutes(3); // minute 5: the whole team and the centre manager
    await both();
    expect(await counts()).toEqual([2, 1, 1]);
    t.clock.advanceMinutes(2); // minute 7: the second pass
    await both();
    expect(await counts()).toEqual([3, 1, 1]);
    t.clock.advanceMinutes(3); // minute 10
    await both();
    expect(await counts()).toEqual([4, 2, 2]);
    for (let i = 0; i < 4; i++) {
      t.clock.advanceMinutes(10);
      await both();
    }
    expect(await counts()).toEqual([4, 2, 2]);
    const types = (await detail(r.id)).timeline.map((e: { type: string }) => e.type);
    expect(types.filter((x: string) => x === 'ack_overdue')).toHaveLength(4);
    expect(types.filter((x: string) => x === 'chain_exhausted')).toHaveLength(1);
  });

  it('escalation chain: acknowledging stops it; an acknowledgement with no progress expires after its minutes and the chain starts over; completing stops it for good', async () => {
    await guardPlaybook(CHAIN);
    const r = await take('有人在楼道里吵闹');
    await start(r, 'security');
    const guard = await idOf('baoan');
    await tick();
    t.clock.advanceMinutes(1);
    const [step] = (await detail(r.id)).steps;
    expect((await baoan.post(`/api/help/steps/${step.id}/acknowledge`, { version: step.version })).statusCode).toBe(200);
    for (let i = 0; i < 9; i++) {
      t.clock.advanceMinutes(1);
      await tick();
    }
    expect(await told(guard, r.id, '再次提醒')).toBe(0); // minute 10: acknowledged, nobody reminded
    t.clock.advanceMinutes(1); // minute 11: ten minutes acknowledged and not done
    await tick();
    const expired = await detail(r.id);
    expect(expired.steps[0]).toMatchObject({ status: 'pending', acknowledgedAt: null });
    expect(expired.timeline.map((e: { type: string }) => e.type)).toContain('ack_expired');
    t.clock.advanceMinutes(2); // the chain started over: two minutes later the guard on duty is reminded
    await tick();
    expect(await told(guard, r.id, '再次提醒')).toBe(1);
    const again = (await detail(r.id)).steps[0];
    expect((await baoan.post(`/api/help/steps/${again.id}/complete`, { version: again.version, note: '已劝离' })).statusCode).toBe(200);
    for (let i = 0; i < 6; i++) {
      t.clock.advanceMinutes(10);
      await tick();
    }
    expect(await told(guard, r.id, '再次提醒')).toBe(1);
    expect(await told(await idOf('zhongxin'), r.id, '无人确认')).toBe(0);
  });

  it('escalation chain: copied into the incident at its start; editing the chain later does not change a running incident', async () => {
    await guardPlaybook(CHAIN);
    const r = await take('单元门被撬');
    await start(r, 'security');
    await guardPlaybook({ steps: [{ type: 'wait', minutes: 1 }, { type: 'notify_team' }], repeat: 0, ackExpiresMinutes: null });
    await tick();
    t.clock.advanceMinutes(1);
    await tick();
    expect(await told(secondGuardId, r.id, '再次提醒')).toBe(0); // the new chain would have told the team at minute 1
    t.clock.advanceMinutes(1);
    await tick();
    expect(await told(await idOf('baoan'), r.id, '再次提醒')).toBe(1); // the copied one: the guard on duty at minute 2
    expect(await told(secondGuardId, r.id, '再次提醒')).toBe(0);
  });

  it('shift handover at the change of shift: the outgoing and the incoming guard are both told, exactly once per change, with two instances', async () => {
    const guard = await idOf('baoan');
    const at = (m: number) => new Date(t.clock.t + m * 60_000).toISOString();
    const shifts = [
      { userId: guard, startsAt: at(60), endsAt: at(120) },
      { userId: secondGuardId, startsAt: at(120), endsAt: at(180) },
      { userId: secondGuardId, startsAt: at(120), endsAt: at(150) }, // the same change entered twice: still one announcement
    ];
    for (const s of shifts) expect((await zhuguan.post('/api/help/duty-roster', { projectId: t.ids.p1, role: 'guard', ...s })).statusCode).toBe(201);
    const [pending] = await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM timers WHERE kind = 'shift_change' AND status = 'pending' AND fire_at = ${at(120)}`);
    expect(pending.n).toBe(1);
    const handover = async (userId: string, what: '换班' | '接班') =>
      (await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM notifications WHERE user_id = ${userId} AND type = 'help.handover' AND title LIKE ${`% ${what}`}`))[0].n;
    const other = new TimerRunner(t.store.db, t.clock.now);
    registerHelpTimers(other);
    const both = async () => {
      await Promise.all([t.app.desk.timers.tick(), other.tick()]);
      await Promise.all([t.app.desk.timers.tick(), other.tick()]);
    };
    const base = [await handover(guard, '接班'), await handover(guard, '换班'), await handover(secondGuardId, '接班'), await handover(secondGuardId, '换班')];
    t.clock.advanceMinutes(60); // baoan comes on: nobody goes off at that moment
    await both();
    expect([await handover(guard, '接班'), await handover(guard, '换班'), await handover(secondGuardId, '接班'), await handover(secondGuardId, '换班')]).toEqual([base[0] + 1, base[1], base[2], base[3]]);
    t.clock.advanceMinutes(59);
    await both();
    expect(await handover(guard, '换班')).toBe(base[1]);
    t.clock.advanceMinutes(1); // the change: baoan goes off, the second guard comes on
    await both();
    await both();
    expect([await handover(guard, '接班'), await handover(guard, '换班'), await handover(secondGuardId, '接班'), await handover(secondGuardId, '换班')]).toEqual([base[0] + 1, base[1] + 1, base[2] + 1, base[3]]);
  });
});
