import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Client, STORE_KINDS } from '../testing/harness';
import { rows } from '../db/store';
import { startHelpSuite, type HelpSuite } from '../testing/help.testkit';

/**
 * Issue 10, the emergency playbooks (SPEC.md HELP-5..11): which roles do which steps in which order, who is alerted,
 * written by hand from the manual.
 */
describe.each(STORE_KINDS)('help playbooks on %s', (kind) => {
  let t: HelpSuite['t'];
  let qiantai: Client, banzhang: Client, menwei: Client, baoan: Client;

  let notes: HelpSuite['notes'], tick: HelpSuite['tick'], take: HelpSuite['take'], detail: HelpSuite['detail'], stored: HelpSuite['stored'];
  beforeAll(async () => {
    ({ t, qiantai, banzhang, menwei, baoan, notes, tick, take, detail, stored } = await startHelpSuite(kind));
  });
  afterAll(() => t.close());

  it('HELP-5 the medical playbook does not start without the patient’s address and phone, nor without the requester’s choice; nothing is written', async () => {
    const r = await take({ category: 'medical', need: '家里老人晕倒' });
    const res = await qiantai.post(`/api/help/${r.id}/playbook`, { version: r.version, playbookCode: 'medical', branch: 'call120' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([
      { path: 'body.patientAddress', message: '请先询问并记录患者地址' },
      { path: 'body.patientPhone', message: '请先询问并记录患者电话' },
    ]);
    const noBranch = await qiantai.post(`/api/help/${r.id}/playbook`, { version: r.version, playbookCode: 'medical', patientAddress: '2栋1单元301', patientPhone: '13812345678' });
    expect(noBranch.statusCode).toBe(400);
    expect(noBranch.json().error.fields).toEqual([{ path: 'body.branch', message: '请选择处理方式（送医院、拨打 120、派人协助照料）' }]);
    expect(await stored(r.id)).toMatchObject({ status: 'open', playbook_code: null, steps: 0 });
    const [alerts] = await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM notifications WHERE type = 'help.emergency' AND detail->>'helpRequestId' = ${r.id}`);
    expect(alerts.n).toBe(0);
  });

  it('HELP-7 call 120: the shift leader and the gate guard are alerted at once; each does his own step, time-stamped; the incident closes with its timeline and is reported to the centre manager', async () => {
    const r = await take({ category: 'medical', need: '父亲胸口痛，需要叫救护车' });
    const before = (await notes('banzhang', 'help.emergency', '/duty')).length;
    t.clock.advanceMinutes(1);
    const started = await qiantai.post(`/api/help/${r.id}/playbook`, { version: r.version, playbookCode: 'medical', branch: 'call120', patientAddress: '3栋2单元502', patientPhone: '13887654321' });
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json()).toMatchObject({ status: 'handling', playbookCode: 'medical', branch: 'call120', patientAddress: '3栋2单元502', patientPhone: '138****4321' });
    const d = await detail(r.id);
    expect(d.steps.map((s: { role: string }) => s.role)).toEqual(['front_desk', 'guard_leader', 'gate_guard', 'guard_leader', 'front_desk']);
    expect(d.steps[2].title).toContain('引导救护车');
    expect((await notes('banzhang', 'help.emergency', '/duty')).length).toBe(before + 1);
    expect((await notes('menwei', 'help.emergency', '/duty')).at(-1)?.body).toContain('3栋2单元502');
    expect((await notes('qiantai', 'help.emergency', `/help/${r.id}`)).length).toBe(1);
    // the CS supervisor follows every incident on his screen
    expect((await notes('zhuguan', 'help.emergency', `/help/${r.id}`)).length).toBe(1);
    // the first-response clock stopped with the start (the steps' own limits still run); the engine ticks every minute for five, then ten minutes have passed
    for (let m = 0; m < 5; m++) {
      t.clock.advanceMinutes(1);
      await tick();
    }
    t.clock.advanceMinutes(5);
    expect((await notes('zhuguan', 'deadline.escalation', `/help/${r.id}`)).filter((n) => n.title.includes('求助超时未答复'))).toHaveLength(0);
    expect((await notes('zhuguan', 'deadline.escalation', `/help/${r.id}`)).filter((n) => n.title.includes('应急步骤超时'))).toHaveLength(2); // the desk's 2-minute and the leader's 3-minute steps
    // nobody acknowledged: the steps' roles are alerted again, the shift leader and the CS supervisor told, then the centre manager
    expect((await notes('zhuguan', 'deadline.escalation', `/help/${r.id}`)).filter((n) => n.title.includes('应急步骤无人确认（第 1 级）'))).toHaveLength(1);
    expect((await notes('zhongxin', 'deadline.escalation', `/help/${r.id}`)).filter((n) => n.title.includes('应急步骤无人确认（第 2 级）'))).toHaveLength(1);
    expect((await notes('menwei', 'help.emergency', '/duty')).filter((n) => n.title.includes('再次提醒') && n.title.includes(r.number))).toHaveLength(2);

    const gateStep = d.steps[2];
    const mine = (await menwei.get(`/api/help/my-steps?projectId=${t.ids.p1}`)).json().items;
    expect(mine.map((s: { id: string }) => s.id)).toContain(gateStep.id);
    // another role's step is not his: a guard cannot confirm the gate guard's step
    expect((await baoan.post(`/api/help/steps/${gateStep.id}/acknowledge`, { version: gateStep.version })).statusCode).toBe(404);
    expect((await banzhang.post(`/api/help/steps/${gateStep.id}/complete`, { version: gateStep.version })).statusCode).toBe(404);
    const ack = await menwei.post(`/api/help/steps/${gateStep.id}/acknowledge`, { version: gateStep.version });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json()).toMatchObject({ status: 'acknowledged', acknowledgedByName: '何军' });
    expect((await menwei.post(`/api/help/steps/${gateStep.id}/acknowledge`, { version: ack.json().version })).statusCode).toBe(409);
    t.clock.advanceMinutes(2);
    const done = await menwei.post(`/api/help/steps/${gateStep.id}/complete`, { version: ack.json().version, note: '救护车已到，引导到 3 栋' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', doneByName: '何军', note: '救护车已到，引导到 3 栋' });
    expect((await menwei.get(`/api/help/my-steps?projectId=${t.ids.p1}`)).json().items.map((s: { id: string }) => s.id)).not.toContain(gateStep.id);

    const closed = await qiantai.post(`/api/help/${r.id}/close`, { version: (await detail(r.id)).version, outcome: 'solved', result: '120 已将患者送往市人民医院，家属陪同' });
    expect(closed.statusCode, closed.body).toBe(200);
    const timeline = (await detail(r.id)).timeline;
    const types = timeline.map((e: { type: string }) => e.type) as string[];
    expect(types.slice(0, 4)).toEqual(['recorded', 'responded', 'playbook_started', 'alerted']);
    // ten minutes passed with every step waiting: two past their limits, the no-acknowledgement chain at 2 and 5 minutes
    expect(types.slice(4, -4).sort()).toEqual(['ack_overdue', 'ack_overdue', 'step_overdue', 'step_overdue']);
    expect(types.slice(-4)).toEqual(['step_acknowledged', 'step_done', 'closed', 'reported']);
    const stepDone = timeline.find((e: { type: string }) => e.type === 'step_done');
    expect(stepDone).toMatchObject({ actorName: '何军', minute: 13, stepTitle: gateStep.title });
    expect(await notes('zhongxin', 'help.report', `/help/${r.id}`)).toHaveLength(1);
    // a closed incident's steps are not moved any more
    const leader = (await detail(r.id)).steps[1];
    expect((await banzhang.post(`/api/help/steps/${leader.id}/complete`, { version: leader.version })).statusCode).toBe(409);
  });

  it('HELP-6 take to hospital: two guards sent by the shift leader, a vehicle sent by the desk, the guards go with the patient and report back', async () => {
    const r = await take({ category: 'medical', need: '孩子高烧需要送医' });
    const res = await qiantai.post(`/api/help/${r.id}/playbook`, { version: r.version, playbookCode: 'medical', branch: 'hospital', patientAddress: '5栋101', patientPhone: '13800001111' });
    expect(res.statusCode, res.body).toBe(200);
    const steps = (await detail(r.id)).steps as { role: string; title: string; parallelGroup: number }[];
    expect(steps.find((s) => s.role === 'guard_leader')?.title).toContain('两名保安');
    expect(steps.find((s) => s.title.includes('派车'))?.role).toBe('front_desk');
    expect(steps.find((s) => s.role === 'guard')?.title).toContain('不提供没把握的医疗建议');
    // the desk's call to security and the shift leader's dispatch run in parallel
    expect(steps[0].parallelGroup).toBe(steps[1].parallelGroup);
    expect(await notes('baoan', 'help.emergency', '/duty')).not.toHaveLength(0);
  });

  it('HELP-8 send someone to help care; playbooks are data: an edit changes the next incident, never a running one', async () => {
    const r1 = await take({ category: 'medical', need: '独居老人行动不便' });
    expect((await qiantai.post(`/api/help/${r1.id}/playbook`, { version: r1.version, playbookCode: 'medical', branch: 'care', patientAddress: '6栋201', patientPhone: '13800002222' })).statusCode).toBe(200);
    const before = (await detail(r1.id)).steps as { role: string; title: string }[];
    expect(before.map((s) => s.role)).toEqual(['front_desk', 'guard', 'front_desk']);
    await t.store.db.execute(
      sql`UPDATE help_playbook_steps SET title = '由客服专员上门照料' WHERE role = 'guard' AND branch = 'care' AND playbook_id IN (SELECT id FROM help_playbooks WHERE project_id = ${t.ids.p1} AND code = 'medical')`,
    );
    expect((await detail(r1.id)).steps[1].title).toBe(before[1].title);
    const r2 = await take({ category: 'medical', need: '老人摔倒需要照料' });
    expect((await qiantai.post(`/api/help/${r2.id}/playbook`, { version: r2.version, playbookCode: 'medical', branch: 'care', patientAddress: '6栋202', patientPhone: '13800003333' })).statusCode).toBe(200);
    expect((await detail(r2.id)).steps[1].title).toBe('由客服专员上门照料');
    // a request runs one playbook
    const again = await qiantai.post(`/api/help/${r2.id}/playbook`, { version: (await detail(r2.id)).version, playbookCode: 'security' });
    expect(again.statusCode).toBe(409);
  });

  it('HELP-6 one step acknowledged twice at once (two taps, two phones): one wins, the other is told it changed', async () => {
    const r = await take({ category: 'medical', need: '老人摔伤需要送医' });
    expect((await qiantai.post(`/api/help/${r.id}/playbook`, { version: r.version, playbookCode: 'medical', branch: 'hospital', patientAddress: '8栋302', patientPhone: '13800004444' })).statusCode).toBe(200);
    const step = ((await detail(r.id)).steps as { id: string; role: string; version: number }[]).find((s) => s.role === 'guard')!;
    const baoan2 = await Client.login(t.app, 'baoan');
    const answers = await Promise.all([baoan.post(`/api/help/steps/${step.id}/acknowledge`, { version: step.version }), baoan2.post(`/api/help/steps/${step.id}/acknowledge`, { version: step.version })]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const [acks] = await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM help_events WHERE step_id = ${step.id} AND type = 'step_acknowledged'`);
    expect(acks.n).toBe(1);
  });

  it('HELP-9 security incidents: the shift leader confirms on site and protects the scene, the most senior decides on 110, losses recorded, a written report', async () => {
    const pb = (await qiantai.get(`/api/help/playbooks?projectId=${t.ids.p1}`)).json().items.find((p: { code: string }) => p.code === 'security');
    const titles = pb.steps.map((s: { role: string; title: string }) => `${s.role}:${s.title}`).join('|');
    expect(titles).toContain('guard_leader:到场确认情况，保护现场');
    expect(titles).toContain('110');
    expect(titles).toContain('登记损失');
    expect(titles).toContain('书面报告');
    const r = await take({ category: 'security', need: '车库有人撬车' });
    expect((await banzhang.post(`/api/help/${r.id}/playbook`, { version: r.version, playbookCode: 'security' })).statusCode).toBe(200);
    expect((await notes('baoan', 'help.emergency', '/duty')).at(-1)?.title).toContain('治安事件');
    // In order: reported to security, confirmed and protected on site, then the 110 decision, the losses, the report.
    const steps = (await detail(r.id)).steps as { id: string; role: string; title: string; version: number }[];
    expect(steps.map((x) => x.role)).toEqual(['front_desk', 'guard_leader', 'guard', 'guard_leader', 'front_desk', 'guard_leader']);
    expect(steps[0].title).toContain('立即报告保安部');
    expect(steps[4].title).toContain('登记损失');
    expect(steps[5].title).toContain('书面报告');
    // The 110 call is decided by the most senior on duty: not a guard, not the desk; the shift leader does.
    const call110 = steps.find((x) => x.title.includes('110'))!;
    expect(call110.role).toBe('guard_leader');
    expect(call110.title).toContain('在岗最高职位者');
    expect(call110.title).toContain('伤者 120');
    expect(call110.title).toContain('交通事故 122');
    expect((await baoan.post(`/api/help/steps/${call110.id}/complete`, { version: call110.version })).statusCode).toBe(404);
    expect((await qiantai.post(`/api/help/steps/${call110.id}/complete`, { version: call110.version })).statusCode).toBe(404);
    const decided = await banzhang.post(`/api/help/steps/${call110.id}/complete`, { version: call110.version, note: '已报 110，民警 10 分钟到场' });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'done' });
  });

  it('HELP-10 gas poisoning: no switches or phones at the scene first, then the valve shut and windows opened, the gas company and 120 called', async () => {
    const pb = (await qiantai.get(`/api/help/playbooks?projectId=${t.ids.p1}`)).json().items.find((p: { code: string }) => p.code === 'gas');
    const steps = pb.steps as { role: string; title: string; parallelGroup: number }[];
    expect(steps[0].title).toContain('不要开关电器');
    expect(steps.find((s) => s.title.includes('关闭燃气阀门'))?.role).toBe('guard');
    expect(steps.some((s) => s.role === 'eng_lead')).toBe(true);
    expect(steps.find((s) => s.title.includes('燃气公司'))?.title).toContain('120');
  });

  it('HELP-11 typhoon, flooding and fire playbooks have steps for engineering, customer service and security', async () => {
    const books = (await qiantai.get(`/api/help/playbooks?projectId=${t.ids.p1}`)).json().items as { code: string; steps: { role: string; title: string }[] }[];
    for (const code of ['typhoon', 'flood', 'fire']) {
      const roles = new Set(books.find((b) => b.code === code)!.steps.map((s) => s.role));
      expect(roles.has('eng_lead') && roles.has('front_desk') && (roles.has('guard') || roles.has('guard_leader'))).toBe(true);
    }
    const all = books.flatMap((b) => b.steps.map((s) => s.title)).join('|');
    for (const word of ['沙袋', '切断', '电梯停到顶层', '119', '保险理赔', '通知']) expect(all).toContain(word);
  });

  const alertsOf = async (username: string, number: string) =>
    (await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = ${username} AND n.type = 'help.emergency' AND (n.title LIKE ${'%' + number + '%'} OR n.body LIKE ${'%' + number + '%'})`))[0].n;
  const started = async (category: string, need: string, playbookCode: string) => {
    const r = await take({ category, need });
    const res = await qiantai.post(`/api/help/${r.id}/playbook`, { version: r.version, playbookCode });
    expect(res.statusCode, res.body).toBe(200);
    return { r, steps: (await detail(r.id)).steps as { id: string; role: string; title: string; version: number }[] };
  };

  it('HELP-10 a gas poisoning run: the scene warning comes first, the guard shuts the valve and opens windows with engineering beside him, then the gas company and 120; each is alerted and only he confirms his step', async () => {
    const lingban = await Client.login(t.app, 'lingban');
    const { r, steps } = await started('security', '5 栋 301 闻到很浓的煤气味，老人头晕', 'gas');
    expect(steps.map((s) => s.role)).toEqual(['front_desk', 'guard', 'eng_lead', 'front_desk', 'guard_leader']);
    expect(steps[0].title).toContain('不要开关电器');
    expect(steps[0].title).toContain('不要在现场打电话');
    const valve = steps[1];
    expect(valve.title).toContain('关闭燃气阀门');
    expect(valve.title).toContain('通风');
    expect(steps[3].title).toContain('燃气公司');
    expect(steps[3].title).toContain('120');
    // the people of the steps are alerted: the guard, the engineering lead, the shift leader
    expect(await alertsOf('baoan', r.number)).toBeGreaterThan(0);
    expect(await alertsOf('lingban', r.number)).toBeGreaterThan(0);
    expect(await alertsOf('banzhang', r.number)).toBeGreaterThan(0);
    // and nobody without a step: not a technician, not the CS assistant, not the gate guard
    for (const u of ['weixiu', 'zhuli', 'menwei']) expect(await alertsOf(u, r.number), u).toBe(0);
    // the valve is the guard's: the desk and the engineering lead cannot confirm it for him
    expect((await qiantai.post(`/api/help/steps/${valve.id}/complete`, { version: valve.version })).statusCode).toBe(404);
    expect((await lingban.post(`/api/help/steps/${valve.id}/complete`, { version: valve.version })).statusCode).toBe(404);
    const done = await baoan.post(`/api/help/steps/${valve.id}/complete`, { version: valve.version, note: '阀门已关，门窗已开' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', doneByName: '朱勇' });
  });

  it('HELP-11 a fire run: the shift leader commands on site and calls 119 on his own say, engineering cuts power and stops the lifts, the guards evacuate, the desk photographs the damage; a typhoon run starts with the notice to households', async () => {
    const { r, steps } = await started('disaster', '2 栋地下车库冒烟', 'fire');
    const roleOf = (word: string) => steps.find((s) => s.title.includes(word))?.role;
    expect(roleOf('现场指挥')).toBe('guard_leader');
    expect(roleOf('119')).toBe('guard_leader');
    expect(roleOf('切断相关电源')).toBe('eng_lead');
    expect(roleOf('组织疏散')).toBe('guard');
    expect(roleOf('保险理赔')).toBe('front_desk');
    for (const who of ['banzhang', 'baoan', 'lingban']) expect(await alertsOf(who, r.number), who).toBeGreaterThan(0);
    // 119 is the commander's call: the guard cannot take that step
    const call119 = steps.find((s) => s.title.includes('119'))!;
    expect((await baoan.post(`/api/help/steps/${call119.id}/complete`, { version: call119.version })).statusCode).toBe(404);
    const typhoon = await started('disaster', '台风预警，明天登陆', 'typhoon');
    expect(typhoon.steps[0]).toMatchObject({ role: 'front_desk' });
    expect(typhoon.steps[0].title).toContain('通知');
    expect(typhoon.steps.map((s) => s.role)).toEqual(expect.arrayContaining(['front_desk', 'eng_lead', 'guard_leader']));
    // A flood run: the notice to households, then engineering's sandbags, power and lifts to the top floor, the shift
    // leader's patrol, the desk's photographs for the insurance; engineering's step is engineering's alone.
    const flood = await started('disaster', '暴雨，地下车库进水', 'flood');
    const floodRole = (word: string) => flood.steps.find((s) => s.title.includes(word))?.role;
    expect(flood.steps[0]).toMatchObject({ role: 'front_desk' });
    expect(flood.steps[0].title).toContain('通知');
    expect(floodRole('沙袋')).toBe('eng_lead');
    expect(floodRole('切断电源')).toBe('eng_lead');
    expect(floodRole('电梯停到顶层')).toBe('eng_lead');
    expect(floodRole('巡查')).toBe('guard_leader');
    expect(floodRole('保险理赔')).toBe('front_desk');
    const sandbags = flood.steps.find((s) => s.title.includes('沙袋'))!;
    expect((await baoan.post(`/api/help/steps/${sandbags.id}/complete`, { version: sandbags.version })).statusCode).toBe(404);
    expect((await qiantai.post(`/api/help/steps/${sandbags.id}/complete`, { version: sandbags.version })).statusCode).toBe(404);
    const lingban = await Client.login(t.app, 'lingban');
    expect((await lingban.post(`/api/help/steps/${sandbags.id}/complete`, { version: sandbags.version, note: '沙袋已放，电梯已停顶层' })).statusCode).toBe(200);
  });

  it('lift entrapment: rescue on site within 30 minutes; past it the shift leader and the CS supervisor are alerted', async () => {
    const r = await take({ category: 'other', need: '3 栋电梯困人' });
    expect((await qiantai.post(`/api/help/${r.id}/playbook`, { version: r.version, playbookCode: 'lift' })).statusCode).toBe(200);
    const rescue = ((await detail(r.id)).steps as { title: string; limitMinutes: number | null; dueAt: string }[]).find((s) => s.title.includes('救援'))!;
    expect(rescue.limitMinutes).toBe(30);
    expect(new Date(rescue.dueAt).getTime() - t.clock.t).toBe(30 * 60_000);
    t.clock.advanceMinutes(29);
    await tick();
    const late = (n: { title: string; body: string | null }) => n.title.includes('应急步骤超时') && !!n.body?.includes('救援');
    expect((await notes('banzhang', 'deadline.escalation', `/help/${r.id}`)).filter(late)).toHaveLength(0);
    t.clock.advanceMinutes(1);
    await tick();
    expect((await notes('banzhang', 'deadline.escalation', `/help/${r.id}`)).filter(late)).toHaveLength(1);
    expect((await notes('zhuguan', 'deadline.escalation', `/help/${r.id}`)).filter(late)).toHaveLength(1);
  });

  it('HELP-7 acknowledging stops the no-acknowledgement chain: nobody is alerted again', async () => {
    const r = await take({ category: 'other', need: '5 栋电梯困人，两人' });
    expect((await qiantai.post(`/api/help/${r.id}/playbook`, { version: r.version, playbookCode: 'lift' })).statusCode).toBe(200);
    const lingban = await Client.login(t.app, 'lingban');
    const by: Record<string, Client> = { front_desk: qiantai, guard: baoan, eng_lead: lingban };
    t.clock.advanceMinutes(1);
    for (const s of (await detail(r.id)).steps as { id: string; role: string; version: number }[]) {
      expect((await by[s.role].post(`/api/help/steps/${s.id}/acknowledge`, { version: s.version })).statusCode).toBe(200);
    }
    t.clock.advanceMinutes(5);
    await tick();
    expect((await notes('zhuguan', 'deadline.escalation', `/help/${r.id}`)).filter((n) => n.title.includes('无人确认'))).toHaveLength(0);
    expect((await notes('zhongxin', 'deadline.escalation', `/help/${r.id}`)).filter((n) => n.title.includes('无人确认'))).toHaveLength(0);
    expect((await detail(r.id)).timeline.map((e: { type: string }) => e.type)).not.toContain('ack_overdue');
  });
});
