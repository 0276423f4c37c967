import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { Client, STORE_KINDS, startTestApp, type TestApp } from '../testing/harness';
import { SIGNATURE } from '../testing/desk';
import { rows } from '../db/store';
import { notifications } from '../../domain/notifications/notifications.table';
import { users } from '../../domain/users/users.table';
import { ownerLoanBody } from '../testing/keys.testkit';

describe.each(STORE_KINDS)('key desk on %s', (kind) => {
  let t: TestApp;
  let qiantai: Client;
  let baoan: Client;
  let admin: Client;
  let p1: string;
  let approverId: string;
  let ownerId: string;
  let seq = 0;

  beforeAll(async () => {
    t = await startTestApp(kind);
    p1 = t.ids.p1;
    await relogin();
    approverId = (await qiantai.get(`/api/key-approvers?projectId=${p1}`)).json().items.find((u: { displayName: string }) => u.displayName === '赵丹').id;
    const [o] = await rows<{ id: string }>(t.store.db, sql`SELECT p.id FROM persons p JOIN households h ON h.id = p.household_id JOIN units u ON u.id = h.unit_id WHERE u.code = '3-2-1502' AND p.relation = 'owner'`);
    ownerId = o.id;
  });
  afterAll(() => t.close());
  // The tests move the clock by hours and years: the desks sign in again (sessions expire like real ones).
  async function relogin() {
    [qiantai, baoan, admin] = await Promise.all(['qiantai', 'baoan', 'admin'].map((u) => Client.login(t.app, u)));
  }
  beforeEach(relogin);
  const advance = async (minutes: number) => {
    t.clock.advanceMinutes(minutes);
    await relogin();
  };

  const audits = async (action: string) => (await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = ${action}`))[0].n;
  const newKey = async (over: Record<string, unknown> = {}) => {
    const res = await qiantai.post('/api/keys', { projectId: p1, number: `K-${kind}-${++seq}`, kind: 'owner_deposited', unitCode: '3-2-1502', count: 2, cabinetPosition: 'A柜-03', ...over });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number; status: string };
  };
  const dueIn = (minutes: number) => new Date(t.clock.now().getTime() + minutes * 60_000).toISOString();
  const loanBody = (version: number, over: Record<string, unknown> = {}) => ownerLoanBody({ version, ownerPersonId: ownerId, approverId, dueAt: dueIn(120) }, over);

  it('KEY-2 the inventory records number, unit, kind, count and cabinet position; a unit key needs a real room code', async () => {
    const k = await newKey({ label: '入户门' });
    const list = (await baoan.get(`/api/keys?projectId=${p1}`)).json().items;
    const row = list.find((x: { id: string }) => x.id === k.id);
    expect(row).toMatchObject({ unitCode: '3-2-1502', kind: 'owner_deposited', count: 2, cabinetPosition: 'A柜-03', status: 'in', label: '入户门' });
    const bad = await qiantai.post('/api/keys', { projectId: p1, number: 'K-X', kind: 'developer_held', unitCode: '99-9-999', count: 1, cabinetPosition: 'A' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0]).toMatchObject({ path: 'body.unitCode', message: '本项目没有这个房号' });
    const plant = await qiantai.post('/api/keys', { projectId: p1, number: `P-${kind}`, kind: 'plant_room', count: 1, cabinetPosition: 'B柜-01', label: '水泵房' });
    expect(plant.statusCode).toBe(201);
    // Guards keep the desk but do not edit the register; a technician has no key desk at all.
    expect((await baoan.post('/api/keys', { projectId: p1, number: 'K-Y', kind: 'plant_room', count: 1, cabinetPosition: 'A' })).statusCode).toBe(404);
    const weixiu = await Client.login(t.app, 'weixiu');
    expect((await weixiu.get(`/api/keys?projectId=${p1}`)).statusCode).toBe(404);
    // Another project's keys are out of reach.
    expect((await qiantai.get(`/api/keys?projectId=${t.ids.p3}`)).statusCode).toBe(404);
  });

  it('KEY-2 a lending is written with borrower, identity, purpose, approver, owner contact, due time and signature; the return names who handed in and who received', async () => {
    const k = await newKey();
    const due = dueIn(120);
    const lentAt = t.clock.now().toISOString();
    const lent = await baoan.post(`/api/keys/${k.id}/loans`, loanBody(k.version, { ownerContacted: true, contactMethod: '电话', dueAt: due }));
    expect(lent.statusCode, lent.body).toBe(201);
    const loan = lent.json();
    expect(loan).toMatchObject({ keyNumber: `K-${kind}-${seq}`, lentAt, dueAt: due, unitCode: '3-2-1502', borrowerKind: 'owner', identityDocument: '身份证', purpose: '业主忘带钥匙', approverName: '赵丹', ownerContacted: true, contactMethod: '电话', lentByName: '朱勇', returnedAt: null, state: 'ok' });
    // ARC-12: a guard sees the owner's surname only; no phone or ID number travels with the record.
    expect(loan.borrowerName).toBe('张**');
    expect(lent.body).not.toMatch(/1381234|张伟明/);
    expect((await qiantai.get(`/api/key-loans?projectId=${p1}&open=true`)).json().items.find((l: { id: string }) => l.id === loan.id).borrowerName).toBe('张伟明');
    const sig = await baoan.get(loan.signature);
    expect(sig.statusCode).toBe(200);
    expect(sig.headers['content-type']).toBe('image/png');
    // Out once: a second lending of the same key is a conflict.
    const again = await qiantai.post(`/api/keys/${k.id}/loans`, loanBody(k.version + 1));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('已借出');
    t.clock.advanceMinutes(45);
    await relogin();
    const back = await qiantai.post(`/api/key-loans/${loan.id}/return`, { version: loan.version, returnedByName: '张伟明' });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ returnedByName: '张伟明', receivedByName: '林佳怡', state: 'none', lentAt, returnedAt: t.clock.now().toISOString() });
    expect((await qiantai.post(`/api/key-loans/${loan.id}/return`, { version: back.json().version, returnedByName: 'x' })).statusCode).toBe(409);
    expect((await qiantai.get(`/api/keys/${k.id}`)).json().status).toBe('in');
    const auditsOf = async (action: string) => (await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = ${action} AND entity_id = ${loan.id}`))[0].n;
    expect(await auditsOf('key_loan.create')).toBe(1);
    expect(await auditsOf('key_loan.return')).toBe(1);
  });

  it('KEY-2 no lending without an approver who may approve, the purpose, the due time and the borrower\'s signature (400 on the field, nothing written, the key stays in)', async () => {
    const k = await newKey();
    const loansBefore = (await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM key_loans`))[0].n;
    const weixiuId = (await rows<{ id: string }>(t.store.db, sql`SELECT id FROM users WHERE username = 'weixiu'`))[0].id;
    const refused = async (over: Record<string, unknown>, path: string, message: string) => {
      const res = await baoan.post(`/api/keys/${k.id}/loans`, loanBody(k.version, over));
      expect(res.statusCode, path).toBe(400);
      expect(res.json().error.fields.find((x: { path: string }) => x.path === path), path).toMatchObject({ path, message });
    };
    // A technician is staff of the project but approves no lending (the front desk, the shift leader and the two managers do).
    await refused({ approverId: weixiuId }, 'body.approverId', '请选择本项目有审批权的人员');
    await refused({ purpose: '' }, 'body.purpose', '请填写借用事由');
    await refused({ purpose: undefined }, 'body.purpose', '请填写借用事由');
    await refused({ dueAt: dueIn(-5) }, 'body.dueAt', '归还时间应晚于现在');
    const noSignature = await baoan.post(`/api/keys/${k.id}/loans`, loanBody(k.version, { signature: undefined }));
    expect(noSignature.statusCode).toBe(400);
    expect(noSignature.json().error.fields[0].path).toBe('body.signature');
    const noDue = await baoan.post(`/api/keys/${k.id}/loans`, loanBody(k.version, { dueAt: undefined }));
    expect(noDue.statusCode).toBe(400);
    expect(noDue.json().error.fields[0].path).toBe('body.dueAt');
    expect((await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM key_loans`))[0].n).toBe(loansBefore);
    expect((await qiantai.get(`/api/keys/${k.id}`)).json()).toMatchObject({ status: 'in', version: k.version });
  });

  it('KEY-4 a unit key is refused to staff, to a stranger, to an unauthorised holder and without an identity check; the owner and a written delegate get it', async () => {
    const k = await newKey();
    const refuse = async (over: Record<string, unknown>, path: string) => {
      const res = await baoan.post(`/api/keys/${k.id}/loans`, loanBody(k.version, over));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.json().error.code).toBe('KEY_OWNER_ONLY');
      expect(res.json().error.fields[0].path).toBe(path);
      expect(res.json().error.fields[0].message).toMatch(/[\u4e00-\u9fa5]/);
    };
    await refuse({ borrowerKind: 'staff', ownerPersonId: null, borrowerName: '李四' }, 'body.borrowerKind');
    await refuse({ identityChecked: false }, 'body.identityChecked');
    const [other] = await rows<{ id: string }>(t.store.db, sql`SELECT p.id FROM persons p JOIN households h ON h.id = p.household_id JOIN units u ON u.id = h.unit_id WHERE u.code = '3-2-1502' AND p.relation = 'family'`);
    await refuse({ ownerPersonId: other.id }, 'body.ownerPersonId');
    await refuse({ borrowerKind: 'authorised', borrowerName: '李四', authorisation: null }, 'body.authorisation');
    // A deposited key is used by a delegate only after the owner was contacted.
    await refuse({ borrowerKind: 'authorised', borrowerName: '李四', authorisation: '业主 11 月 20 日书面授权装修工人取钥匙' }, 'body.ownerContacted');
    expect((await qiantai.get(`/api/keys/${k.id}`)).json().status).toBe('in');
    expect((await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM key_loans WHERE key_id = ${k.id}`))[0].n).toBe(0);
    const ok = await baoan.post(`/api/keys/${k.id}/loans`, loanBody(k.version, { borrowerKind: 'authorised', borrowerName: '李四', authorisation: '业主 11 月 20 日书面授权装修工人取钥匙', ownerContacted: true, contactMethod: '电话' }));
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ borrowerKind: 'authorised', authorisation: '业主 11 月 20 日书面授权装修工人取钥匙' });
    // Staff may borrow a plant-room key.
    const plant = (await qiantai.post('/api/keys', { projectId: p1, number: `PR-${kind}`, kind: 'plant_room', count: 1, cabinetPosition: 'B柜-02' })).json();
    const staff = await baoan.post(`/api/keys/${plant.id}/loans`, loanBody(plant.version, { borrowerKind: 'staff', ownerPersonId: null, borrowerName: '马强' }));
    expect(staff.statusCode, staff.body).toBe(201);
    expect(staff.json().borrowerName).toBe('马强');
  });

  it('KEY-3 an overdue key is alerted to the key desk and the supervisor and chased until returned', async () => {
    const k = await newKey();
    const loan = (await baoan.post(`/api/keys/${k.id}/loans`, loanBody(k.version, { dueAt: dueIn(60) }))).json();
    const [zhuguan] = await t.store.db.select({ id: users.id }).from(users).where(eq(users.username, 'zhuguan'));
    const [qt] = await t.store.db.select({ id: users.id }).from(users).where(eq(users.username, 'qiantai'));
    const overdueNotes = async (userId: string) =>
      (await t.store.db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.type, 'key.overdue'), eq(notifications.link, `/keys?loan=${loan.id}`)))).length;
    await advance(59);
    await t.app.desk.timers.tick();
    expect(await overdueNotes(qt.id)).toBe(0);
    expect((await qiantai.get(`/api/key-loans?projectId=${p1}&open=true`)).json().items.find((l: { id: string }) => l.id === loan.id).state).toBe('warning');
    await advance(2);
    await t.app.desk.timers.tick();
    expect(await overdueNotes(qt.id)).toBe(1);
    expect(await overdueNotes(zhuguan.id)).toBe(0);
    const listed = (await qiantai.get(`/api/key-loans?projectId=${p1}&open=true`)).json().items.find((l: { id: string }) => l.id === loan.id);
    expect(listed).toMatchObject({ overdue: true, state: 'overdue', chaseCount: 1 });
    // ARC-12: the live alert names the borrower by surname only.
    const [note] = await t.store.db.select().from(notifications).where(and(eq(notifications.userId, qt.id), eq(notifications.type, 'key.overdue')));
    expect(`${note.title}${note.body}`).not.toContain('张伟明');
    await advance(120);
    await t.app.desk.timers.tick();
    expect(await overdueNotes(zhuguan.id)).toBe(1);
    // Past the ladder the chase goes on every four hours while the key is out.
    await advance(240);
    await t.app.desk.timers.tick();
    expect((await qiantai.get(`/api/key-loans?projectId=${p1}&open=true`)).json().items.find((l: { id: string }) => l.id === loan.id).chaseCount).toBe(3);
    await qiantai.post(`/api/key-loans/${loan.id}/return`, { version: listed.version, returnedByName: '张伟明' });
    await advance(600);
    await t.app.desk.timers.tick();
    const after = (await qiantai.get(`/api/key-loans?projectId=${p1}`)).json().items.find((l: { id: string }) => l.id === loan.id);
    expect(after).toMatchObject({ chaseCount: 3, overdue: false, state: 'none' });
    const pending = await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM timers WHERE subject_type = 'key_loan' AND subject_id = ${loan.id} AND status = 'pending'`);
    expect(pending[0].n).toBe(0);
  });

  it('KEY-5 a lending record cannot be deleted before two years; after that only the administrator may remove it', async () => {
    const k = await newKey();
    const loan = (await baoan.post(`/api/keys/${k.id}/loans`, loanBody(k.version))).json();
    const out = await admin.request('DELETE', `/api/key-loans/${loan.id}`);
    expect(out.statusCode).toBe(409);
    const back = (await qiantai.post(`/api/key-loans/${loan.id}/return`, { version: loan.version, returnedByName: '张伟明' })).json();
    expect(back.returnedAt).not.toBeNull();
    expect((await qiantai.request('DELETE', `/api/key-loans/${loan.id}`)).statusCode).toBe(404);
    await advance(365 * 24 * 60);
    const early = await admin.request('DELETE', `/api/key-loans/${loan.id}`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('RECORD_RETAINED');
    expect(early.json().error.message).toContain('至少 2 年');
    expect((await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM key_loans WHERE id = ${loan.id}`))[0].n).toBe(1);
    await advance(366 * 24 * 60 + 1);
    const late = await admin.request('DELETE', `/api/key-loans/${loan.id}`);
    expect(late.statusCode, late.body).toBe(204);
    expect((await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM key_loans WHERE id = ${loan.id}`))[0].n).toBe(0);
    expect(await audits('key_loan.delete')).toBe(1);
  });

  it('KEY-1 the unit keys are handed to the owner, who signs; not to anyone else, and a handed-over key is lent no more', async () => {
    const k = await newKey({ kind: 'developer_held' });
    const [other] = await rows<{ id: string }>(t.store.db, sql`SELECT p.id FROM persons p JOIN households h ON h.id = p.household_id JOIN units u ON u.id = h.unit_id WHERE u.code = '3-2-1502' AND p.relation <> 'owner' LIMIT 1`);
    const wrong = await qiantai.post(`/api/keys/${k.id}/handover`, { version: k.version, ownerPersonId: other.id, renovationRef: '装修申请 ZX-2026-031', signature: SIGNATURE });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('KEY_OWNER_ONLY');
    const unsigned = await qiantai.post(`/api/keys/${k.id}/handover`, { version: k.version, ownerPersonId: ownerId, renovationRef: '装修申请 ZX-2026-031' });
    expect(unsigned.statusCode).toBe(400);
    // Guards keep the desk but do not hand keys over at the renovation procedure.
    expect((await baoan.post(`/api/keys/${k.id}/handover`, { version: k.version, ownerPersonId: ownerId, renovationRef: 'x', signature: SIGNATURE })).statusCode).toBe(404);
    const ok = await qiantai.post(`/api/keys/${k.id}/handover`, { version: k.version, ownerPersonId: ownerId, renovationRef: '装修申请 ZX-2026-031', signature: SIGNATURE });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ ownerName: '张伟明', renovationRef: '装修申请 ZX-2026-031', byName: '林佳怡' });
    expect((await qiantai.get(ok.json().signature)).headers['content-type']).toBe('image/png');
    const key = (await qiantai.get(`/api/keys/${k.id}`)).json();
    expect(key.status).toBe('handed_over');
    expect((await baoan.post(`/api/keys/${k.id}/loans`, loanBody(key.version))).statusCode).toBe(409);
    expect((await baoan.get(`/api/keys/${k.id}/handovers`)).json().items[0].ownerName).toBe('张**');
    expect(await audits('key.handover')).toBe(1);
  });

  it('KEY-1 no handover without the secondary-renovation procedure it is made at, and only unit keys go to an owner: refused, nothing written', async () => {
    const k = await newKey({ kind: 'developer_held' });
    const body = { version: k.version, ownerPersonId: ownerId, signature: SIGNATURE };
    for (const renovationRef of [undefined, '', '   ']) {
      const res = await qiantai.post(`/api/keys/${k.id}/handover`, renovationRef === undefined ? body : { ...body, renovationRef });
      expect(res.statusCode, JSON.stringify(renovationRef)).toBe(400);
      expect(res.json().error.fields[0]).toMatchObject({ path: 'body.renovationRef', message: '请填写二次装修手续（如装修申请编号）' });
    }
    const plant = await newKey({ kind: 'plant_room', unitCode: undefined });
    const notUnit = await qiantai.post(`/api/keys/${plant.id}/handover`, { ...body, version: plant.version, renovationRef: '装修申请 ZX-2026-032' });
    expect(notUnit.statusCode).toBe(409);
    expect(notUnit.json().error.message).toBe('只有房屋钥匙才能移交业主');
    expect((await qiantai.get(`/api/keys/${k.id}`)).json()).toMatchObject({ status: 'in', version: k.version });
    expect((await qiantai.get(`/api/keys/${plant.id}`)).json()).toMatchObject({ status: 'in', version: plant.version });
    expect((await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM key_handovers WHERE key_id IN (${k.id}, ${plant.id})`))[0].n).toBe(0);
  });

  it('KEY-2 two desks lending the same key at once: one wins, the other gets 409', async () => {
    const k = await newKey();
    const [a, b] = await Promise.all([baoan.post(`/api/keys/${k.id}/loans`, loanBody(k.version)), qiantai.post(`/api/keys/${k.id}/loans`, loanBody(k.version))]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    expect((await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM key_loans WHERE key_id = ${k.id}`))[0].n).toBe(1);
  });

  it('ARC-12 the owners list of a unit key carries masked names for guards and never a phone or ID number', async () => {
    const k = await newKey();
    const res = await baoan.get(`/api/keys/${k.id}/owners`);
    expect(res.json().items).toEqual([{ id: ownerId, name: '张**', relation: 'owner' }]);
    const [p] = await rows<{ phone: string; id_number: string }>(t.store.db, sql`SELECT phone, id_number FROM persons WHERE id = ${ownerId}`);
    expect(res.body).not.toContain(p.phone);
    expect(res.body).not.toContain(p.id_number);
    expect((await qiantai.get(`/api/keys/${k.id}/owners`)).json().items[0].name).toBe('张伟明');
  });
});

describe('key desk access by role', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('embedded');
  });
  afterAll(() => t.close());

  // Written from the manual: the front desk and the guards carry the key desk (KEY-2); the CS supervisor and
  // centre manager look on; the administrator keeps the register; field staff, vendors and other CS staff have none.
  const EXPECTED: Record<string, number> = {
    admin: 200, kefu: 404, zhuli: 404, jingli: 404, zhuguan: 200, zhongxin: 200, qiantai: 200, weixiu: 404,
    gongchengshi: 404, lingban: 404, baoan: 200, banzhang: 200, menwei: 200, waibu: 404,
  };
  it('KEY-2 the key register opens for the front desk, the guards and their supervisors only; others get 404', async () => {
    for (const [username, status] of Object.entries(EXPECTED)) {
      const c = await Client.login(t.app, username);
      expect((await c.get(`/api/keys?projectId=${t.ids.p1}`)).statusCode, username).toBe(status);
      expect((await c.get(`/api/key-loans?projectId=${t.ids.p1}`)).statusCode, username).toBe(status);
    }
  });
});
