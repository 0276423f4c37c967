import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Client, STORE_KINDS, startTestApp, type TestApp } from '../testing/harness';
import { deskFixture, recordCall, SIGNATURE } from '../testing/desk';
import { rows } from '../db/store';
import { eq } from 'drizzle-orm';
import { callRecords } from '../../domain/calls/calls.table';
import { moveCall } from '../calls/call-state';
import { AppError } from '../core/errors';

/**
 * The refusal side of the state writers (issue 8, mutation testing): a work order and a call record move only in
 * their turn (wrong state 409), only at the version the client read (stale 409), only by their own doer (404), and
 * a refused step writes nothing — no status, no stamp, no event. Expected values written by hand from SPEC.md
 * (CALL-2: the technician accepts, arrives, completes with a result; CS verifies; CALL-3: close-out).
 */
describe.each(STORE_KINDS)('state writers refuse out of turn on %s', (kind) => {
  let t: TestApp;
  let kefu: Client;
  let weixiu: Client;
  let waibu: Client;
  let f: Awaited<ReturnType<typeof deskFixture>>;

  beforeAll(async () => {
    t = await startTestApp(kind, { sessionIdleMinutes: 1e6, sessionAbsoluteMinutes: 1e7 });
    f = await deskFixture(t);
    kefu = await Client.login(t.app, 'kefu');
    weixiu = await Client.login(t.app, 'weixiu');
    waibu = await Client.login(t.app, 'waibu');
  });
  afterAll(() => t.close());

  /** A plumbing repair in building 1 (out of warranty), dispatched at once to 马强 (weixiu): its call and work order. */
  const repair = async (content: string) => {
    const call = await recordCall(kefu, t, { householdId: await f.someHousehold('1', 4), content, categoryId: await f.cat('plumbing'), assigneeId: await f.user('weixiu') });
    const woId = (await kefu.get(`/api/calls/${call.id}`)).json().workOrders[0].id as string;
    return { callId: call.id as string, woId };
  };
  /** What the database holds of a work order, and how many events it has. */
  const storedWo = async (id: string) => {
    const [row] = await rows<{ status: string; version: number; accepted_at: unknown; on_site_at: unknown; done_at: unknown; result: string | null; materials: string | null; verified_at: unknown; verified_by: string | null }>(
      t.store.db,
      sql`SELECT status, version, accepted_at, on_site_at, done_at, result, materials, verified_at, verified_by FROM work_orders WHERE id = ${id}`,
    );
    const [ev] = await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM work_order_events WHERE work_order_id = ${id}`);
    return { ...row, events: ev.n };
  };
  const storedCall = async (id: string) => {
    const [row] = await rows<{ status: string; version: number; resolved_at: unknown; progress: string | null }>(t.store.db, sql`SELECT status, version, resolved_at, progress FROM call_records WHERE id = ${id}`);
    const [ev] = await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM call_events WHERE call_id = ${id}`);
    const [tm] = await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM timers WHERE subject_type = 'call' AND subject_id = ${id} AND status = 'pending'`);
    return { ...row, events: ev.n, pendingTimers: tm.n };
  };
  const woVersion = async (id: string) => (await kefu.get(`/api/work-orders/${id}`)).json().version as number;

  it('CALL-2 a work order is verified only once it is done: verifying an assigned one is a 409 and nothing is written', async () => {
    const { woId } = await repair('阳台地漏堵塞');
    const before = await storedWo(woId);
    expect(before.status).toBe('assigned');
    const res = await kefu.post(`/api/work-orders/${woId}/verify`, { version: before.version });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error.code).toBe('INVALID_STATE');
    expect(await storedWo(woId)).toEqual(before);
  });

  it('CALL-2 a finished step is not taken twice: accepting an accepted work order is a 409, and the first acceptance stands', async () => {
    const { woId } = await repair('洗手盆下水慢');
    const v = (await storedWo(woId)).version;
    const ok = await weixiu.post(`/api/work-orders/${woId}/accept`, { version: v });
    expect(ok.statusCode, ok.body).toBe(200);
    const accepted = await storedWo(woId);
    expect(accepted).toMatchObject({ status: 'accepted', version: v + 1, on_site_at: null, done_at: null });
    expect(accepted.accepted_at).not.toBeNull();
    t.clock.advanceMinutes(1);
    const again = await weixiu.post(`/api/work-orders/${woId}/accept`, { version: accepted.version });
    expect(again.statusCode, again.body).toBe(409);
    expect(again.json().error.code).toBe('INVALID_STATE');
    expect(await storedWo(woId)).toEqual(accepted);
  });

  it('CALL-2 a step at a version the doer did not read is a 409 (VERSION_CONFLICT) and nothing is written', async () => {
    const { woId } = await repair('热水器不出热水');
    const before = await storedWo(woId);
    const res = await weixiu.post(`/api/work-orders/${woId}/arrive`, { version: before.version + 5 });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error.code).toBe('VERSION_CONFLICT');
    expect(await storedWo(woId)).toEqual(before);
  });

  it('CALL-2 completing needs the repair result (400); rejecting needs the reason (400); nothing is written by either', async () => {
    const { woId } = await repair('马桶水箱漏水');
    const before = await storedWo(woId);
    const res = await weixiu.post(`/api/work-orders/${woId}/complete`, { version: before.version, result: '' });
    expect(res.statusCode, res.body).toBe(400);
    expect(await storedWo(woId)).toEqual(before);
    t.clock.advanceMinutes(5);
    const done = await weixiu.post(`/api/work-orders/${woId}/complete`, { version: before.version, result: '更换水箱进水阀', materials: '进水阀 1 个' });
    expect(done.statusCode, done.body).toBe(200);
    const completed = await storedWo(woId);
    // Completed without an "arrive" step: he was on site when he finished.
    expect(completed).toMatchObject({ status: 'done', result: '更换水箱进水阀', verified_at: null });
    expect(completed.done_at).not.toBeNull();
    expect(completed.on_site_at).toEqual(completed.done_at);
    const reject = await kefu.post(`/api/work-orders/${woId}/reject`, { version: completed.version, reason: '' });
    expect(reject.statusCode, reject.body).toBe(400);
    expect(await storedWo(woId)).toEqual(completed);
    const verified = await kefu.post(`/api/work-orders/${woId}/verify`, { version: completed.version });
    expect(verified.statusCode, verified.body).toBe(200);
    expect((await storedWo(woId)).status).toBe('verified');
  });

  it('CALL-2 the 报修单 keeps who verified it and when, and the materials as written (none: empty); a stale step answers with the order\'s state and version', async () => {
    const { woId } = await repair('淋浴龙头滴水');
    const v0 = (await storedWo(woId)).version;
    const stale = await weixiu.post(`/api/work-orders/${woId}/complete`, { version: v0 + 2, result: '更换阀芯' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', current: { status: 'assigned', version: v0 } });
    expect((await weixiu.post(`/api/work-orders/${woId}/complete`, { version: v0, result: '更换阀芯' })).statusCode).toBe(200);
    const done = await storedWo(woId);
    expect(done).toMatchObject({ status: 'done', result: '更换阀芯', materials: null, verified_at: null, verified_by: null });
    t.clock.advanceMinutes(30);
    const verified = await kefu.post(`/api/work-orders/${woId}/verify`, { version: done.version });
    expect(verified.statusCode, verified.body).toBe(200);
    const after = await storedWo(woId);
    expect(after).toMatchObject({ status: 'verified', verified_by: await f.user('kefu') });
    expect(new Date(after.verified_at as string).getTime()).toBe(t.clock.t);
    // materials, when given, are kept as the doer wrote them
    const second = await repair('厨房龙头松动');
    const v = (await storedWo(second.woId)).version;
    expect((await weixiu.post(`/api/work-orders/${second.woId}/complete`, { version: v, result: '紧固龙头', materials: '生料带 1 卷' })).statusCode).toBe(200);
    expect(await storedWo(second.woId)).toMatchObject({ materials: '生料带 1 卷' });
  });

  it('CALL-2 another doer’s work order does not exist for a vendor (404): he cannot accept it, and nothing is written', async () => {
    const { woId } = await repair('厨房下水反味');
    const before = await storedWo(woId);
    const res = await waibu.post(`/api/work-orders/${woId}/accept`, { version: before.version });
    expect(res.statusCode, res.body).toBe(404);
    expect(await storedWo(woId)).toEqual(before);
    // and a work order that does not exist at all is the same 404 for its would-be doer, never a 500
    const none = await weixiu.post('/api/work-orders/00000000-0000-4000-8000-000000000000/accept', { version: 1 });
    expect(none.statusCode, none.body).toBe(404);
    expect(none.json().error.code).toBe('NOT_FOUND');
  });

  it('CALL-2 the writer refuses a doer\'s step out of turn itself (his grant has no state rule): 409 INVALID_STATE with its Chinese message and the order\'s state and version', async () => {
    const { woId } = await repair('卫生间地漏返水');
    const v = (await storedWo(woId)).version;
    expect((await weixiu.post(`/api/work-orders/${woId}/complete`, { version: v, result: '疏通地漏' })).statusCode).toBe(200);
    const done = await storedWo(woId);
    for (const step of ['accept', 'arrive'] as const) {
      const res = await weixiu.post(`/api/work-orders/${woId}/${step}`, { version: done.version });
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'INVALID_STATE', message: '报修单当前状态不能执行此操作', current: { status: 'done', version: done.version } });
    }
    expect(await storedWo(woId)).toEqual(done);
  });

  it('CALL-2 the repair photos are kept as the work order\'s photos; one that is not the image it claims is refused on its own index (400 body.photos.N), nothing written', async () => {
    const { woId } = await repair('阳台晾衣架松脱');
    const before = await storedWo(woId);
    const bad = await weixiu.post(`/api/work-orders/${woId}/complete`, { version: before.version, result: '重新固定晾衣架', photos: [SIGNATURE, 'data:image/png;base64,aGVsbG8gd29ybGQ='] });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json().error.fields).toEqual([{ path: 'body.photos.1', message: '图片内容与格式不符' }]);
    expect(await storedWo(woId)).toEqual(before);
    const photos = async () => rows<{ owner_type: string; kind: string; mime: string }>(t.store.db, sql`SELECT owner_type, kind, mime FROM attachments WHERE owner_id = ${woId}`);
    expect(await photos()).toEqual([]);
    const ok = await weixiu.post(`/api/work-orders/${woId}/complete`, { version: before.version, result: '重新固定晾衣架', photos: [SIGNATURE] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await photos()).toEqual([{ owner_type: 'work_order', kind: 'photo', mime: 'image/png' }]);
    const [{ photo_ids }] = await rows<{ photo_ids: string[] }>(t.store.db, sql`SELECT photo_ids FROM work_orders WHERE id = ${woId}`);
    expect(photo_ids).toHaveLength(1);
    // the desk reads it as the work order's photo
    const shown = (await kefu.get(`/api/work-orders/${woId}`)).json().photos as string[];
    expect(shown).toHaveLength(1);
    const img = await kefu.get(shown[0]);
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');
  });

  it('CALL-2 each step stamps its own moment: accepted, on site and done as they happened, none rewritten by a later step; only a reassignment names a new doer in its event', async () => {
    const { woId } = await repair('客厅灯不亮');
    t.clock.advanceMinutes(3);
    const tAccept = t.clock.t;
    expect((await weixiu.post(`/api/work-orders/${woId}/accept`, { version: await woVersion(woId) })).statusCode).toBe(200);
    t.clock.advanceMinutes(20);
    const tArrive = t.clock.t;
    expect((await weixiu.post(`/api/work-orders/${woId}/arrive`, { version: await woVersion(woId) })).statusCode).toBe(200);
    const ms = (v: unknown) => new Date(v as string).getTime();
    const onSite = await storedWo(woId);
    expect(onSite.status).toBe('on_site');
    expect([ms(onSite.accepted_at), ms(onSite.on_site_at), onSite.done_at]).toEqual([tAccept, tArrive, null]);
    t.clock.advanceMinutes(40);
    const tDone = t.clock.t;
    expect((await weixiu.post(`/api/work-orders/${woId}/complete`, { version: await woVersion(woId), result: '更换灯管' })).statusCode).toBe(200);
    const done = await storedWo(woId);
    expect([ms(done.accepted_at), ms(done.on_site_at), ms(done.done_at)]).toEqual([tAccept, tArrive, tDone]);
    const events = await rows<{ type: string; detail: Record<string, unknown> | null }>(t.store.db, sql`SELECT type, detail FROM work_order_events WHERE work_order_id = ${woId} ORDER BY at`);
    const steps = events.filter((e) => ['accept', 'arrive', 'complete'].includes(e.type));
    expect(steps.map((e) => e.type)).toEqual(['accept', 'arrive', 'complete']);
    for (const e of steps) expect(e.detail ?? {}, e.type).not.toHaveProperty('to');
    // a reassignment names the new doer
    const other = await repair('卫生间排风扇不转');
    const lingban = await Client.login(t.app, 'lingban');
    const re = await lingban.post(`/api/work-orders/${other.woId}/reassign`, { version: await woVersion(other.woId), assigneeId: await f.user('lingban') });
    expect(re.statusCode, re.body).toBe(200);
    const [moved] = await rows<{ detail: Record<string, unknown> }>(t.store.db, sql`SELECT detail FROM work_order_events WHERE work_order_id = ${other.woId} AND type = 'reassign'`);
    expect(moved.detail).toMatchObject({ to: '黄磊', from: await f.user('weixiu') });
  });

  it('CALL-2 customer service sends a done repair back with the reason (reject): it is on site again and not verified; the technician completes it again', async () => {
    const { woId } = await repair('入户门锁芯卡滞');
    expect((await weixiu.post(`/api/work-orders/${woId}/complete`, { version: await woVersion(woId), result: '润滑锁芯' })).statusCode).toBe(200);
    t.clock.advanceMinutes(15);
    const rejected = await kefu.post(`/api/work-orders/${woId}/reject`, { version: await woVersion(woId), reason: '业主反映仍然卡滞' });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(await storedWo(woId)).toMatchObject({ status: 'on_site', verified_at: null, verified_by: null });
    const [ev] = await rows<{ detail: Record<string, unknown> }>(t.store.db, sql`SELECT detail FROM work_order_events WHERE work_order_id = ${woId} AND type = 'reject'`);
    expect(ev.detail).toMatchObject({ reason: '业主反映仍然卡滞' });
    expect((await weixiu.post(`/api/work-orders/${woId}/complete`, { version: await woVersion(woId), result: '更换锁芯' })).statusCode).toBe(200);
    expect(await storedWo(woId)).toMatchObject({ status: 'done', result: '更换锁芯' });
  });

  it('CALL-3 a call record moves only at the version read: resolving at a stale version is a 409 and nothing is written', async () => {
    const call = await recordCall(kefu, t, { householdId: await f.someHousehold('2', 3), content: '咨询物业费缴费方式', categoryId: await f.cat('inquiry') });
    const before = await storedCall(call.id);
    const res = await kefu.post(`/api/calls/${call.id}/resolve`, { version: before.version + 3, note: '已解答' });
    expect(res.statusCode, res.body).toBe(409);
    // the answer tells the desk what the record is now, so the page can refresh to it
    expect(res.json().error).toMatchObject({ code: 'VERSION_CONFLICT', current: { status: 'open', version: before.version } });
    expect(await storedCall(call.id)).toEqual(before);
  });

  it('CALL-3 the call writer itself refuses a move its state table does not allow, whoever asked (a second line behind the policy): 409 with the state, nothing written', async () => {
    const call = await recordCall(kefu, t, { householdId: await f.someHousehold('2', 5), content: '咨询停车月卡办理', categoryId: await f.cat('inquiry') });
    const before = await storedCall(call.id);
    const [row] = await t.store.db.select().from(callRecords).where(eq(callRecords.id, call.id));
    // an open record cannot be closed (it must be resolved and the household told first) nor reopened
    for (const event of ['close', 'reopen'] as const) {
      const refused = await t.store.db.transaction((tx) => moveCall(tx, row, event, { at: new Date(t.clock.t), actorId: null })).then(
        () => null,
        (e: unknown) => e,
      );
      expect(refused, event).toBeInstanceOf(AppError);
      expect(refused, event).toMatchObject({ status: 409, code: 'INVALID_STATE', message: '当前状态（open）不能执行此操作', extra: { current: { status: 'open', version: before.version } } });
    }
    expect(await storedCall(call.id)).toEqual(before);
  });

  it('CALL-3 a closed record is done: its deadline timers stop, and it cannot be resolved again (409, nothing written)', async () => {
    const { callId, woId } = await repair('卧室插座没电');
    // The repair is called off (the household fixed it), then answered and closed on the spot.
    const cancelled = await kefu.post(`/api/work-orders/${woId}/cancel`, { version: await woVersion(woId), reason: '业主已自行修好' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const open = await storedCall(callId);
    // A repair has a deadline (SLA table): its clock runs while the record is open.
    expect(open.pendingTimers).toBeGreaterThan(0);
    const closed = await kefu.post(`/api/calls/${callId}/answer-close`, { version: open.version, channel: 'phone', content: '已确认无需维修', signature: SIGNATURE });
    expect(closed.statusCode, closed.body).toBe(200);
    const after = await storedCall(callId);
    expect(after).toMatchObject({ status: 'closed', pendingTimers: 0 });
    const again = await kefu.post(`/api/calls/${callId}/resolve`, { version: after.version, note: '再次处理' });
    expect(again.statusCode, again.body).toBe(409);
    expect(await storedCall(callId)).toEqual(after);
  });
});
