import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Client, STORE_KINDS, startTestApp, type TestApp } from '../testing/harness';
import { deskFixture, recordCall } from '../testing/desk';
import { rows } from '../db/store';

/**
 * ARC-11 completed (SPEC.md): when work requires contacting a household, the front desk places the call on the
 * requester's behalf. The desk records that it called and how it went; the requester sees the outcome, never the
 * number. Expected access written by hand: the front desk, CS specialists and assistants record; nobody else.
 */
describe.each(STORE_KINDS)('proxy call outcome on %s', (kind) => {
  let t: TestApp;
  let kefu: Client;
  let qiantai: Client;
  let weixiu: Client;
  let woId = '';
  let callNumber = '';
  const PHONE = '13812345678';

  beforeAll(async () => {
    t = await startTestApp(kind, { sessionIdleMinutes: 1e6, sessionAbsoluteMinutes: 1e7 });
    const f = await deskFixture(t);
    kefu = await Client.login(t.app, 'kefu');
    qiantai = await Client.login(t.app, 'qiantai');
    weixiu = await Client.login(t.app, 'weixiu');
    const call = await recordCall(kefu, t, { householdId: await f.household('3-2-1502'), content: '厨房水龙头滴水', categoryId: await f.cat('public'), assigneeId: await f.user('weixiu') });
    callNumber = call.number;
    woId = (await kefu.get(`/api/calls/${call.id}`)).json().workOrders[0].id;
  });
  afterAll(() => t.close());

  it('ARC-11 without a request there is nothing to answer: recording an outcome is a 409', async () => {
    const res = await qiantai.post(`/api/work-orders/${woId}/call-outcome`, { outcome: 'reached' });
    expect(res.statusCode).toBe(409);
  });

  it('ARC-11 the technician asks, the front desk calls and records the outcome; he sees the outcome and the bell, never the number', async () => {
    expect((await weixiu.post(`/api/work-orders/${woId}/call-request`, { note: '需与业主约上门时间' })).statusCode).toBe(200);
    // the desk sees the open request on the work order
    const deskView = (await qiantai.get(`/api/work-orders/${woId}`)).json();
    expect(deskView.abilities.recordCall).toBe(true);
    expect(deskView.callRequests).toEqual([expect.objectContaining({ requestedByName: '马强', note: '需与业主约上门时间', doneAt: null, outcome: null })]);
    const res = await qiantai.post(`/api/work-orders/${woId}/call-outcome`, { outcome: 'reached', note: '业主约明天上午十点上门' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items[0]).toMatchObject({ outcome: 'reached', doneByName: '林佳怡', outcomeNote: '业主约明天上午十点上门' });
    const mine = await weixiu.get(`/api/work-orders/${woId}`);
    expect(mine.json().callRequests[0]).toMatchObject({ outcome: 'reached', doneByName: '林佳怡', outcomeNote: '业主约明天上午十点上门' });
    expect(mine.json().abilities.recordCall).toBe(false);
    expect(mine.body).not.toContain(PHONE);
    const bell = await weixiu.get('/api/notifications');
    const note = bell.json().items.find((n: { type: string }) => n.type === 'call.done');
    expect(note).toMatchObject({ link: `/tasks/${woId}` });
    expect(note.title).toContain('已接通');
    expect(note.title).toContain(callNumber);
    expect(bell.body).not.toContain(PHONE);
    const [audit] = await rows<{ actor_name: string }>(t.store.db, sql`SELECT actor_name FROM audit_log WHERE action = 'work_order.call_done' ORDER BY seq DESC LIMIT 1`);
    expect(audit.actor_name).toBe('qiantai');
    // answered: a second outcome for the same request is a 409
    expect((await qiantai.post(`/api/work-orders/${woId}/call-outcome`, { outcome: 'no_answer' })).statusCode).toBe(409);
  });

  it('ARC-11 the desk cannot pass the number on in its note: a phone or ID number in it is a 400 with a Chinese message', async () => {
    await weixiu.post(`/api/work-orders/${woId}/call-request`, { note: '再约一次时间' });
    for (const note of [`请直接打 ${PHONE}`, '电话 138 1234 5678', '１３８１２３４５６７８', '证件 11010519491231002X']) {
      const res = await qiantai.post(`/api/work-orders/${woId}/call-outcome`, { outcome: 'reached', note });
      expect(res.statusCode, note).toBe(400);
      expect(res.json().error.fields[0]).toMatchObject({ path: 'body.note' });
      expect(res.json().error.fields[0].message).toContain('不要写电话');
    }
    expect((await qiantai.post(`/api/work-orders/${woId}/call-outcome`, { outcome: 'bogus' })).statusCode).toBe(400);
    const ok = await kefu.post(`/api/work-orders/${woId}/call-outcome`, { outcome: 'no_answer' });
    expect(ok.statusCode).toBe(200);
    expect((await weixiu.get(`/api/work-orders/${woId}`)).json().callRequests[1]).toMatchObject({ outcome: 'no_answer', doneByName: '王晓丽' });
  });

  it('ARC-11 only the desk records outcomes: the technician, the lead, the supervisor, guards and vendors are refused (404)', async () => {
    await weixiu.post(`/api/work-orders/${woId}/call-request`, { note: '第三次联系' });
    for (const username of ['weixiu', 'baoan', 'waibu', 'gongchengshi']) {
      const c = username === 'weixiu' ? weixiu : await Client.login(t.app, username);
      expect((await c.post(`/api/work-orders/${woId}/call-outcome`, { outcome: 'reached' })).statusCode, username).toBe(404);
    }
    // the engineering lead and the supervisor read the work order but may not record the desk's call
    for (const username of ['lingban', 'zhuguan', 'jingli']) {
      const c = await Client.login(t.app, username);
      expect((await c.post(`/api/work-orders/${woId}/call-outcome`, { outcome: 'reached' })).statusCode, username).toBe(404);
    }
    // the request is still open
    expect((await qiantai.get(`/api/work-orders/${woId}`)).json().callRequests[2].doneAt).toBeNull();
  });
});
