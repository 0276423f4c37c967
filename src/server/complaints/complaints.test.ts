import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Client, STORE_KINDS } from '../testing/harness';
import { rows } from '../db/store';
import { scheduleTimers } from '../deadlines/timers';
import { startComplaintsSuite, type ComplaintsSuite } from '../testing/complaints.testkit';

/**
 * COMP-1..6 through the real server and database, with an injected clock (2026-11-26 10:00 Beijing time, 02:00 UTC).
 * Expected access is written from SPEC.md: customer service records and tells the household, the assistant/supervisor
 * judges, the department's head signs and returns; a technician has no business with complaints. Return visits, CALL-8
 * and the month's figures: complaint-visits.test.ts.
 */
describe.each(STORE_KINDS)('complaints on %s', (kind) => {
  let t: ComplaintsSuite['t'];
  let kefu: Client, zhuli: Client, zhuguan: Client, lingban: Client, banzhang: Client, weixiu: Client;
  let base: ComplaintsSuite['base'], record: ComplaintsSuite['record'], get: ComplaintsSuite['get'], step: ComplaintsSuite['step'], ok: ComplaintsSuite['ok'];
  let notes: ComplaintsSuite['notes'], visitOf: ComplaintsSuite['visitOf'], handled: ComplaintsSuite['handled'];
  beforeAll(async () => {
    ({ t, kefu, zhuli, zhuguan, lingban, banzhang, weixiu, base, record, get, step, ok, notes, visitOf, handled } = await startComplaintsSuite(kind));
  });
  afterAll(() => t.close());

  it('COMP-1 a complaint is recorded at once with what, where, whom and what the household wants; the phone leaves masked', async () => {
    const c = await record();
    expect(c).toMatchObject({ status: 'recorded', department: 'security', place: '3 栋大堂', aboutPerson: '夜班保安', wants: '保安当面道歉', valid: null, level: null });
    expect(c.number).toMatch(/^TS20261126-\d{4}$/);
    expect(c.complainantPhone).not.toBe('13812340000');
    expect(c.complainantPhone).toMatch(/\*/);
    const [a] = await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'complaint.record' AND entity_id = ${c.id}`);
    expect(a.n).toBe(1);
  });

  it('COMP-1 refuses a complaint without place, department or the household’s wish (400, Chinese field messages); a technician may not record one (404)', async () => {
    const res = await kefu.post('/api/complaints', { projectId: t.ids.p1, complainantName: '李秀英', content: '态度差' });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields as { path: string; message: string }[];
    const paths = fields.map((x) => x.path);
    expect(paths).toEqual(expect.arrayContaining(['body.place', 'body.department', 'body.wants']));
    for (const x of fields) expect(x.message).toMatch(/[\u4e00-\u9fa5]/);
    const noContent = await kefu.post('/api/complaints', base({ content: undefined }));
    expect(noContent.statusCode).toBe(400);
    expect(noContent.json().error.fields.map((x: { path: string }) => x.path)).toContain('body.content');
    expect((await weixiu.post('/api/complaints', base())).statusCode).toBe(404);
    expect((await weixiu.get('/api/complaints')).statusCode).toBe(404);
    // another company's project: not his
    expect((await kefu.post('/api/complaints', base({ projectId: t.ids.p3 }))).statusCode).toBe(404);
  });

  it('COMP-1 an invalid complaint needs the explanation given to the household, and then goes no further', async () => {
    const c = await record();
    const noReason = await step(zhuli, c.id, 'judge', { valid: false });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0]).toMatchObject({ path: 'body.reason' });
    const judged = await ok(zhuli, c.id, 'judge', { valid: false, reason: '快递进门须登记，已向业户解释规定并协助联系快递员' });
    expect(judged).toMatchObject({ status: 'invalid', valid: false, invalidReason: '快递进门须登记，已向业户解释规定并协助联系快递员' });
    expect((await step(banzhang, c.id, 'sign')).statusCode).toBe(409);
    expect((await step(zhuli, c.id, 'judge', { valid: true, level: 'minor' })).statusCode).toBe(409);
  });

  it('COMP-1 a valid complaint needs its level; a specialist does not judge (404)', async () => {
    const c = await record();
    const noLevel = await step(zhuli, c.id, 'judge', { valid: true });
    expect(noLevel.statusCode).toBe(400);
    expect(noLevel.json().error.fields[0]).toMatchObject({ path: 'body.level', message: '请选择投诉级别' });
    expect((await step(kefu, c.id, 'judge', { valid: true, level: 'minor' })).statusCode).toBe(404); // the route is not for his role
    expect((await step(zhuli, c.id, 'judge', { valid: true, level: 'urgent' })).statusCode).toBe(400);
  });

  it('COMP-2 major by the end of the day to the centre manager, serious within 1 hour, minor in 2 days or by the household’s date', async () => {
    const now = t.clock.now();
    const major = await record();
    const serious = await record();
    const minor = await record();
    const wanted = new Date(now.getTime() + 5 * 3600_000).toISOString();
    const minorDated = await record({ wantedBy: wanted });
    expect((await ok(zhuli, major.id, 'judge', { valid: true, level: 'major' })).dueAt).toBe('2026-11-26T16:00:00.000Z'); // midnight in Beijing
    expect((await ok(zhuli, serious.id, 'judge', { valid: true, level: 'serious' })).dueAt).toBe(new Date(now.getTime() + 3600_000).toISOString());
    expect((await ok(zhuli, minor.id, 'judge', { valid: true, level: 'minor' })).dueAt).toBe(new Date(now.getTime() + 2 * 86_400_000).toISOString());
    expect((await ok(zhuli, minorDated.id, 'judge', { valid: true, level: 'minor' })).dueAt).toBe(wanted);
    // a major complaint goes to the centre manager at once; the others to the department only
    expect(await notes('zhongxin', 'complaint.assigned')).toContain(`/complaints/${major.id}`);
    expect(await notes('zhongxin', 'complaint.assigned')).not.toContain(`/complaints/${serious.id}`);
    expect(await notes('banzhang', 'complaint.assigned')).toEqual(expect.arrayContaining([`/complaints/${serious.id}`, `/complaints/${minor.id}`]));
  });

  it('COMP-2 a serious complaint not returned within the hour escalates on the deadline engine; one returned in time does not', async () => {
    const late = await record();
    const inTime = await record();
    await ok(zhuli, late.id, 'judge', { valid: true, level: 'serious' });
    await ok(zhuli, inTime.id, 'judge', { valid: true, level: 'serious' });
    await ok(banzhang, inTime.id, 'sign');
    await ok(banzhang, inTime.id, 'return', { action: '已处理' });
    t.clock.advanceMinutes(61);
    await t.app.desk.timers.tick();
    const lateEvents = (await get(late.id)).events.map((e: { type: string }) => e.type);
    expect(lateEvents).toContain('deadline_missed');
    expect((await get(late.id)).sla.state).toBe('overdue');
    expect((await get(inTime.id)).events.map((e: { type: string }) => e.type)).not.toContain('deadline_missed');
    expect(await notes('zhuguan', 'deadline.escalation')).toContain(`/complaints/${late.id}`);
    expect(await notes('zhuguan', 'deadline.escalation')).not.toContain(`/complaints/${inTime.id}`);
  });

  it('COMP-3 the department complained about signs, records what it did and returns it; another department cannot (404)', async () => {
    const c = await record({ department: 'security' });
    await ok(zhuli, c.id, 'judge', { valid: true, level: 'minor' });
    expect((await step(lingban, c.id, 'sign')).statusCode).toBe(404); // engineering's head: not his complaint
    expect((await lingban.get(`/api/complaints/${c.id}`)).statusCode).toBe(404);
    expect((await step(kefu, c.id, 'sign')).statusCode).toBe(404); // a specialist signs for no department
    expect((await step(banzhang, c.id, 'return', { action: '已处理' })).statusCode).toBe(409); // not signed yet
    const signed = await ok(banzhang, c.id, 'sign');
    expect(signed.status).toBe('in_progress');
    expect(signed.signedAt).not.toBeNull();
    expect((await step(banzhang, c.id, 'sign')).statusCode).toBe(409);
    const noAction = await step(banzhang, c.id, 'return', { action: '' });
    expect(noAction.statusCode).toBe(400);
    expect(noAction.json().error.fields[0].path).toBe('body.action');
    const back = await ok(banzhang, c.id, 'return', { action: '已批评教育当班保安' });
    expect(back).toMatchObject({ status: 'returned', action: '已批评教育当班保安' });
    // the head lists only his department's complaints
    const listed = (await banzhang.get('/api/complaints')).json().items as { department: string }[];
    expect(listed.length).toBeGreaterThan(0);
    expect(new Set(listed.map((x) => x.department))).toEqual(new Set(['security']));
    expect((await lingban.get('/api/complaints')).json().items.map((x: { id: string }) => x.id)).not.toContain(c.id);
  });

  it('COMP-3 two heads signing the same version: one wins, the other gets 409', async () => {
    const c = await record({ department: 'environment' });
    await ok(zhuli, c.id, 'judge', { valid: true, level: 'minor' });
    const zhongxin = await Client.login(t.app, 'zhongxin');
    const v = (await get(c.id)).version;
    const [a, b] = await Promise.all([zhongxin.post(`/api/complaints/${c.id}/sign`, { version: v }), zhongxin.post(`/api/complaints/${c.id}/sign`, { version: v })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
  });

  it('COMP-4 the household is told the same day; not before the department returned it (409); a reminder if not told that day', async () => {
    const c = await record();
    await ok(zhuli, c.id, 'judge', { valid: true, level: 'minor' });
    expect((await step(kefu, c.id, 'inform', { note: '已告知' })).statusCode).toBe(409);
    await ok(banzhang, c.id, 'sign');
    await ok(banzhang, c.id, 'return', { action: '已道歉' });
    const noNote = await step(kefu, c.id, 'inform', { note: '' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.fields[0].path).toBe('body.note');
    const other = await record();
    await ok(zhuli, other.id, 'judge', { valid: true, level: 'minor' });
    await ok(banzhang, other.id, 'sign');
    await ok(banzhang, other.id, 'return', { action: '已道歉' });
    const told = await ok(kefu, c.id, 'inform', { note: '电话告知业户' });
    expect(told.status).toBe('informed');
    expect((await get(c.id)).informedSameDay).toBe(true);
    // the day ends: the one not told yet reminds customer service, the told one does not
    t.clock.advanceMinutes(24 * 60);
    await t.app.desk.timers.tick();
    expect(await notes('zhuli', 'complaint.inform_due')).toContain(`/complaints/${other.id}`);
    expect(await notes('zhuli', 'complaint.inform_due')).not.toContain(`/complaints/${c.id}`);
  });

  it('COMP-5 a valid complaint open for a month becomes major by itself; one handled in time does not', async () => {
    const open = await record();
    const done = await record();
    await ok(zhuli, open.id, 'judge', { valid: true, level: 'minor' });
    await ok(zhuli, done.id, 'judge', { valid: true, level: 'minor' });
    await ok(banzhang, open.id, 'sign');
    await ok(banzhang, done.id, 'sign');
    await ok(banzhang, done.id, 'return', { action: '已处理' });
    t.clock.advanceMinutes(29 * 24 * 60);
    await t.app.desk.timers.tick();
    expect((await get(open.id)).level).toBe('minor');
    t.clock.advanceMinutes(24 * 60 + 1);
    await t.app.desk.timers.tick();
    const after = await get(open.id);
    expect(after.level).toBe('major');
    expect(after.autoMajorAt).not.toBeNull();
    expect(after.events.map((e: { type: string }) => e.type)).toContain('auto_major');
    expect((await get(done.id)).level).toBe('minor');
  });

  it('COMP-5 the month\'s check raises only a valid complaint still open: a late check on a handled one, an invalid one or a major one changes nothing', async () => {
    const handledOne = await record();
    await ok(zhuli, handledOne.id, 'judge', { valid: true, level: 'minor' });
    await ok(banzhang, handledOne.id, 'sign');
    await ok(banzhang, handledOne.id, 'return', { action: '已处理' });
    const invalid = await record();
    await ok(zhuli, invalid.id, 'judge', { valid: false, reason: '快递进门须登记，已向业户解释规定' });
    const major = await record();
    await ok(zhuli, major.id, 'judge', { valid: true, level: 'major' });
    const before = await Promise.all([handledOne.id, invalid.id, major.id].map(get));
    // A month's check that fires anyway (left over, or re-planned by hand) for each of them.
    await t.store.db.transaction(async (tx) => {
      for (const id of [handledOne.id, invalid.id, major.id]) await scheduleTimers(tx, t.ids.p1, 'complaint', id, [{ kind: 'gt_check', level: 1, at: new Date(t.clock.t + 60_000) }]);
    });
    t.clock.advanceMinutes(2);
    await t.app.desk.timers.tick();
    const after = await Promise.all([handledOne.id, invalid.id, major.id].map(get));
    for (let i = 0; i < 3; i++) {
      expect(after[i]).toMatchObject({ level: before[i].level, version: before[i].version, autoMajorAt: null });
      expect(after[i].events.map((e: { type: string }) => e.type)).not.toContain('auto_major');
    }
  });

  it('COMP-6 VISIT-1 a handled complaint is due a return visit within 3 days; an unsatisfied one reopens it one level higher', async () => {
    const id = await handled('minor');
    const [v] = await visitOf(id);
    expect(v).toMatchObject({ subjectKind: 'complaint', status: 'due' });
    const told = new Date((await get(id)).informedAt).getTime();
    expect(new Date(v.dueAt).getTime() - told).toBe(3 * 86_400_000);
    const res = await kefu.post(`/api/visits/${v.id}/record`, { version: v.version, rating: 'unsatisfied', comments: '保安没有道歉', method: 'phone' });
    expect(res.statusCode, res.body).toBe(200);
    const after = await get(id);
    expect(after).toMatchObject({ status: 'assigned', level: 'serious', reopenCount: 1, signedAt: null, action: null, informedAt: null });
    // a new deadline at the higher level: serious, within the hour
    expect(new Date(after.dueAt).getTime() - t.clock.now().getTime()).toBe(3600_000);
    expect(after.events.map((e: { type: string }) => e.type)).toContain('reopen');
    // handled again: a second visit; this time satisfied, and the complaint closes
    await ok(banzhang, id, 'sign');
    await ok(banzhang, id, 'return', { action: '班长带保安上门道歉' });
    await ok(kefu, id, 'inform', { note: '已告知' });
    const second = (await visitOf(id)).find((x) => x.status === 'due')!;
    expect(second).toBeDefined();
    expect((await kefu.post(`/api/visits/${second.id}/record`, { version: second.version, rating: 'satisfied', method: 'phone' })).statusCode).toBe(200);
    expect((await get(id)).status).toBe('closed');
  });

  it('COMP-6 a major complaint reopened stays major (there is no higher level)', async () => {
    const id = await handled('major');
    const [v] = await visitOf(id);
    await kefu.post(`/api/visits/${v.id}/record`, { version: v.version, rating: 'unsatisfied', comments: '仍不满意', method: 'phone' });
    expect((await get(id))).toMatchObject({ status: 'assigned', level: 'major' });
  });

});
