import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Client, STORE_KINDS } from '../testing/harness';
import { recordCall, SIGNATURE } from '../testing/desk';
import { rows } from '../db/store';
import ExcelJS from 'exceljs';
import { complaints as complaintsTable } from '../../domain/complaints/complaints.table';
import { startComplaintsSuite, type ComplaintsSuite } from '../testing/complaints.testkit';

/**
 * VISIT-1..5, CALL-8 and COMP-7 through the real server and database, with an injected clock (2026-11-26 10:00 Beijing
 * time): which handled records are visited and what a visit records, a complaint call reaching the complaint procedure,
 * and a month's complaints counted by hand.
 */
describe.each(STORE_KINDS)('complaint visits, calls and figures on %s', (kind) => {
  let t: ComplaintsSuite['t'], f: ComplaintsSuite['f'];
  let kefu: Client, zhuli: Client, zhuguan: Client, weixiu: Client;
  let base: ComplaintsSuite['base'], record: ComplaintsSuite['record'], get: ComplaintsSuite['get'], ok: ComplaintsSuite['ok'];
  let visitOf: ComplaintsSuite['visitOf'], handled: ComplaintsSuite['handled'];
  beforeAll(async () => {
    ({ t, f, kefu, zhuli, zhuguan, weixiu, base, record, get, ok, visitOf, handled } = await startComplaintsSuite(kind));
  });
  afterAll(() => t.close());

  it('VISIT-1 an invalid or unhandled complaint is not drawn; a handled one always is (100 %)', async () => {
    const invalid = await record();
    await ok(zhuli, invalid.id, 'judge', { valid: false, reason: '已解释' });
    const open = await record();
    await ok(zhuli, open.id, 'judge', { valid: true, level: 'minor' });
    expect(await visitOf(invalid.id)).toHaveLength(0);
    expect(await visitOf(open.id)).toHaveLength(0);
    const ids = [await handled(), await handled(), await handled()];
    for (const id of ids) expect(await visitOf(id)).toHaveLength(1);
  });

  it('VISIT-3 a visit records rating, comments, visitor and method; in person the household signs; bad input is refused', async () => {
    const id = await handled();
    const [v] = await visitOf(id);
    const noSig = await kefu.post(`/api/visits/${v.id}/record`, { version: v.version, rating: 'satisfied', method: 'in_person' });
    expect(noSig.statusCode).toBe(400);
    expect(noSig.json().error.fields[0]).toMatchObject({ path: 'body.signature', message: '上门回访须由业户签名' });
    const badRating = await kefu.post(`/api/visits/${v.id}/record`, { version: v.version, rating: 'ok', method: 'phone' });
    expect(badRating.statusCode).toBe(400);
    const unsatisfiedSilent = await kefu.post(`/api/visits/${v.id}/record`, { version: v.version, rating: 'unsatisfied', method: 'phone' });
    expect(unsatisfiedSilent.statusCode).toBe(400);
    expect(unsatisfiedSilent.json().error.fields[0].path).toBe('body.comments');
    expect((await weixiu.post(`/api/visits/${v.id}/record`, { version: v.version, rating: 'satisfied', method: 'phone' })).statusCode).toBe(404);
    const res = await kefu.post(`/api/visits/${v.id}/record`, { version: v.version, rating: 'fairly_satisfied', comments: '处理及时', method: 'in_person', signature: SIGNATURE });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'done', rating: 'fairly_satisfied', comments: '处理及时', method: 'in_person', visitorName: '王晓丽' });
    expect(res.json().signatureUrl).toMatch(/^\/api\/attachments\//);
    expect((await kefu.get(res.json().signatureUrl)).headers['content-type']).toBe('image/png');
    expect((await kefu.post(`/api/visits/${v.id}/record`, { version: res.json().version, rating: 'satisfied', method: 'phone' })).statusCode).toBe(409);
  });

  it('VISIT-2 VISIT-4 a verified repair is drawn (share set to 100 % here) and an unsatisfied visit becomes a complaint; a repair not yet verified is not drawn', async () => {
    const call = await recordCall(kefu, t, { householdId: await f.someHousehold('1', 6), content: '卧室插座没电', categoryId: await f.cat('plumbing'), assigneeId: await f.user('weixiu') });
    const woId = (await kefu.get(`/api/calls/${call.id}`)).json().workOrders[0].id as string;
    const wo = async () => (await kefu.get(`/api/work-orders/${woId}`)).json();
    expect((await weixiu.post(`/api/work-orders/${woId}/complete`, { version: (await wo()).version, result: '更换插座' })).statusCode).toBe(200);
    expect(await visitOf(woId)).toHaveLength(0);
    expect((await kefu.post(`/api/work-orders/${woId}/verify`, { version: (await wo()).version })).statusCode).toBe(200);
    const [v] = await visitOf(woId);
    expect(v).toMatchObject({ subjectKind: 'work_order', status: 'due' });
    const res = await kefu.post(`/api/visits/${v.id}/record`, { version: v.version, rating: 'unsatisfied', comments: '插座又坏了', method: 'phone' });
    expect(res.statusCode, res.body).toBe(200);
    const [c] = await rows<{ id: string; department: string; status: string; content: string }>(t.store.db, sql`SELECT id, department, status, content FROM complaints WHERE work_order_id = ${woId}`);
    expect(c).toMatchObject({ department: 'engineering', status: 'recorded' });
    expect(c.content).toContain('插座又坏了');
  });

  it('VISIT-5 a period shows due vs done, the visit rate against its target and the satisfaction rate', async () => {
    const day = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    t.clock.advanceMinutes(3 * 24 * 60); // a day of its own
    const today = day(t.clock.now());
    const a = await handled();
    const b = await handled();
    await handled();
    const [va] = await visitOf(a);
    const [vb] = await visitOf(b);
    await kefu.post(`/api/visits/${va.id}/record`, { version: va.version, rating: 'satisfied', method: 'phone' });
    await kefu.post(`/api/visits/${vb.id}/record`, { version: vb.version, rating: 'unsatisfied', comments: '不满意', method: 'phone' });
    const res = await zhuguan.get(`/api/visits/stats?projectId=${t.ids.p1}&from=${today}&to=${today}`);
    expect(res.statusCode, res.body).toBe(200);
    const k = res.json().kinds.find((x: { subjectKind: string }) => x.subjectKind === 'complaint');
    expect(k).toMatchObject({ due: 3, done: 2, satisfied: 1, target: 1 });
    expect(k.visitRate).toBeCloseTo(2 / 3);
    expect(k.satisfactionRate).toBeCloseTo(1 / 2);
    expect((await zhuguan.get(`/api/visits/stats?projectId=${t.ids.p1}&from=${today}&to=2020-01-01`)).statusCode).toBe(400);
    expect((await zhuguan.get(`/api/visits/stats?projectId=${t.ids.p1}&from=bad&to=${today}`)).statusCode).toBe(400);
    expect((await zhuguan.get(`/api/visits/stats?projectId=${t.ids.p3}&from=${today}&to=${today}`)).statusCode).toBe(404); // not his project: as if it did not exist
  });

  it('CALL-8 a call recorded as a complaint goes to the complaint procedure: its content and household carried over, once', async () => {
    const hh = await f.someHousehold('2', 6);
    const call = await recordCall(kefu, t, { householdId: hh, content: '投诉保洁员乱放垃圾', explicitComplaint: true });
    expect(call.class).toBe('complaint');
    const res = await kefu.post('/api/complaints', { projectId: t.ids.p1, callId: call.id, place: '2 栋楼道', department: 'environment', wants: '清走垃圾并整改' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ callId: call.id, householdId: hh, content: '投诉保洁员乱放垃圾', complainantName: '张伟明', status: 'recorded' });
    const again = await kefu.post('/api/complaints', { projectId: t.ids.p1, callId: call.id, place: '2 栋楼道', department: 'environment', wants: '清走垃圾并整改' });
    expect(again.statusCode).toBe(409);
    const repair = await recordCall(kefu, t, { householdId: await f.someHousehold('1', 7), content: '水管漏水', categoryId: await f.cat('plumbing') });
    const notComplaint = await kefu.post('/api/complaints', { projectId: t.ids.p1, callId: repair.id, place: '厨房', department: 'engineering', wants: '修好' });
    expect(notComplaint.statusCode).toBe(400);
    expect(notComplaint.json().error.fields[0].path).toBe('body.callId');
    expect((await kefu.post('/api/complaints', { projectId: t.ids.p1, callId: '00000000-0000-4000-8000-000000000000', place: '厨房', department: 'engineering', wants: '修好' })).statusCode).toBe(404);
  });

  it('CALL-8 a call recorded as a complaint is not marked done or closed on the spot before it went to the complaint procedure (400, nothing written); once its complaint is recorded it is', async () => {
    const call = await recordCall(kefu, t, { householdId: await f.someHousehold('2', 8), content: '投诉绿化修剪噪音太早', explicitComplaint: true });
    expect(call.class).toBe('complaint');
    const statusOf = async () => (await kefu.get(`/api/calls/${call.id}`)).json() as { status: string; version: number; replies: unknown[]; closeNumber: string | null };
    const resolve = await kefu.post(`/api/calls/${call.id}/resolve`, { version: call.version, note: '已处理' });
    expect(resolve.statusCode).toBe(400);
    expect(resolve.json().error.code).toBe('COMPLAINT_NOT_RECORDED');
    expect(resolve.json().error.fields[0].message).toContain('转投诉处理');
    const onTheSpot = await kefu.post(`/api/calls/${call.id}/answer-close`, { version: call.version, channel: 'phone', content: '已转告绿化班', signature: SIGNATURE });
    expect(onTheSpot.statusCode).toBe(400);
    expect(onTheSpot.json().error.code).toBe('COMPLAINT_NOT_RECORDED');
    // Nor handed to a technician or an outside unit, whose verified work would resolve it without the complaint.
    const weixiu = await f.user('weixiu');
    const toTechnician = await kefu.post(`/api/calls/${call.id}/dispatch`, { version: call.version, assigneeId: weixiu });
    expect(toTechnician.statusCode).toBe(400);
    expect(toTechnician.json().error.code).toBe('COMPLAINT_NOT_RECORDED');
    const vendor = (await rows<{ id: string }>(t.store.db, sql`SELECT id FROM vendors WHERE project_id = ${t.ids.p1} LIMIT 1`))[0].id;
    expect((await kefu.post(`/api/calls/${call.id}/dispatch`, { version: call.version, vendorId: vendor })).json().error.code).toBe('COMPLAINT_NOT_RECORDED');
    expect((await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM work_orders WHERE call_id = ${call.id}`))[0].n).toBe(0);
    // Nothing written by any refusal: still open, same version, no reply, no close-out number.
    expect(await statusOf()).toMatchObject({ status: 'open', version: call.version, replies: [], closeNumber: null });
    // Another complaint's record does not count for this call.
    const other = await recordCall(kefu, t, { householdId: await f.someHousehold('2', 9), content: '投诉电梯广告太吵', explicitComplaint: true });
    expect((await kefu.post('/api/complaints', { projectId: t.ids.p1, callId: other.id, place: '电梯', department: 'customer_service', wants: '调小音量' })).statusCode).toBe(201);
    expect((await kefu.post(`/api/calls/${call.id}/resolve`, { version: call.version, note: '已处理' })).statusCode).toBe(400);
    // Turned into its complaint, the call record is done and closed as any other.
    expect((await kefu.post('/api/complaints', { projectId: t.ids.p1, callId: call.id, place: '小区花园', department: 'environment', wants: '八点后再修剪' })).statusCode).toBe(201);
    const done = await kefu.post(`/api/calls/${call.id}/answer-close`, { version: call.version, channel: 'phone', content: '已转投诉处理，编号已告知业户', signature: SIGNATURE });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'closed' });
  });

  it('CALL-8 a call the household explicitly made a complaint is not taken out of the complaint procedure: not overridden at intake, not reclassified later (400, nothing written)', async () => {
    const hh = await f.someHousehold('2', 10);
    const before = (await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM call_records`))[0].n;
    for (const cls of ['inquiry', 'normal', 'GT']) {
      const res = await kefu.post('/api/calls', { projectId: t.ids.p1, channel: 'phone', callerName: '张伟明', callerPhone: '13812345678', urgency: 'normal', householdId: hh, content: '投诉保安态度差', explicitComplaint: true, class: cls, overrideReason: '业户只是问问' });
      expect(res.statusCode, cls).toBe(400);
      expect(res.json().error.code).toBe('COMPLAINT_STAYS');
      expect(res.json().error.fields).toEqual([{ path: 'body.class', message: '业户明确表示的投诉须转投诉处理，不能改为其他分类' }]);
    }
    expect((await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM call_records`))[0].n).toBe(before);
    // Recorded as the complaint it is: the supervisor cannot make it an inquiry and close it on the spot either.
    const call = await recordCall(kefu, t, { householdId: hh, content: '投诉保安态度差', explicitComplaint: true });
    expect(call.class).toBe('complaint');
    for (const c of [kefu, zhuguan]) {
      const res = await c.post(`/api/calls/${call.id}/reclassify`, { version: call.version, class: 'inquiry', reason: '业户只是问问' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('COMPLAINT_STAYS');
    }
    const stored = (await kefu.get(`/api/calls/${call.id}`)).json();
    expect(stored).toMatchObject({ class: 'complaint', version: call.version });
    // and the record offers no other class to anyone (the 调整分类 action is not shown)
    expect((await zhuguan.get(`/api/calls/${call.id}`)).json().abilities).toMatchObject({ markZ: false, markQGT: false, markOther: false });
    expect((await kefu.post(`/api/calls/${call.id}/answer-close`, { version: call.version, channel: 'phone', content: '已解释', signature: SIGNATURE })).json().error.code).toBe('COMPLAINT_NOT_RECORDED');
    // A call the desk made a complaint itself (not the household's word) can be made an inquiry again.
    const inquiry = await recordCall(kefu, t, { householdId: hh, content: '问物业费', categoryId: await f.cat('inquiry') });
    const made = await zhuguan.post(`/api/calls/${inquiry.id}/reclassify`, { version: inquiry.version, class: 'complaint', reason: '语气激烈，按投诉跟进' });
    expect(made.statusCode, made.body).toBe(200);
    expect(made.json().abilities).toMatchObject({ markOther: true });
    const back = await zhuguan.post(`/api/calls/${inquiry.id}/reclassify`, { version: made.json().version, class: 'inquiry', reason: '业户说明只是咨询' });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().class).toBe('inquiry');
  });

  it('COMP-7 a month counted by hand: level, department, cause and the hours from recording to closing, with the month cut at local midnight', async () => {
    // Seven complaints written straight into a past month (March 2025, Beijing time), so every figure below is counted by hand.
    const by = await f.user('kefu');
    const at = (local: string) => new Date(`${local}+08:00`);
    const base = { projectId: t.ids.p1, complainantName: '业户', occurredAt: at('2025-03-01T09:00:00'), place: '小区', content: '投诉', wants: '处理', recordedBy: by };
    const march: (typeof complaintsTable.$inferInsert)[] = [
      // judged valid and serious, security, 态度; closed 24 h after recording (judged 20 h before closing: a time-to-close from the judging would say 20)
      { ...base, number: 'TS-T7-1', department: 'security', cause: '态度', valid: true, level: 'serious', status: 'closed', createdAt: at('2025-03-01T00:30:00'), judgedAt: at('2025-03-01T04:30:00'), closedAt: at('2025-03-02T00:30:00') },
      // valid, minor, security, 态度; closed 6 h after recording
      { ...base, number: 'TS-T7-2', department: 'security', cause: '态度', valid: true, level: 'minor', status: 'closed', createdAt: at('2025-03-10T08:00:00'), judgedAt: at('2025-03-10T09:00:00'), closedAt: at('2025-03-10T14:00:00') },
      // valid, minor, engineering, 维修质量; still open
      { ...base, number: 'TS-T7-3', department: 'engineering', cause: '维修质量', valid: true, level: 'minor', status: 'in_progress', createdAt: at('2025-03-15T10:00:00') },
      // judged invalid: no level, no cause
      { ...base, number: 'TS-T7-4', department: 'environment', valid: false, invalidReason: '不属物业责任', status: 'invalid', createdAt: at('2025-03-20T10:00:00') },
      // not judged yet, recorded at 23:30 on the last evening of March (15:30 UTC): March's
      { ...base, number: 'TS-T7-5', department: 'engineering', status: 'recorded', createdAt: at('2025-03-31T23:30:00') },
      // ten past midnight on 1 April (16:10 UTC on 31 March): April's, not March's
      { ...base, number: 'TS-T7-6', department: 'security', cause: '态度', valid: true, level: 'major', status: 'recorded', createdAt: at('2025-04-01T00:10:00') },
      // another estate's complaint in the same month, closed: none of p1's figures
      { ...base, projectId: t.ids.p3, number: 'TS-T7-7', department: 'security', cause: '态度', valid: true, level: 'major', status: 'closed', createdAt: at('2025-03-05T10:00:00'), judgedAt: at('2025-03-05T11:00:00'), closedAt: at('2025-03-08T10:00:00') },
    ];
    await t.store.db.insert(complaintsTable).values(march);
    const res = await zhuguan.get(`/api/complaints/analysis?projectId=${t.ids.p1}&month=2025-03`);
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json();
    const counts = (list: { key: string; count: number }[]) => Object.fromEntries(list.map((g) => [g.key, g.count]));
    expect(a).toMatchObject({ month: '2025-03', total: 5, valid: 3, invalid: 1, closed: 2, avgHoursToClose: 15 });
    expect(counts(a.byLevel)).toEqual({ minor: 2, serious: 1 });
    expect(counts(a.byDepartment)).toEqual({ security: 2, engineering: 2, environment: 1 });
    expect(counts(a.byCause)).toEqual({ 态度: 2, 维修质量: 1, '': 2 });
    const april = (await zhuguan.get(`/api/complaints/analysis?projectId=${t.ids.p1}&month=2025-04`)).json();
    expect(april).toMatchObject({ total: 1, valid: 1, closed: 0, avgHoursToClose: null });
    expect(counts(april.byLevel)).toEqual({ major: 1 });
  });

  it('COMP-7 the month’s complaints are counted by level, department and cause, with their time to close', async () => {
    // This month's complaints of its own (the other tests of this file add theirs): three handled by security (one of
    // them closed), one judged invalid, two waiting (one of them engineering's).
    for (let i = 0; i < 2; i++) await handled();
    await ok(zhuli, (await record()).id, 'judge', { valid: false, reason: '快递进门须登记，已向业户解释规定并协助联系快递员' });
    // one closed two hours after it was recorded: its return visit found the household satisfied
    const closing = await handled();
    t.clock.advanceMinutes(120);
    const [v] = await visitOf(closing);
    expect((await kefu.post(`/api/visits/${v.id}/record`, { version: v.version, rating: 'satisfied', method: 'phone' })).statusCode).toBe(200);
    await record();
    await record({ department: 'engineering' });
    const res = await zhuguan.get(`/api/complaints/analysis?projectId=${t.ids.p1}&month=2026-11`);
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json();
    const [db] = await rows<{ total: number; invalid: number; closed: number; major: number; security: number }>(
      t.store.db,
      sql`SELECT count(*)::int AS total, count(*) FILTER (WHERE valid = false)::int AS invalid, count(*) FILTER (WHERE closed_at IS NOT NULL)::int AS closed,
            count(*) FILTER (WHERE level = 'major')::int AS major, count(*) FILTER (WHERE department = 'security')::int AS security
          FROM complaints WHERE project_id = ${t.ids.p1} AND created_at >= '2026-10-31T16:00:00Z' AND created_at < '2026-11-30T16:00:00Z'`,
    );
    expect(a.total).toBe(db.total);
    expect(a.total).toBeGreaterThan(5);
    expect(a.invalid).toBe(db.invalid);
    expect(a.closed).toBe(db.closed);
    expect(a.byLevel.find((x: { key: string }) => x.key === 'major')?.count ?? 0).toBe(db.major);
    expect(a.byDepartment.find((x: { key: string }) => x.key === 'security').count).toBe(db.security);
    expect(db.closed).toBeGreaterThan(0);
    expect(a.avgHoursToClose).toBeGreaterThan(0);
    // the same month as an Excel workbook: one row per complaint, the analysis beside it, no contact data
    const x = await zhuguan.get(`/api/complaints/analysis.xlsx?projectId=${t.ids.p1}&month=2026-11`);
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet('投诉登记')!.rowCount).toBe(db.total + 1);
    expect(wb.getWorksheet('月度分析')!.getRow(2).getCell(2).value).toBe(db.total);
    const text = JSON.stringify(wb.getWorksheet('投诉登记')!.getSheetValues());
    expect(text).not.toContain('13812340000');
    // times are real Excel dates (sortable, filterable), not text
    const registered = wb.getWorksheet('投诉登记')!.getRow(2).getCell(2);
    expect(registered.value).toBeInstanceOf(Date);
    expect(registered.numFmt).toBe('yyyy-mm-dd hh:mm');
    expect((await kefu.get(`/api/complaints/analysis.xlsx?projectId=${t.ids.p1}&month=2026-11`)).statusCode).toBe(404);
    expect((await kefu.get(`/api/complaints/analysis?projectId=${t.ids.p1}&month=2026-11`)).statusCode).toBe(404);
    expect((await zhuguan.get(`/api/complaints/analysis?projectId=${t.ids.p1}&month=2026-13`)).statusCode).toBe(400);
  });

  // Last: it moves the clock two days on.
  it('CALL-8 the two-day GT check leaves a complaint a complaint (it would otherwise let it close as a coordination item)', async () => {
    const call = await recordCall(kefu, t, { householdId: await f.someHousehold('2', 11), content: '投诉楼上装修噪音', explicitComplaint: true });
    expect(call.class).toBe('complaint');
    const gtChecks = async (status: string) => (await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM timers WHERE subject_id = ${call.id} AND kind = 'gt_check' AND status = ${status}`))[0].n;
    expect(await gtChecks('pending')).toBe(1);
    t.clock.advanceMinutes(2 * 24 * 60 + 1);
    await t.app.desk.timers.tick();
    await t.app.desk.timers.tick();
    expect(await gtChecks('fired')).toBe(1);
    const after = (await kefu.get(`/api/calls/${call.id}`)).json();
    expect(after.class).toBe('complaint');
    expect(after.events.map((e: { type: string }) => e.type)).not.toContain('auto_gt');
    // and it still cannot be finished before its complaint is recorded
    expect((await kefu.post(`/api/calls/${call.id}/resolve`, { version: after.version, note: '已处理' })).json().error.code).toBe('COMPLAINT_NOT_RECORDED');
  });
});
