import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Client, STORE_KINDS, startTestApp, type TestApp } from '../testing/harness';
import { rows } from '../db/store';
import { SIGNATURE } from '../testing/desk';

/** Issue 11, point 2: the household register kept from the UI — people, move-in/out, vehicles, renovations, history. */
describe.each(STORE_KINDS)('household register kept by hand on %s', (kind) => {
  let t: TestApp;
  let kefu: Client;
  let household: string;
  let other: string;
  const PHONE = '13977771111';
  const PHONE2 = '13688882222';
  const ID = '11010519491231002X';
  beforeAll(async () => {
    t = await startTestApp(kind);
    kefu = await Client.login(t.app, 'kefu');
    household = (await kefu.get('/api/households?q=2-1-1201')).json().items[0].id;
    other = (await rows<{ id: string }>(t.store.db, sql`SELECT id FROM households WHERE project_id = ${t.ids.p3} LIMIT 1`))[0].id;
  });
  afterAll(() => t.close());

  const history = async (c: Client = kefu) => (await c.get(`/api/households/${household}/history`)).json().items as Record<string, string | null>[];
  const addPerson = async (body: Record<string, unknown>) => {
    const res = await kefu.post(`/api/households/${household}/persons`, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number; phone: string };
  };

  it('ARC-12 a phone added and corrected from the desk is kept in the history masked: who, when, which field, old → new', async () => {
    const p = await addPerson({ relation: 'tenant', name: '赵租客', phone: PHONE, idNumber: ID });
    expect(p.phone).toBe('139****1111');
    const fixed = await kefu.patch(`/api/persons/${p.id}`, { version: p.version, phone: PHONE2 });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json().phone).toBe('136****2222');

    const res = await kefu.get(`/api/households/${household}/history`);
    expect(res.statusCode).toBe(200);
    for (const n of [PHONE, PHONE2, ID]) expect(res.body).not.toContain(n);
    const change = (res.json().items as Record<string, string>[]).find((e) => e.subject === 'person' && e.action === 'update' && e.field === 'phone');
    expect(change).toMatchObject({ subjectLabel: '赵租客', actorName: '王晓丽', oldValue: '139****1111', newValue: '136****2222' });
    expect(Date.parse(change!.at)).not.toBeNaN();
    const created = (res.json().items as Record<string, string>[]).filter((e) => e.subjectLabel === '赵租客' && e.action === 'create');
    expect(created.map((e) => e.field).sort()).toEqual(['idNumber', 'phone', 'relation']);
    expect(created.find((e) => e.field === 'idNumber')!.newValue).toBe('1****************X');
    // Stored masked, not masked on the way out only: the table itself holds no full number.
    const stored = await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM household_history WHERE old_value IN (${PHONE}, ${PHONE2}, ${ID}) OR new_value IN (${PHONE}, ${PHONE2}, ${ID})`);
    expect(stored[0].n).toBe(0);
    // The household page's answer carries the people masked as before.
    const detail = await kefu.get(`/api/households/${household}`);
    for (const n of [PHONE, PHONE2, ID]) expect(detail.body).not.toContain(n);
  });

  it('ARC-2 phone and ID number are checked: 400 with the field and a Chinese message, nothing written', async () => {
    const p = await addPerson({ relation: 'family', name: '钱家人' });
    const before = (await history()).length;
    const phone = await kefu.patch(`/api/persons/${p.id}`, { version: p.version, phone: '12345' });
    expect(phone.statusCode).toBe(400);
    expect(phone.json().error.fields).toEqual([expect.objectContaining({ path: 'body.phone', message: '请输入正确的手机号或座机号' })]);
    const id = await kefu.patch(`/api/persons/${p.id}`, { version: p.version, idNumber: '1234567890' });
    expect(id.statusCode).toBe(400);
    expect(id.json().error.fields[0]).toMatchObject({ path: 'body.idNumber', message: '请输入正确的身份证号' });
    expect((await history()).length).toBe(before);
  });

  it('ARC-2 removing a person is marking him moved out: he stays in the file, the history says who and when; never deleted', async () => {
    const p = await addPerson({ relation: 'family', name: '孙迁出', phone: '13700001234' });
    const res = await kefu.post(`/api/persons/${p.id}/move-out`, { version: p.version, movedOutOn: '2026-11-20' });
    expect(res.statusCode).toBe(200);
    expect(res.json().movedOutAt).toBe('2026-11-20');
    const persons = (await kefu.get(`/api/households/${household}`)).json().persons as { id: string; movedOutAt: string | null }[];
    expect(persons.find((x) => x.id === p.id)?.movedOutAt).toBe('2026-11-20');
    const entry = (await history()).find((e) => e.subjectLabel === '孙迁出' && e.action === 'move_out');
    expect(entry).toMatchObject({ field: 'movedOutAt', newValue: '2026-11-20', actorName: '王晓丽' });
    // Twice is a state conflict; a stale version a version conflict; there is no delete.
    const again = await kefu.post(`/api/persons/${p.id}/move-out`, { version: res.json().version, movedOutOn: '2026-11-21' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('INVALID_STATE');
    expect((await kefu.request('DELETE', `/api/persons/${p.id}`)).statusCode).toBe(404);
    const bad = await kefu.post(`/api/persons/${p.id}/move-out`, { version: 1, movedOutOn: '20.11.2026' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].message).toBe('日期格式应为 YYYY-MM-DD');
  });

  it('ARC-2 a person corrected by two desks at once: the second gets 409 and the history holds only the winner', async () => {
    const p = await addPerson({ relation: 'family', name: '周并发' });
    const zhuli = await Client.login(t.app, 'zhuli');
    const a = await kefu.patch(`/api/persons/${p.id}`, { version: p.version, phone: '13511112222' });
    const b = await zhuli.patch(`/api/persons/${p.id}`, { version: p.version, phone: '13533334444' });
    expect([a.statusCode, b.statusCode]).toEqual([200, 409]);
    expect(b.json().error.code).toBe('VERSION_CONFLICT');
    const phones = (await history()).filter((e) => e.subjectLabel === '周并发' && e.field === 'phone' && e.action === 'update');
    expect(phones.map((e) => e.newValue)).toEqual(['135****2222']);
  });

  it('ARC-2 move-in and move-out of the household are recorded with dates and who recorded them; out before in is refused', async () => {
    const h = (await kefu.get(`/api/households/${household}`)).json();
    const ok = await kefu.patch(`/api/households/${household}`, { version: h.version, movedInAt: '2020-05-01' });
    expect(ok.statusCode).toBe(200);
    const early = await kefu.patch(`/api/households/${household}`, { version: ok.json().version, movedOutAt: '2019-01-01' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields[0]).toMatchObject({ path: 'body.movedOutAt', message: '迁出日期不能早于入住日期' });
    const out = await kefu.patch(`/api/households/${household}`, { version: ok.json().version, movedOutAt: '2026-11-25' });
    expect(out.statusCode).toBe(200);
    expect(out.json().movedOutAt).toBe('2026-11-25');
    const items = await history();
    expect(items.find((e) => e.subject === 'household' && e.action === 'move_in')).toMatchObject({ newValue: '2020-05-01', actorName: '王晓丽' });
    expect(items.find((e) => e.subject === 'household' && e.action === 'move_out')).toMatchObject({ newValue: '2026-11-25', actorName: '王晓丽' });
    // Back to living there, for the tests below.
    await kefu.patch(`/api/households/${household}`, { version: out.json().version, movedOutAt: null });
  });

  it('ARC-2 vehicles: plate format checked in Chinese, typed spellings normalised, one active registration per plate, edits versioned and in the history', async () => {
    for (const plate of ['ABC123', '粤I12345', '粤B1234', '']) {
      const bad = await kefu.post(`/api/households/${household}/vehicles`, { plate, kind: 'car' });
      expect(bad.statusCode, plate).toBe(400);
      expect(bad.json().error.fields[0].path).toBe('body.plate');
      expect(bad.json().error.fields[0].message).toMatch(/车牌号/);
    }
    const badKind = await kefu.post(`/api/households/${household}/vehicles`, { plate: '粤B12345', kind: 'tank' });
    expect(badKind.json().error.fields[0]).toMatchObject({ path: 'body.kind', message: '请选择车辆类型' });

    const res = await kefu.post(`/api/households/${household}/vehicles`, { plate: '粤b 12345', kind: 'car', parkingSpace: 'B2-118' });
    expect(res.statusCode).toBe(201);
    const v = res.json();
    expect(v).toMatchObject({ plate: '粤B12345', kind: 'car', parkingSpace: 'B2-118', removedOn: null });
    expect((await kefu.post(`/api/households/${household}/vehicles`, { plate: '粤B12345', kind: 'car' })).statusCode).toBe(400);
    const ev = await kefu.post(`/api/households/${household}/vehicles`, { plate: '粤BD12345', kind: 'new_energy' });
    expect(ev.statusCode).toBe(201);

    const moved = await kefu.patch(`/api/vehicles/${v.id}`, { version: v.version, parkingSpace: 'B2-120' });
    expect(moved.statusCode).toBe(200);
    const stale = await kefu.patch(`/api/vehicles/${v.id}`, { version: v.version, parkingSpace: 'B2-121' });
    expect(stale.statusCode).toBe(409);
    const removed = await kefu.patch(`/api/vehicles/${v.id}`, { version: moved.json().version, removedOn: '2026-11-26' });
    expect(removed.json().removedOn).toBe('2026-11-26');

    const detail = (await kefu.get(`/api/households/${household}`)).json();
    expect(detail.vehicles.map((x: { plate: string }) => x.plate)).toEqual(expect.arrayContaining(['粤B12345', '粤BD12345']));
    const items = (await history()).filter((e) => e.subject === 'vehicle' && e.subjectLabel === '粤B12345');
    expect(items.find((e) => e.field === 'parkingSpace' && e.action === 'update')).toMatchObject({ oldValue: 'B2-118', newValue: 'B2-120' });
    expect(items.find((e) => e.action === 'remove')).toMatchObject({ field: 'removedOn', newValue: '2026-11-26' });
    // Once removed, the plate may be registered again (a new owner of the same car).
    expect((await kefu.post(`/api/households/${household}/vehicles`, { plate: '粤B12345', kind: 'car' })).statusCode).toBe(201);
  });

  it('ARC-3 renovation records: dates, company, permit and approval, acceptance; dates checked; edits versioned and in the history', async () => {
    const bad = await kefu.post(`/api/households/${household}/renovations`, { startedOn: '2026-06-10', finishedOn: '2026-06-01', company: '' });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.fields.map((f: { path: string; message: string }) => `${f.path}:${f.message}`);
    expect(fields).toEqual(expect.arrayContaining(['body.company:请输入装修公司', 'body.finishedOn:竣工日期不能早于开工日期']));
    const res = await kefu.post(`/api/households/${household}/renovations`, { startedOn: '2026-06-01', company: '深圳美居装饰', permitNo: 'ZX-2026-031', approvedOn: '2026-05-28' });
    expect(res.statusCode).toBe(201);
    const r = res.json();
    const noDate = await kefu.patch(`/api/renovations/${r.id}`, { version: r.version, acceptance: 'passed' });
    expect(noDate.statusCode).toBe(400);
    expect(noDate.json().error.fields[0]).toMatchObject({ path: 'body.acceptedOn', message: '填写验收结果时请填写验收日期' });
    const accepted = await kefu.patch(`/api/renovations/${r.id}`, { version: r.version, finishedOn: '2026-08-30', acceptedOn: '2026-09-05', acceptance: 'passed' });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ acceptance: 'passed', acceptedOn: '2026-09-05', permitNo: 'ZX-2026-031' });
    expect((await kefu.patch(`/api/renovations/${r.id}`, { version: r.version, note: '迟到' })).statusCode).toBe(409);
    const detail = (await kefu.get(`/api/households/${household}`)).json();
    expect(detail.renovations[0]).toMatchObject({ company: '深圳美居装饰', acceptance: 'passed' });
    const items = (await history()).filter((e) => e.subject === 'renovation');
    expect(items.find((e) => e.field === 'acceptance')).toMatchObject({ action: 'update', oldValue: null, newValue: 'passed' });
  });

  it('ARC-10 who may read and keep the register: engineering, guards and vendors get 404 on every part; the admin reads but does not edit', async () => {
    const person = (await kefu.get(`/api/households/${household}`)).json().persons[0];
    const vehicle = (await kefu.get(`/api/households/${household}`)).json().vehicles[0];
    for (const u of ['weixiu', 'lingban', 'baoan', 'menwei', 'waibu', 'gongchengshi']) {
      const c = await Client.login(t.app, u);
      expect((await c.get(`/api/households/${household}/history`)).statusCode, u).toBe(404);
      expect((await c.post(`/api/households/${household}/vehicles`, { plate: '粤B55555', kind: 'car' })).statusCode, u).toBe(404);
      expect((await c.post(`/api/households/${household}/renovations`, { startedOn: '2026-01-01', company: '某公司' })).statusCode, u).toBe(404);
      expect((await c.post(`/api/persons/${person.id}/move-out`, { version: person.version, movedOutOn: '2026-11-01' })).statusCode, u).toBe(404);
      expect((await c.patch(`/api/vehicles/${vehicle.id}`, { version: vehicle.version, parkingSpace: 'X' })).statusCode, u).toBe(404);
    }
    const admin = await Client.login(t.app, 'admin');
    expect((await admin.get(`/api/households/${household}/history`)).statusCode).toBe(200);
    expect([403, 404]).toContain((await admin.post(`/api/households/${household}/vehicles`, { plate: '粤B55555', kind: 'car' })).statusCode);
    // Another project's household: 404 for the desk too.
    expect((await kefu.get(`/api/households/${other}/history`)).statusCode).toBe(404);
    expect((await kefu.post(`/api/households/${other}/vehicles`, { plate: '粤B66666', kind: 'car' })).statusCode).toBe(404);
  });

  it('ARC-9 every change of the register is on the audit trail in the same transaction as the change', async () => {
    const count = async () => (await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action IN ('vehicle.create','renovation.create','person.move_out')`))[0].n;
    const before = await count();
    await kefu.post(`/api/households/${household}/vehicles`, { plate: '粤B77777', kind: 'motorcycle' });
    await kefu.post(`/api/households/${household}/vehicles`, { plate: 'bad', kind: 'motorcycle' });
    expect(await count()).toBe(before + 1);
  });

  it('KEY-4 an owner marked moved out no longer receives the unit\'s keys; the owner still living there does', async () => {
    const qiantai = await Client.login(t.app, 'qiantai');
    const unitCode = (await kefu.get(`/api/households/${household}`)).json().unitCode as string;
    const leaving = await addPerson({ relation: 'owner', name: '吴原业主' });
    const staying = await addPerson({ relation: 'owner', name: '郑新业主' });
    await kefu.post(`/api/persons/${leaving.id}/move-out`, { version: leaving.version, movedOutOn: '2026-11-01' });
    const key = (await qiantai.post('/api/keys', { projectId: t.ids.p1, number: `K-MOVE-${kind}`, kind: 'owner_deposited', unitCode, count: 1, cabinetPosition: 'A柜-20' })).json();
    const approverId = (await qiantai.get(`/api/key-approvers?projectId=${t.ids.p1}`)).json().items[0].id;
    const body = (ownerPersonId: string, version: number) => ({
      version,
      borrowerKind: 'owner',
      ownerPersonId,
      identityChecked: true,
      identityDocument: '身份证',
      purpose: '业主忘带钥匙',
      approverId,
      ownerContacted: false,
      dueAt: new Date(t.clock.now().getTime() + 3_600_000).toISOString(),
      signature: SIGNATURE,
    });
    const refused = await qiantai.post(`/api/keys/${key.id}/loans`, body(leaving.id, key.version));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('KEY_OWNER_ONLY');
    const owners = (await qiantai.get(`/api/keys/${key.id}/owners`)).json().items.map((o: { id: string }) => o.id);
    expect(owners).toContain(staying.id);
    expect(owners).not.toContain(leaving.id);
    expect((await qiantai.post(`/api/keys/${key.id}/loans`, body(staying.id, key.version))).statusCode).toBe(201);
  });
});
