import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Client, STORE_KINDS, startTestApp, type TestApp } from '../testing/harness';
import { deskFixture, recordCall } from '../testing/desk';
import { rows } from '../db/store';

/*
 * CALL-4: each district's account manager follows up the matters of his district. Whether he may also act on
 * another district's item is the company's choice: a project setting, on by default (he covers for a colleague).
 * Expected answers written from the manual: jingli runs 东区 (buildings 1–4), jingli2 中区 (5–8), jingli3 西区.
 */
describe.each(STORE_KINDS)('CALL-4 follow-up across districts, a project setting, on %s', (kind) => {
  let t: TestApp;
  let kefu: Client, zhuguan: Client, jingli: Client, jingli2: Client;
  let f: Awaited<ReturnType<typeof deskFixture>>;
  beforeAll(async () => {
    t = await startTestApp(kind);
    [kefu, zhuguan, jingli, jingli2] = await Promise.all(['kefu', 'zhuguan', 'jingli', 'jingli2'].map((u) => Client.login(t.app, u)));
    f = await deskFixture(t);
  });
  afterAll(() => t.close());

  const settings = async (c: Client) => {
    const res = await c.get(`/api/calls/settings?projectId=${t.ids.p1}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { coverOtherDistricts: boolean; isDefault: boolean; version: number; canEdit: boolean; updatedByName: string | null };
  };
  const middleCall = async (n: number) => recordCall(kefu, t, { householdId: await f.someHousehold('5', 10 + n), content: `中区楼道灯不亮 ${n}`, categoryId: await f.cat('public') });
  const eastCall = async (n: number) => recordCall(kefu, t, { householdId: await f.someHousehold('1', 10 + n), content: `东区楼道灯不亮 ${n}`, categoryId: await f.cat('public') });
  const replyAs = (c: Client, id: string) => c.post(`/api/calls/${id}/replies`, { channel: 'phone', content: '已安排维修' });
  const detailOf = async (c: Client, id: string) => (await c.get(`/api/calls/${id}`)).json() as { version: number; abilities: Record<string, boolean>; replies: unknown[] };

  it('CALL-4 by default an account manager covers for a colleague: jingli replies to and resolves a 中区 item', async () => {
    const s = await settings(jingli);
    expect(s).toMatchObject({ coverOtherDistricts: true, isDefault: true, version: 0, canEdit: false });
    const call = await middleCall(1);
    expect((await replyAs(jingli, call.id)).statusCode).toBe(201);
    expect((await detailOf(jingli, call.id)).abilities).toMatchObject({ reply: true, resolve: true, chase: true });
  });

  it('CALL-4 only the supervisor or the centre manager sets it (an account manager and the desk do not reach it: 404), with Chinese field messages (400) and stale versions (409)', async () => {
    const put = (c: Client, body: Record<string, unknown>) => c.patch('/api/calls/settings', { projectId: t.ids.p1, ...body });
    expect((await put(jingli, { coverOtherDistricts: false, version: 0 })).statusCode).toBe(404);
    expect((await put(kefu, { coverOtherDistricts: false, version: 0 })).statusCode).toBe(404);
    const bad = await put(zhuguan, { coverOtherDistricts: '否', version: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('客户经理能否跟进其他辖区');
    expect((await settings(zhuguan)).isDefault).toBe(true); // nothing half-written
    const ok = await put(zhuguan, { coverOtherDistricts: false, version: 0 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ coverOtherDistricts: false, isDefault: false, version: 1, canEdit: true, updatedByName: expect.any(String) });
    const stale = await put(zhuguan, { coverOtherDistricts: true, version: 0 });
    expect(stale.statusCode).toBe(409);
    expect((await settings(kefu)).coverOtherDistricts).toBe(false);
    const audit = await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'call.settings' AND project_id = ${t.ids.p1}`);
    expect(audit[0].n).toBe(1);
  });

  it('CALL-4 with covering off, an account manager acts only on his own district: another district\'s item is not his (404), his own is (200), and the desk and the supervisor still act everywhere', async () => {
    // Covering off (whatever the tests before left it at): set it so, once.
    const s = await settings(zhuguan);
    if (s.coverOtherDistricts) await zhuguan.patch('/api/calls/settings', { projectId: t.ids.p1, coverOtherDistricts: false, version: s.version });
    expect((await settings(zhuguan)).coverOtherDistricts).toBe(false);
    const middle = await middleCall(2);
    const east = await eastCall(2);
    // jingli (东区) on the 中区 item: every follow-up action refused as not his; he may still read it.
    expect((await replyAs(jingli, middle.id)).statusCode).toBe(404);
    expect((await jingli.post(`/api/calls/${middle.id}/dispatch`, { version: middle.version, assigneeId: await f.user('weixiu') })).statusCode).toBe(404);
    expect((await jingli.post(`/api/calls/${middle.id}/resolve`, { version: middle.version, note: '已处理' })).statusCode).toBe(404);
    expect((await jingli.post(`/api/calls/${middle.id}/chase`, { note: '催办' })).statusCode).toBe(404);
    expect((await jingli.get(`/api/calls/${middle.id}`)).statusCode).toBe(200);
    expect((await detailOf(jingli, middle.id)).abilities).toMatchObject({ reply: false, resolve: false, dispatch: false, chase: false });
    expect((await detailOf(kefu, middle.id)).replies).toEqual([]); // nothing written by the refused actions
    // his own district's item, and the 中区 manager on the 中区 item: allowed.
    expect((await replyAs(jingli, east.id)).statusCode).toBe(201);
    expect((await detailOf(jingli, east.id)).abilities).toMatchObject({ reply: true, resolve: true });
    expect((await replyAs(jingli2, middle.id)).statusCode).toBe(201);
    // the desk and the supervisor are not bound to a district.
    expect((await replyAs(kefu, middle.id)).statusCode).toBe(201);
    expect((await replyAs(zhuguan, middle.id)).statusCode).toBe(201);
    const resolved = await jingli2.post(`/api/calls/${middle.id}/resolve`, { version: (await detailOf(jingli2, middle.id)).version, note: '灯已修好' });
    expect(resolved.statusCode, resolved.body).toBe(200);
    // reopening is a follow-up too
    expect((await jingli.post(`/api/calls/${middle.id}/reopen`, { version: resolved.json().version, reason: '业户反映未修好' })).statusCode).toBe(404);
    expect((await jingli2.post(`/api/calls/${middle.id}/reopen`, { version: resolved.json().version, reason: '业户反映未修好' })).statusCode).toBe(200);
  });

  it('CALL-4 with covering off, the board\'s rows offer an account manager the follow-ups of his own district only (a button never leads to a refusal)', async () => {
    expect((await settings(zhuguan)).coverOtherDistricts).toBe(false);
    const middle = await middleCall(4);
    const east = await eastCall(4);
    type BoardRow = { id: string; districtId: string | null; abilities: Record<string, boolean> };
    const boardOf = async (c: Client, districtId?: string) => {
      const res = await c.get(`/api/board?projectId=${t.ids.p1}${districtId ? `&districtId=${districtId}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { items: BoardRow[] }).items;
    };
    const all = await boardOf(zhuguan);
    const middleRow = all.find((i) => i.id === middle.id)!;
    const eastRow = all.find((i) => i.id === east.id)!;
    expect(middleRow.abilities).toMatchObject({ reply: true, chase: true, resolve: true }); // the supervisor acts everywhere
    const jingliMiddle = (await boardOf(jingli, middleRow.districtId!)).find((i) => i.id === middle.id)!;
    expect(jingliMiddle.abilities).toMatchObject({ reply: false, chase: false, resolve: false, dispatch: false });
    const jingliEast = (await boardOf(jingli)).find((i) => i.id === east.id)!;
    expect(jingliEast.abilities).toMatchObject({ reply: true, chase: true, resolve: true });
    expect(eastRow.districtId).not.toBe(middleRow.districtId);
    const jingli2Middle = (await boardOf(jingli2)).find((i) => i.id === middle.id)!;
    expect(jingli2Middle.abilities).toMatchObject({ reply: true, chase: true });
  });

  it('CALL-4 turned back on, jingli covers the 中区 item again', async () => {
    const s = await settings(zhuguan);
    expect((await zhuguan.patch('/api/calls/settings', { projectId: t.ids.p1, coverOtherDistricts: true, version: s.version })).statusCode).toBe(200);
    const middle = await middleCall(3);
    expect((await replyAs(jingli, middle.id)).statusCode).toBe(201);
  });

  it('CALL-4 another project\'s setting does not exist for this centre (404)', async () => {
    expect((await zhuguan.get(`/api/calls/settings?projectId=${t.ids.p3}`)).statusCode).toBe(404);
    expect((await zhuguan.patch('/api/calls/settings', { projectId: t.ids.p3, coverOtherDistricts: false, version: 0 })).statusCode).toBe(404);
  });
});
