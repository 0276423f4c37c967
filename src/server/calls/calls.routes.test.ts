import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Client, STORE_KINDS, startTestApp, type TestApp } from '../testing/harness';
import { deskFixture, recordCall, SIGNATURE } from '../testing/desk';
import { rows } from '../db/store';

describe.each(STORE_KINDS)('来电来访 intake and close-out on %s', (kind) => {
  let t: TestApp;
  let kefu: Client;
  let zhuli: Client;
  let f: Awaited<ReturnType<typeof deskFixture>>;
  beforeAll(async () => {
    t = await startTestApp(kind);
    kefu = await Client.login(t.app, 'kefu');
    zhuli = await Client.login(t.app, 'zhuli');
    f = await deskFixture(t);
  });
  afterAll(() => t.close());

  it('CALL-1 a call is recorded with when, who, which unit, how, what and by whom, under a readable number', async () => {
    const hid = await f.household('3-2-1502');
    const call = await recordCall(kefu, t, { householdId: hid, content: '询问物业费缴费方式', categoryId: await f.cat('inquiry') });
    expect(call.number).toMatch(/^LD\d{8}-\d{4}$/);
    const detail = (await kefu.get(`/api/calls/${call.id}`)).json();
    expect(detail).toMatchObject({ channel: 'phone', callerName: '张伟明', content: '询问物业费缴费方式', class: 'inquiry', status: 'open', unitCode: '3-2-1502', categoryLabel: '咨询' });
    expect(new Date(detail.receivedAt).toISOString()).toBe(t.clock.now().toISOString());
    expect(detail.unitId).toBeTruthy();
    expect(detail.events[0]).toMatchObject({ type: 'recorded', actorName: '王晓丽' });
  });

  it('ARC-12 the caller’s phone on a call record leaves the server masked', async () => {
    const call = await recordCall(kefu, t, { householdId: await f.household('3-2-1502'), content: '咨询停车位', categoryId: await f.cat('inquiry') });
    expect(call.callerPhone).toBe('138****5678');
    const res = await kefu.get(`/api/calls/${call.id}`);
    expect(res.body).not.toContain('13812345678');
  });

  it('CALL-5 the desk sees Z proposed with its reason before saving', async () => {
    const res = await kefu.post('/api/calls/classify', { projectId: t.ids.p1, householdId: await f.household('3-2-1502'), categoryId: await f.cat('plumbing') });
    expect(res.statusCode).toBe(200);
    expect(res.json().class).toBe('Z');
    expect(res.json().reason).toContain('保修至 2027-06-29');
    expect(res.json().scopeNote).toContain('开发商');
  });

  it('CALL-5 a leaking pipe in warranty is marked Z, numbered and dispatched to the designated engineer', async () => {
    const call = await recordCall(kefu, t, { householdId: await f.household('3-2-1502'), content: '厨房水管漏水', categoryId: await f.cat('plumbing') });
    expect(call.class).toBe('Z');
    expect(call.status).toBe('in_progress');
    const detail = (await kefu.get(`/api/calls/${call.id}`)).json();
    expect(detail.workOrders).toHaveLength(1);
    expect(detail.workOrders[0]).toMatchObject({ kind: 'Z', assigneeName: '郭工(开发商)', status: 'assigned' });
    expect(detail.workOrders[0].number).toMatch(/^BX\d{8}-\d{4}$/);
  });

  it('CALL-3 a record closes only when done, replied to, signed and numbered; the server refuses anything less', async () => {
    const call = await recordCall(kefu, t, { householdId: await f.household('3-2-1502'), content: '卫生间地漏返水', categoryId: await f.cat('plumbing') });
    const gcs = await Client.login(t.app, 'gongchengshi');
    const woId = (await kefu.get(`/api/calls/${call.id}`)).json().workOrders[0].id;
    // not done yet
    let c = (await kefu.get(`/api/calls/${call.id}`)).json();
    expect((await kefu.post(`/api/calls/${call.id}/close`, { version: c.version, signature: SIGNATURE })).statusCode).toBe(409);
    let wo = (await gcs.get(`/api/work-orders/${woId}`)).json();
    expect((await gcs.post(`/api/work-orders/${woId}/complete`, { version: wo.version, result: '更换地漏存水弯' })).statusCode).toBe(200);
    wo = (await kefu.get(`/api/work-orders/${woId}`)).json();
    expect((await kefu.post(`/api/work-orders/${woId}/verify`, { version: wo.version })).statusCode).toBe(200);
    c = (await kefu.get(`/api/calls/${call.id}`)).json();
    expect(c.status).toBe('resolved');
    // done but not replied
    const noReply = await kefu.post(`/api/calls/${call.id}/close`, { version: c.version, signature: SIGNATURE });
    expect(noReply.statusCode).toBe(400);
    expect(noReply.json().error.fields[0].message).toContain('答复业户');
    expect((await kefu.post(`/api/calls/${call.id}/replies`, { channel: 'phone', content: '已修好，请业主确认', final: true })).statusCode).toBe(201);
    c = (await kefu.get(`/api/calls/${call.id}`)).json();
    // replied but no signature, or a 'signature' that is no image
    expect((await kefu.post(`/api/calls/${call.id}/close`, { version: c.version, signature: '' })).statusCode).toBe(400);
    const fake = await kefu.post(`/api/calls/${call.id}/close`, { version: c.version, signature: `data:image/png;base64,${Buffer.from('<script>').toString('base64')}` });
    expect(fake.statusCode).toBe(400);
    expect(fake.json().error.fields[0].message).toBe('图片内容与格式不符');
    // Alerts about this record and its work order are unread until it closes; another record's stay unread after.
    const other = await recordCall(kefu, t, { householdId: await f.household('3-2-1502'), content: '厨房下水慢', categoryId: await f.cat('plumbing') });
    const otherWo = (await kefu.get(`/api/calls/${other.id}`)).json().workOrders[0].id;
    const unread = async (link: string) => (await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM notifications WHERE link = ${link} AND read_at IS NULL`))[0].n;
    expect(await unread(`/tasks/${woId}`)).toBeGreaterThan(0);
    expect(await unread(`/calls/${call.id}`)).toBeGreaterThan(0);
    expect(await unread(`/tasks/${otherWo}`)).toBeGreaterThan(0);
    const closed = await kefu.post(`/api/calls/${call.id}/close`, { version: c.version, signature: SIGNATURE });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', progress: '已完成' });
    expect(await unread(`/tasks/${woId}`)).toBe(0);
    expect(await unread(`/calls/${call.id}`)).toBe(0);
    expect(await unread(`/tasks/${otherWo}`)).toBeGreaterThan(0);
    expect(closed.json().closeNumber).toMatch(/^XX\d{8}-\d{4}$/);
    const final = (await kefu.get(`/api/calls/${call.id}`)).json();
    expect(final.signature).toMatch(/^\/api\/attachments\/[0-9a-f-]{36}$/);
    const img = await kefu.get(final.signature);
    expect(img.headers['content-type']).toBe('image/png');
    expect(img.rawPayload.equals(Buffer.from(SIGNATURE.split(',')[1], 'base64'))).toBe(true);
    // the signature is the record's: someone who may not read the record cannot fetch it
    const baoan = await Client.login(t.app, 'baoan');
    expect((await baoan.get(final.signature)).statusCode).toBe(404);
    // a closed record takes no more replies
    expect((await kefu.post(`/api/calls/${call.id}/replies`, { channel: 'phone', content: '再次回访', final: false })).statusCode).toBe(409);
  });

  it('CALL-9 every reply is recorded: when, how, who, what', async () => {
    const call = await recordCall(kefu, t, { householdId: await f.someHousehold('5', 1), content: '楼道灯不亮', categoryId: await f.cat('public') });
    t.clock.advanceMinutes(5);
    await zhuli.post(`/api/calls/${call.id}/replies`, { channel: 'sms', content: '已安排维修，今天下午处理', final: false });
    const d = (await kefu.get(`/api/calls/${call.id}`)).json();
    expect(d.replies).toHaveLength(1);
    expect(d.replies[0]).toMatchObject({ channel: 'sms', content: '已安排维修，今天下午处理', byName: '陈敏', final: false });
    expect(new Date(d.replies[0].at).toISOString()).toBe(t.clock.now().toISOString());
  });

  it('CALL-9 an incomplete record, an empty reply and a chase with nothing to chase are refused with the field named in Chinese, and nothing is written', async () => {
    const hid = await f.someHousehold('5', 2);
    const count = async () => (await kefu.get(`/api/calls?projectId=${t.ids.p1}&pageSize=1`)).json().total as number;
    const before = await count();
    const noContent = await kefu.post('/api/calls', { projectId: t.ids.p1, channel: 'phone', callerName: '张伟明', callerPhone: '13812345678', urgency: 'normal', householdId: hid, content: '' });
    expect(noContent.statusCode).toBe(400);
    expect(noContent.json().error.fields.map((e: { path: string }) => e.path)).toContain('body.content');
    const noCaller = await kefu.post('/api/calls', { projectId: t.ids.p1, channel: 'phone', callerName: '', urgency: 'normal', householdId: hid, content: '楼道灯不亮' });
    expect(noCaller.statusCode).toBe(400);
    expect(noCaller.json().error.fields.map((e: { path: string }) => e.path)).toContain('body.callerName');
    expect(await count()).toBe(before);
    const call = await recordCall(kefu, t, { householdId: hid, content: '楼道灯不亮', categoryId: await f.cat('public') });
    const empty = await kefu.post(`/api/calls/${call.id}/replies`, { channel: 'phone', content: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields[0].path).toBe('body.content');
    expect(empty.json().error.fields[0].message).toMatch(/[\u4e00-\u9fff]/);
    expect((await kefu.post(`/api/calls/${call.id}/replies`, { channel: 'pigeon', content: '已安排' })).statusCode).toBe(400);
    const chase = await kefu.post(`/api/calls/${call.id}/chase`, { note: '请尽快' });
    expect(chase.statusCode).toBe(400);
    expect(chase.json().error.fields[0].message).toBe('没有待催办的报修单');
    const d = (await kefu.get(`/api/calls/${call.id}`)).json();
    expect(d.replies).toEqual([]);
    expect(d.events.filter((e: { type: string }) => e.type === 'chase' || e.type === 'reply')).toEqual([]);
    expect(d.version).toBe(call.version);
  });

  it('CALL-2 an out-of-warranty repair is normal: the specialist fills a 报修单 for the technician, status flows back onto the record', async () => {
    const weixiuId = await f.user('weixiu');
    const call = await recordCall(kefu, t, { householdId: await f.someHousehold('1', 2), content: '阳台水管爆裂', categoryId: await f.cat('plumbing'), assigneeId: weixiuId, urgency: 'urgent' });
    expect(call.class).toBe('normal');
    expect(call.classReason).toContain('届满');
    const weixiu = await Client.login(t.app, 'weixiu');
    const mine = (await weixiu.get('/api/work-orders?mine=1')).json().items;
    const wo = mine.find((w: { callId: string }) => w.callId === call.id);
    expect(wo).toBeTruthy();
    expect(wo.callerName).toBe('张**');
    expect(wo.callerPhone).toBe('138****5678');
    for (const [step, body] of [['accept', {}], ['arrive', {}], ['complete', { result: '更换 DN20 管段', materials: 'PPR 管 1 米', photos: [SIGNATURE] }]] as const) {
      const cur = (await weixiu.get(`/api/work-orders/${wo.id}`)).json();
      const res = await weixiu.post(`/api/work-orders/${wo.id}/${step}`, { version: cur.version, ...body });
      expect(res.statusCode, res.body).toBe(200);
    }
    const photos = (await weixiu.get(`/api/work-orders/${wo.id}`)).json().photos;
    expect(photos).toHaveLength(1);
    expect((await kefu.get(photos[0])).headers['content-type']).toBe('image/png');
    let d = (await kefu.get(`/api/calls/${call.id}`)).json();
    expect(d.progress).toContain('已完工：更换 DN20 管段');
    expect(d.status).toBe('in_progress');
    const cur = (await zhuli.get(`/api/work-orders/${wo.id}`)).json();
    expect((await zhuli.post(`/api/work-orders/${wo.id}/verify`, { version: cur.version })).statusCode).toBe(200);
    d = (await kefu.get(`/api/calls/${call.id}`)).json();
    expect(d.status).toBe('resolved');
    expect(d.progress).toContain('已验收');
  });

  it('CALL-2 only the assignee reports a work order’s steps; another technician gets 404', async () => {
    const call = await recordCall(kefu, t, { householdId: await f.someHousehold('1', 3), content: '马桶水箱漏水', categoryId: await f.cat('plumbing'), assigneeId: await f.user('weixiu') });
    const woId = (await kefu.get(`/api/calls/${call.id}`)).json().workOrders[0].id;
    const lingban = await Client.login(t.app, 'lingban');
    const gcs = await Client.login(t.app, 'gongchengshi');
    expect((await gcs.get(`/api/work-orders/${woId}`)).statusCode).toBe(404);
    expect((await gcs.post(`/api/work-orders/${woId}/accept`, { version: 1 })).statusCode).toBe(404);
    // the engineering lead sees it and can reassign it to himself
    const wo = (await lingban.get(`/api/work-orders/${woId}`)).json();
    const re = await lingban.post(`/api/work-orders/${woId}/reassign`, { version: wo.version, assigneeId: await f.user('lingban') });
    expect(re.statusCode, re.body).toBe(200);
    const ev = (await lingban.get(`/api/work-orders/${woId}`)).json().events.map((e: { type: string }) => e.type);
    expect(ev).toEqual(['assigned', 'reassign']);
  });

  it('ARC-11 a technician who must reach the household asks the front desk, which calls on his behalf; he never gets the number', async () => {
    const call = await recordCall(kefu, t, { householdId: await f.household('3-2-1502'), content: '厨房水龙头滴水', categoryId: await f.cat('public'), assigneeId: await f.user('weixiu') });
    const weixiu = await Client.login(t.app, 'weixiu');
    const woId = (await kefu.get(`/api/calls/${call.id}`)).json().workOrders[0].id;
    const detail = await weixiu.get(`/api/work-orders/${woId}`);
    expect(detail.body).not.toContain('13812345678');
    expect(detail.json().abilities.requestCall).toBe(true);
    const res = await weixiu.post(`/api/work-orders/${woId}/call-request`, { note: '需与业主约上门时间' });
    expect(res.statusCode).toBe(200);
    const qiantai = await Client.login(t.app, 'qiantai');
    const bell = (await qiantai.get('/api/notifications')).json().items;
    expect(bell.find((n: { type: string; link: string }) => n.type === 'call.request' && n.link === `/calls/${call.id}`)).toBeTruthy();
    // the front desk reveals the number through the audited reveal and calls
    const hh = (await qiantai.get(`/api/households/${await f.household('3-2-1502')}`)).json();
    const owner = hh.persons.find((p: { relation: string }) => p.relation === 'owner');
    expect((await qiantai.post(`/api/persons/${owner.id}/reveal`, { field: 'phone', reason: `代工程维护员联系业主 ${call.number}` })).json().value).toBe('13812345678');
    // the household register stays closed to the technician
    expect((await weixiu.get(`/api/households/${await f.household('3-2-1502')}`)).statusCode).toBe(404);
  });

  it('CALL-7 a matter needing coordination is marked GT', async () => {
    const call = await recordCall(kefu, t, { householdId: await f.someHousehold('2', 4), content: '楼上夜间噪音', categoryId: await f.cat('neighbour') });
    expect(call.class).toBe('GT');
  });

  it('CALL-8 an explicit complaint becomes a complaint record, numbered and listed', async () => {
    const call = await recordCall(kefu, t, { householdId: await f.someHousehold('2', 5), content: '投诉保安态度差', explicitComplaint: true });
    expect(call.class).toBe('complaint');
    const list = (await kefu.get(`/api/calls?projectId=${t.ids.p1}&class=complaint`)).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(call.id);
  });

  it('staff override the proposed class only with a reason, by the role the manual names, and the override is audited', async () => {
    const hid = await f.household('3-2-1502');
    const noReason = await kefu.post('/api/calls', { projectId: t.ids.p1, channel: 'visit', callerName: '张伟明', content: '热水器不出热水', householdId: hid, categoryId: await f.cat('plumbing'), class: 'normal' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0].path).toBe('body.overrideReason');
    // Q and GT are marked by the assistant, not the specialist
    const specialistQ = await kefu.post('/api/calls', { projectId: t.ids.p1, channel: 'visit', callerName: '张伟明', content: '热水器不出热水', householdId: hid, categoryId: await f.cat('plumbing'), class: 'Q', overrideReason: '实为热水器问题' });
    expect(specialistQ.statusCode).toBe(403);
    const ok = await zhuli.post('/api/calls', { projectId: t.ids.p1, channel: 'visit', callerName: '张伟明', content: '热水器不出热水', householdId: hid, categoryId: await f.cat('plumbing'), class: 'Q', overrideReason: '实为热水器问题' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ class: 'Q', proposedClass: 'Z', overrideReason: '实为热水器问题' });
    const [a] = await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'call.class_override' AND entity_id = ${ok.json().id}`);
    expect(a.n).toBe(1);
  });

  it('a retried submission with the same idempotency key creates one record', async () => {
    const body = { householdId: await f.household('3-2-1502'), content: '门禁卡失效', categoryId: await f.cat('inquiry'), idempotencyKey: 'desk-1-abcdef01' };
    const [a, b] = await Promise.all([recordCall(kefu, t, body), recordCall(kefu, t, body)]);
    expect(a.id).toBe(b.id);
    const [n] = await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM call_records WHERE idempotency_key = 'desk-1-abcdef01'`);
    expect(n.n).toBe(1);
  });

  it('CALL-1 an idempotency key is the user’s own: another desk’s same key makes its own record, and the same key with another body is a 409', async () => {
    const hid = await f.household('3-2-1502');
    const body = { projectId: t.ids.p1, channel: 'phone', callerName: '张伟明', householdId: hid, content: '楼道灯不亮', categoryId: await f.cat('inquiry'), idempotencyKey: 'shared-key-0001' };
    const first = await kefu.post('/api/calls', body);
    expect(first.statusCode).toBe(201);
    const retry = await kefu.post('/api/calls', body);
    expect(retry.statusCode).toBe(200);
    expect(retry.json().id).toBe(first.json().id);
    // Another user with the same key does not receive kefu's call: the key is scoped to its user.
    const other = await zhuli.post('/api/calls', body);
    expect(other.statusCode).toBe(201);
    expect(other.json().id).not.toBe(first.json().id);
    // The same key with a different body is refused, and nothing is written.
    const changed = await kefu.post('/api/calls', { ...body, content: '电梯异响' });
    expect(changed.statusCode).toBe(409);
    expect(changed.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const [n] = await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM call_records WHERE idempotency_key = 'shared-key-0001'`);
    expect(n.n).toBe(2);
  });

  it('two desks acting on one item: one wins, the other gets 409 and sees the new state', async () => {
    const call = await recordCall(kefu, t, { householdId: await f.someHousehold('6', 6), content: '信箱锁坏', categoryId: await f.cat('inquiry') });
    const [x, y] = await Promise.all([
      kefu.post(`/api/calls/${call.id}/resolve`, { version: call.version, note: '已告知自行更换' }),
      zhuli.post(`/api/calls/${call.id}/resolve`, { version: call.version, note: '已安排更换' }),
    ]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([200, 409]);
    const loser = x.statusCode === 409 ? x : y;
    expect(loser.json().error.current.status).toBeDefined();
  });

  it('bad intake input is a 400 with Chinese field messages and writes nothing', async () => {
    const [before] = await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM call_records`);
    const res = await kefu.post('/api/calls', { projectId: t.ids.p1, channel: 'fax', callerName: '', content: 'x', callerPhone: '12' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((x: { path: string }) => x.path)).toEqual(expect.arrayContaining(['body.channel', 'body.callerName', 'body.content', 'body.callerPhone']));
    const other = await kefu.post('/api/calls', { projectId: t.ids.p3, channel: 'phone', callerName: '外人', content: '外部项目的报修' });
    expect(other.statusCode).toBe(404);
    const [after] = await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM call_records`);
    expect(after.n).toBe(before.n);
  });

  it('CALL-11 a Q item goes to the outside unit\'s own account with the time it promised; the desk sees the unit and its deadline, chases reach it, and an unknown or another estate\'s unit is refused', async () => {
    const waibu = await Client.login(t.app, 'waibu');
    const vendors = (await kefu.get(`/api/vendors?projectId=${t.ids.p1}`)).json().items as { id: string; name: string; category: string; promisedMinutes: number }[];
    const broadband = vendors.find((v) => v.category === 'broadband')!;
    const call = await recordCall(kefu, t, { householdId: await f.someHousehold('6', 3), content: '宽带一直断线', categoryId: await f.cat('broadband') });
    expect(call.class).toBe('Q');
    const d = (await kefu.get(`/api/calls/${call.id}`)).json();
    expect(d.workOrders).toHaveLength(1);
    expect(d.workOrders[0].assigneeName ?? d.workOrders[0].vendorName).toBe(broadband.name);
    const wo = (await waibu.get('/api/work-orders')).json().items.find((w: { callId: string }) => w.callId === call.id);
    expect(wo).toBeDefined();
    expect(new Date(wo.dueAt).getTime() - new Date(call.receivedAt).getTime()).toBe(broadband.promisedMinutes * 60_000);
    const chased = await kefu.post(`/api/calls/${call.id}/chase`, { note: '业主在家等候' });
    expect(chased.statusCode, chased.body).toBe(200);
    const notes = await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = 'waibu' AND n.type = 'work_order.chase' AND n.link = ${`/tasks/${wo.id}`}`);
    expect(notes[0].n).toBe(1);
    // coordinating with a unit the estate does not have is refused, nothing written
    const other = await recordCall(kefu, t, { householdId: await f.someHousehold('6', 4), content: '楼道灯不亮', categoryId: await f.cat('public') });
    const unknown = await zhuli.post(`/api/calls/${other.id}/dispatch`, { version: other.version, vendorId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields[0]).toMatchObject({ path: 'body.vendorId', message: '外联单位不存在' });
    const [foreign] = await rows<{ id: string }>(t.store.db, sql`SELECT id FROM vendors WHERE project_id <> ${t.ids.p1} LIMIT 1`);
    expect(foreign).toBeDefined();
    const elsewhere = await zhuli.post(`/api/calls/${other.id}/dispatch`, { version: other.version, vendorId: foreign.id });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().error.fields[0].path).toBe('body.vendorId');
    expect((await kefu.get(`/api/calls/${other.id}`)).json().workOrders).toEqual([]);
  });

  it('CALL-12 the desk is shown whose responsibility the matter is — the chosen category\'s own scope — before saving and on the record, and nothing for a record without a category', async () => {
    const hid = await f.household('3-2-1502');
    const preview = async (code: string) => (await kefu.post('/api/calls/classify', { projectId: t.ids.p1, householdId: hid, categoryId: await f.cat(code) })).json().scopeNote as string;
    // The scope of the manual's own examples, written by hand: pipes within warranty are the developer's, materials the household's; lamps and appliances the household's own.
    const pipes = await preview('plumbing');
    expect(pipes).toContain('保修期内由开发商保修');
    expect(pipes).toContain('材料费由业户承担');
    const wiring = await preview('electrical');
    expect(wiring).toContain('灯具、电器由业户自理');
    expect(wiring).not.toContain('材料费');
    const call = await recordCall(kefu, t, { householdId: hid, content: '卧室插座没电', categoryId: await f.cat('electrical') });
    const detail = (await kefu.get(`/api/calls/${call.id}`)).json();
    expect(detail.categoryLabel).toBe('户内电路故障');
    expect(detail.scopeNote).toBe(wiring);
    const bare = await recordCall(kefu, t, { householdId: hid, content: '想了解一下小区活动' });
    expect((await kefu.get(`/api/calls/${bare.id}`)).json()).toMatchObject({ categoryLabel: null, scopeNote: null });
  });

  it('CALL-12 each category carries whose responsibility it is, to explain to the household', async () => {
    const cats = (await kefu.get(`/api/service-categories?projectId=${t.ids.p1}`)).json().items;
    expect(cats.length).toBeGreaterThan(10);
    expect(cats.every((c: { scopeNote: string | null }) => c.scopeNote && c.scopeNote.length > 3)).toBe(true);
  });
});
