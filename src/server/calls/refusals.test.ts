import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Client, STORE_KINDS, startTestApp, type TestApp } from '../testing/harness';
import { deskFixture, recordCall, SIGNATURE } from '../testing/desk';
import { rows } from '../db/store';

/**
 * The refusal side of CALL-1, CALL-3 and CALL-7 (issue 8): each test here fails when its rule is broken
 * in the server. Expected values are written by hand from SPEC.md, never computed from the code under test.
 */
describe.each(STORE_KINDS)('call record refusals on %s', (kind) => {
  let t: TestApp;
  let kefu: Client;
  let zhuguan: Client;
  let f: Awaited<ReturnType<typeof deskFixture>>;
  beforeAll(async () => {
    t = await startTestApp(kind, { sessionIdleMinutes: 1e6, sessionAbsoluteMinutes: 1e7 });
    kefu = await Client.login(t.app, 'kefu');
    zhuguan = await Client.login(t.app, 'zhuguan');
    f = await deskFixture(t);
  });
  afterAll(() => t.close());

  /** What the database holds of a record's close-out. */
  const stored = async (id: string) => {
    const [row] = await rows<{ status: string; close_number: string | null; signature_id: string | null; closed_at: unknown }>(
      t.store.db,
      sql`SELECT status, close_number, signature_id, closed_at FROM call_records WHERE id = ${id}`,
    );
    const [att] = await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM attachments WHERE owner_id = ${id} AND kind = 'signature'`);
    return { ...row, signatures: att.n };
  };
  const NOTHING_CLOSED = { status: 'resolved', close_number: null, signature_id: null, closed_at: null, signatures: 0 };

  /** An inquiry handled at the desk (no work order), marked resolved; the clock moves one minute. */
  const resolvedInquiry = async (content: string) => {
    const call = await recordCall(kefu, t, { householdId: await f.someHousehold('2', 3), content, categoryId: await f.cat('inquiry') });
    const cur = (await kefu.get(`/api/calls/${call.id}`)).json();
    const res = await kefu.post(`/api/calls/${call.id}/resolve`, { version: cur.version, note: '已当场解答' });
    expect(res.statusCode, res.body).toBe(200);
    t.clock.advanceMinutes(1);
    return call.id as string;
  };
  const version = async (id: string) => (await kefu.get(`/api/calls/${id}`)).json().version as number;

  it('CALL-3 a record with no signature field is not closed, and nothing is written', async () => {
    const id = await resolvedInquiry('询问装修申请手续');
    expect((await kefu.post(`/api/calls/${id}/replies`, { channel: 'phone', content: '已告知装修手续', final: true })).statusCode).toBe(201);
    const res = await kefu.post(`/api/calls/${id}/close`, { version: await version(id) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(await stored(id)).toEqual(NOTHING_CLOSED);
  });

  it('CALL-3 a record is not closed after a reply that is not final, and nothing is written', async () => {
    const id = await resolvedInquiry('询问停车月卡办理');
    expect((await kefu.post(`/api/calls/${id}/replies`, { channel: 'sms', content: '正在核实，稍后答复', final: false })).statusCode).toBe(201);
    const res = await kefu.post(`/api/calls/${id}/close`, { version: await version(id), signature: SIGNATURE });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.fields[0]).toMatchObject({ path: 'reply', message: '尚未将处理结果答复业户，不能销项' });
    expect(await stored(id)).toEqual(NOTHING_CLOSED);
  });

  it('CALL-3 a "final" reply sent before the work was resolved does not allow closing, and nothing is written', async () => {
    const call = await recordCall(kefu, t, { householdId: await f.someHousehold('2', 4), content: '询问垃圾清运时间', categoryId: await f.cat('inquiry') });
    // told the household "done" while the record was still open
    expect((await kefu.post(`/api/calls/${call.id}/replies`, { channel: 'phone', content: '已处理完毕', final: true })).statusCode).toBe(201);
    t.clock.advanceMinutes(30);
    const resolved = await kefu.post(`/api/calls/${call.id}/resolve`, { version: await version(call.id), note: '已核实清运时间' });
    expect(resolved.statusCode).toBe(200);
    t.clock.advanceMinutes(1);
    const res = await kefu.post(`/api/calls/${call.id}/close`, { version: await version(call.id), signature: SIGNATURE });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({ path: 'reply', message: '尚未将处理结果答复业户，不能销项' });
    expect(await stored(call.id)).toEqual(NOTHING_CLOSED);
    // a final reply after resolution then allows it: the refusal above was about the reply's time only
    expect((await kefu.post(`/api/calls/${call.id}/replies`, { channel: 'phone', content: '清运时间为每日 7 点', final: true })).statusCode).toBe(201);
    const ok = await kefu.post(`/api/calls/${call.id}/close`, { version: await version(call.id), signature: SIGNATURE });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().status).toBe('closed');
  });

  it('CALL-1 a visit is stored and answered as a visit, not as a phone call', async () => {
    const call = await recordCall(kefu, t, { channel: 'visit', householdId: await f.someHousehold('4', 1), content: '到前台咨询门禁卡补办', categoryId: await f.cat('inquiry') });
    expect(call.channel).toBe('visit');
    expect((await kefu.get(`/api/calls/${call.id}`)).json().channel).toBe('visit');
    const [row] = await rows<{ channel: string }>(t.store.db, sql`SELECT channel FROM call_records WHERE id = ${call.id}`);
    expect(row.channel).toBe('visit');
    // and a phone call stays a phone call
    const phone = await recordCall(kefu, t, { channel: 'phone', householdId: await f.someHousehold('4', 2), content: '电话咨询门禁卡补办', categoryId: await f.cat('inquiry') });
    const [prow] = await rows<{ channel: string }>(t.store.db, sql`SELECT channel FROM call_records WHERE id = ${phone.id}`);
    expect(prow.channel).toBe('phone');
  });

  it('CALL-7 the GT summary counts GT items only: a non-GT item of the same category and building is left out', async () => {
    // a fresh period of its own, so the counts below are exactly what this test planted
    t.clock.advanceMinutes(60 * 24 * 30);
    const from = t.clock.now().toISOString();
    const hh = await f.someHousehold('11', 5);
    const gt1 = await recordCall(kefu, t, { householdId: hh, content: '邻居装修噪音扰民', categoryId: await f.cat('neighbour') });
    const gt2 = await recordCall(kefu, t, { householdId: await f.someHousehold('11', 6), content: '楼上漏水协调', categoryId: await f.cat('neighbour') });
    expect([gt1.class, gt2.class]).toEqual(['GT', 'GT']);
    // same category, same building, but the desk classed it as an inquiry
    const other = await recordCall(kefu, t, { householdId: hh, content: '询问邻里纠纷调解流程', categoryId: await f.cat('neighbour'), class: 'inquiry', overrideReason: '仅咨询流程' });
    expect(other.class).toBe('inquiry');
    t.clock.advanceMinutes(10);
    const to = t.clock.now().toISOString();
    const res = await zhuguan.get(`/api/gt/summary?projectId=${t.ids.p1}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    expect(res.statusCode).toBe(200);
    const groups = res.json().groups as { building: string; count: number; numbers: string[] }[];
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ building: '11栋', count: 2 });
    expect([...groups[0].numbers].sort()).toEqual([gt1.number, gt2.number].sort());
    expect(groups[0].numbers).not.toContain(other.number);
  });
});
