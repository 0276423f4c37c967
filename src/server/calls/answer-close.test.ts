import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, STORE_KINDS, startTestApp, type TestApp } from '../testing/harness';
import { deskFixture, recordCall, SIGNATURE } from '../testing/desk';

/** An inquiry answered on the spot closes in one step: the final reply, 已处理 and the signed close-out (CALL-3). */
describe.each(STORE_KINDS)('当场答复并销项 on %s', (kind) => {
  let t: TestApp;
  let kefu: Client;
  let f: Awaited<ReturnType<typeof deskFixture>>;
  beforeAll(async () => {
    t = await startTestApp(kind);
    kefu = await Client.login(t.app, 'kefu');
    f = await deskFixture(t);
  });
  afterAll(() => t.close());

  const body = (version: number, over: Record<string, unknown> = {}) => ({ version, channel: 'phone', content: '物业费可在前台或线上缴纳', signature: SIGNATURE, ...over });

  it('CALL-3 an inquiry is answered, marked done, signed and numbered in one request', async () => {
    const call = await recordCall(kefu, t, { householdId: await f.household('3-2-1502'), content: '询问物业费缴费方式', categoryId: await f.cat('inquiry') });
    const res = await kefu.post(`/api/calls/${call.id}/answer-close`, body(call.version));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'closed', progress: '已完成' });
    expect(res.json().closeNumber).toMatch(/^XX/);
    const detail = (await kefu.get(`/api/calls/${call.id}`)).json();
    expect(detail.replies).toEqual([expect.objectContaining({ final: true, content: '物业费可在前台或线上缴纳', channel: 'phone' })]);
    expect(detail.events.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['recorded', 'reply', 'resolve', 'close']));
    expect(detail.signatureUrl ?? detail.closeNumber).toBeTruthy();
  });

  it('CALL-3 refused without a signature (400), with an open work order (400), by a role that never closes out (403), twice (409)', async () => {
    const call = await recordCall(kefu, t, { householdId: await f.household('3-2-1502'), content: '询问停车费标准', categoryId: await f.cat('inquiry') });
    const unsigned = await kefu.post(`/api/calls/${call.id}/answer-close`, body(call.version, { signature: undefined }));
    expect(unsigned.statusCode).toBe(400);
    expect(unsigned.body).toContain('signature');
    const noText = await kefu.post(`/api/calls/${call.id}/answer-close`, body(call.version, { content: '' }));
    expect(noText.statusCode).toBe(400);
    // an account manager follows up but does not close out (CALL-3's 签字 is the desk's)
    const jingli = await Client.login(t.app, 'jingli');
    expect([403, 404]).toContain((await jingli.post(`/api/calls/${call.id}/answer-close`, body(call.version))).statusCode);
    expect((await kefu.get(`/api/calls/${call.id}`)).json().status).not.toBe('closed');
    // a repair with its work order still open is not closed on the spot
    const repair = await recordCall(kefu, t, { householdId: await f.someHousehold('1', 4), content: '厨房水龙头滴水', categoryId: await f.cat('plumbing'), assigneeId: await f.user('weixiu') });
    const fresh = (await kefu.get(`/api/calls/${repair.id}`)).json();
    const withJob = await kefu.post(`/api/calls/${repair.id}/answer-close`, body(fresh.version));
    expect(withJob.statusCode, withJob.body).toBe(400);
    expect((await kefu.get(`/api/calls/${repair.id}`)).json().replies).toEqual([]);
    // done once; the second time the record is closed already
    const ok = await kefu.post(`/api/calls/${call.id}/answer-close`, body((await kefu.get(`/api/calls/${call.id}`)).json().version));
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await kefu.post(`/api/calls/${call.id}/answer-close`, body(ok.json().version))).statusCode).toBe(409);
    // another project's record does not exist for this desk
    const other = await Client.login(t.app, 'kefu');
    expect((await other.post(`/api/calls/00000000-0000-4000-8000-000000000000/answer-close`, body(1))).statusCode).toBe(404);
  });

  it('CALL-2 the record list says 待验收 while the record’s finished job waits for the desk, and not before or after', async () => {
    const weixiu = await Client.login(t.app, 'weixiu');
    const call = await recordCall(kefu, t, { householdId: await f.someHousehold('1', 5), content: '卫生间灯不亮', categoryId: await f.cat('plumbing'), assigneeId: await f.user('weixiu') });
    const flag = async () => {
      const res = await kefu.get(`/api/calls?projectId=${t.ids.p1}&pageSize=100`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as { id: string; awaitingVerification?: boolean }[]).find((i) => i.id === call.id)!.awaitingVerification;
    };
    expect(await flag()).toBe(false);
    const wo = () => kefu.get(`/api/calls/${call.id}`).then((r) => r.json().workOrders[0] as { id: string; version: number });
    for (const step of ['accept', 'arrive']) expect((await weixiu.post(`/api/work-orders/${(await wo()).id}/${step}`, { version: (await wo()).version })).statusCode).toBe(200);
    expect(await flag()).toBe(false);
    expect((await weixiu.post(`/api/work-orders/${(await wo()).id}/complete`, { version: (await wo()).version, result: '已更换灯泡' })).statusCode).toBe(200);
    expect(await flag()).toBe(true);
    expect((await kefu.post(`/api/work-orders/${(await wo()).id}/verify`, { version: (await wo()).version })).statusCode).toBe(200);
    expect(await flag()).toBe(false);
  });
});
