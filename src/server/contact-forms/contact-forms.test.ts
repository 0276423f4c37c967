import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Client, STORE_KINDS, startTestApp, type TestApp } from '../testing/harness';
import { rows } from '../db/store';

/**
 * LINK-1, LINK-2 through the real server and database. Engineering (lingban, eng_lead) asks security
 * (banzhang, guard_leader); customer service's supervisor (zhuguan) heads neither; a technician has no
 * business with contact forms. Clock: 2026-11-26 10:00 Beijing.
 */
describe.each(STORE_KINDS)('work contact forms on %s', (kind) => {
  let t: TestApp;
  let lingban: Client;
  let banzhang: Client;
  let zhuguan: Client;
  let weixiu: Client;

  beforeAll(async () => {
    t = await startTestApp(kind, { sessionIdleMinutes: 1e6, sessionAbsoluteMinutes: 1e7 });
    [lingban, banzhang, zhuguan, weixiu] = await Promise.all(['lingban', 'banzhang', 'zhuguan', 'weixiu'].map((u) => Client.login(t.app, u)));
  });
  afterAll(() => t.close());

  const inHours = (h: number) => new Date(t.clock.now().getTime() + h * 3600_000).toISOString();
  const body = (over: Record<string, unknown> = {}) => ({ projectId: t.ids.p1, fromDepartment: 'engineering', toDepartment: 'security', subject: '配合停水检修', details: '周六 9:00-12:00 3 栋停水检修，请安排保安在大堂值守并协助通知', requiredResult: '检修期间大堂有人值守', dueAt: inHours(24), ...over });
  const send = async (over: Record<string, unknown> = {}) => {
    const res = await lingban.post('/api/contact-forms', body(over));
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const version = async (c: Client, id: string) => (await c.get(`/api/contact-forms/${id}`)).json().version as number;
  const notes = async (username: string, type: string) =>
    (await rows<{ link: string }>(t.store.db, sql`SELECT n.link FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = ${username} AND n.type = ${type}`)).map((r) => r.link);

  it('LINK-1 a numbered form from one department to another: subject, details, required result, deadline', async () => {
    const f = await send();
    expect(f.number).toMatch(/^LX20261126-\d{4}$/);
    expect(f).toMatchObject({ fromDepartment: 'engineering', toDepartment: 'security', subject: '配合停水检修', requiredResult: '检修期间大堂有人值守', status: 'sent', sentByName: '黄磊' });
    expect(f.sla.state).toBe('ok');
    const second = await send();
    expect(second.number).not.toBe(f.number);
    expect(await notes('banzhang', 'contact_form.sent')).toContain(`/contact-forms/${f.id}`);
  });

  it('LINK-1 refuses a form without subject, result or a future deadline (400, Chinese); nobody sends in another department’s name (404)', async () => {
    const res = await lingban.post('/api/contact-forms', { projectId: t.ids.p1, fromDepartment: 'engineering', toDepartment: 'security', details: '请协助' });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.fields.map((x: { path: string }) => x.path);
    expect(paths).toEqual(expect.arrayContaining(['body.subject', 'body.requiredResult', 'body.dueAt']));
    const past = await lingban.post('/api/contact-forms', body({ dueAt: inHours(-1) }));
    expect(past.statusCode).toBe(400);
    expect(past.json().error.fields[0]).toMatchObject({ path: 'body.dueAt', message: '完成期限应晚于现在' });
    const self = await lingban.post('/api/contact-forms', body({ toDepartment: 'engineering' }));
    expect(self.statusCode).toBe(400);
    expect((await lingban.post('/api/contact-forms', body({ fromDepartment: 'security', toDepartment: 'engineering' }))).statusCode).toBe(404);
    expect((await weixiu.post('/api/contact-forms', body())).statusCode).toBe(404);
  });

  it('LINK-2 the receiver signs and replies, the sender confirms and closes; each only in its turn', async () => {
    const f = await send();
    // the sender cannot sign for the receiver; the receiver cannot close
    expect((await lingban.post(`/api/contact-forms/${f.id}/sign`, { version: f.version })).statusCode).toBe(404);
    expect((await banzhang.post(`/api/contact-forms/${f.id}/reply`, { version: f.version, reply: '已安排' })).statusCode).toBe(409);
    t.clock.advanceMinutes(1);
    const signed = await banzhang.post(`/api/contact-forms/${f.id}/sign`, { version: f.version });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({ status: 'signed', signedByName: '胡刚' });
    expect((await banzhang.post(`/api/contact-forms/${f.id}/sign`, { version: signed.json().version })).statusCode).toBe(409);
    const empty = await banzhang.post(`/api/contact-forms/${f.id}/reply`, { version: signed.json().version, reply: ' ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields[0].path).toBe('body.reply');
    t.clock.advanceMinutes(1);
    const replied = await banzhang.post(`/api/contact-forms/${f.id}/reply`, { version: signed.json().version, reply: '已安排两名保安大堂值守' });
    expect(replied.json()).toMatchObject({ status: 'replied', reply: '已安排两名保安大堂值守' });
    expect(await notes('lingban', 'contact_form.replied')).toContain(`/contact-forms/${f.id}`);
    expect((await banzhang.post(`/api/contact-forms/${f.id}/close`, { version: replied.json().version })).statusCode).toBe(404);
    t.clock.advanceMinutes(1);
    const closed = await lingban.post(`/api/contact-forms/${f.id}/close`, { version: replied.json().version, note: '确认' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', closedByName: '黄磊' });
    const detail = (await lingban.get(`/api/contact-forms/${f.id}`)).json();
    expect(detail.events.map((e: { type: string }) => e.type)).toEqual(['sent', 'sign', 'reply', 'close']);
  });

  it('LINK-2 only the two departments see a form (404 for others); a stale version loses with 409', async () => {
    const f = await send();
    expect((await zhuguan.get(`/api/contact-forms/${f.id}`)).statusCode).toBe(404);
    expect((await zhuguan.get('/api/contact-forms')).json().items.map((x: { id: string }) => x.id)).not.toContain(f.id);
    expect((await weixiu.get(`/api/contact-forms/${f.id}`)).statusCode).toBe(404);
    expect((await banzhang.get('/api/contact-forms?box=in')).json().items.map((x: { id: string }) => x.id)).toContain(f.id);
    expect((await banzhang.get('/api/contact-forms?box=out')).json().items.map((x: { id: string }) => x.id)).not.toContain(f.id);
    const v = await version(banzhang, f.id);
    const [a, b] = await Promise.all([banzhang.post(`/api/contact-forms/${f.id}/sign`, { version: v }), banzhang.post(`/api/contact-forms/${f.id}/sign`, { version: v })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
  });

  it('LINK-2 an overdue form shows as overdue to both sides and escalates on the deadline engine; a replied one does not', async () => {
    const late = await send({ dueAt: inHours(2) });
    const answered = await send({ dueAt: inHours(2) });
    await banzhang.post(`/api/contact-forms/${answered.id}/sign`, { version: answered.version });
    await banzhang.post(`/api/contact-forms/${answered.id}/reply`, { version: await version(banzhang, answered.id), reply: '已完成' });
    t.clock.advanceMinutes(121);
    await t.app.desk.timers.tick();
    for (const c of [lingban, banzhang]) {
      const items = (await c.get('/api/contact-forms')).json().items as { id: string; sla: { state: string } }[];
      expect(items.find((x) => x.id === late.id)?.sla.state).toBe('overdue');
      expect(items.find((x) => x.id === answered.id)?.sla.state).toBe('none');
    }
    expect(await notes('lingban', 'deadline.escalation')).toContain(`/contact-forms/${late.id}`);
    expect(await notes('banzhang', 'deadline.escalation')).toContain(`/contact-forms/${late.id}`);
    expect(await notes('banzhang', 'deadline.escalation')).not.toContain(`/contact-forms/${answered.id}`);
    // a day later the centre manager hears of it
    expect(await notes('zhongxin', 'deadline.escalation')).not.toContain(`/contact-forms/${late.id}`);
    t.clock.advanceMinutes(24 * 60);
    await t.app.desk.timers.tick();
    expect(await notes('zhongxin', 'deadline.escalation')).toContain(`/contact-forms/${late.id}`);
  });
});
