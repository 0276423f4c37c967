import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Client, STORE_KINDS, startTestApp, type TestApp } from '../testing/harness';
import { rows } from '../db/store';
import { SIGNATURE } from '../testing/desk';

interface Doc {
  templateId: string;
  name: string;
  status: string;
  handedOverBy: string | null;
  handedOverOn: string | null;
  receivedByName: string | null;
  location: string | null;
  filedAt: string | null;
  version: number | null;
}
interface Archive {
  householdId: string;
  complete: boolean;
  received: number;
  expected: number;
  departments: { department: string; documents: Doc[]; missing: string[] }[];
}

describe.each(STORE_KINDS)('household archives on %s', (kind) => {
  let t: TestApp;
  let kefu: Client;
  let zhuguan: Client;
  let p1: string;
  let hid: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    p1 = t.ids.p1;
    [kefu, zhuguan] = await Promise.all([Client.login(t.app, 'kefu'), Client.login(t.app, 'zhuguan')]);
    hid = (await kefu.get('/api/households?q=3-2-1502')).json().items[0].id;
  });
  afterAll(() => t.close());

  const archive = async (c: Client = kefu) => (await c.get(`/api/households/${hid}/archive`)).json() as Archive;
  const doc = (a: Archive, name: string) => a.departments.flatMap((d) => d.documents).find((d) => d.name === name)!;
  const record = (templateId: string, body: Record<string, unknown>, c: Client = kefu) => c.request('PUT', `/api/households/${hid}/archive/${templateId}`, body);

  it('ARC-1 ARC-2 ARC-3 each household\'s checklist lists the manual\'s documents under the department that delivers them', async () => {
    const a = await archive();
    const names = (dept: string) => a.departments.find((d) => d.department === dept)!.documents.map((d) => d.name);
    expect(names('developer')).toEqual(['《业主规约》', '《前期物业管理服务协议》']);
    expect(names('cs_centre')).toEqual(['《入伙接楼程序表》', '《业户家庭情况登记表》']);
    for (const n of ['《入伙接楼表》(一)及附件', '《入伙接楼表》(二)及附件', '《入伙返修项目表》', '《装修申请表》', '《装修施工承诺表》', '《业户自装承诺书》', '《装修竣工验收表》', '装修设计图纸', '装修公司营业执照及资质证书复印件', '装修管理记录']) {
      expect(names('engineering')).toContain(n);
    }
    expect(a.complete).toBe(false);
    expect(a.received).toBe(0);
    expect(a.departments.find((d) => d.department === 'developer')!.missing).toEqual(['《业主规约》', '《前期物业管理服务协议》']);
  });

  it('ARC-1 a document received from the developer records who handed it over and when; without them it is refused', async () => {
    const a = await archive();
    const gui = doc(a, '《业主规约》');
    const bad = await record(gui.templateId, { version: null, status: 'received' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0]).toMatchObject({ path: 'body.handedOverBy', message: '请填写移交人（部门及姓名）' });
    const ok = await record(gui.templateId, { version: null, status: 'received', handedOverBy: '开发商 销售部 李明', handedOverOn: '2026-11-20' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(doc(ok.json(), '《业主规约》')).toMatchObject({ status: 'received', handedOverBy: '开发商 销售部 李明', handedOverOn: '2026-11-20', receivedByName: '王晓丽', location: null, version: 1 });
    // A second desk recording the same first time: conflict, not a duplicate.
    const again = await record(gui.templateId, { version: null, status: 'received', handedOverBy: 'x', handedOverOn: '2026-11-20' });
    expect(again.statusCode).toBe(409);
    const stale = await record(gui.templateId, { version: 7, status: 'missing' });
    expect(stale.statusCode).toBe(409);
    expect((await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'archive_document.record'`))[0].n).toBe(1);
  });

  it('ARC-4 filing records where the paper lies; a missing document cannot be filed', async () => {
    const a = await archive();
    const gui = doc(a, '《业主规约》');
    const filed = await record(gui.templateId, { version: gui.version, status: 'received', handedOverBy: gui.handedOverBy, handedOverOn: gui.handedOverOn, location: '3栋 第2盒 1502档案袋' });
    expect(filed.statusCode, filed.body).toBe(200);
    expect(doc(filed.json(), '《业主规约》')).toMatchObject({ location: '3栋 第2盒 1502档案袋', filedAt: t.clock.now().toISOString() });
    const missing = doc(a, '《前期物业管理服务协议》');
    const bad = await record(missing.templateId, { version: null, status: 'missing', location: '第2盒' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('body.location');
  });

  it('ARC-4 completeness per household, building, district and project, with each department\'s missing documents', async () => {
    const before = (await kefu.get(`/api/archive-completeness?projectId=${p1}`)).json();
    expect(before.project.complete).toBe(0);
    // Receive every document of 3-2-1502.
    let a = await archive();
    for (const d of a.departments.flatMap((x) => x.documents)) {
      if (d.status === 'received') continue;
      const res = await record(d.templateId, { version: d.version, status: 'received', handedOverBy: '客服中心 王晓丽', handedOverOn: '2026-11-21' });
      expect(res.statusCode, res.body).toBe(200);
    }
    a = await archive();
    expect(a.complete).toBe(true);
    expect(a.departments.every((d) => d.missing.length === 0)).toBe(true);
    const c = (await kefu.get(`/api/archive-completeness?projectId=${p1}`)).json();
    expect(c.project.complete).toBe(1);
    expect(c.project.households).toBe(before.project.households);
    // One archive per household of this estate: as many as its register holds, none of another estate's.
    const registered = (await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM households WHERE project_id = ${p1}`))[0].n;
    const elsewhere = (await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM households WHERE project_id <> ${p1}`))[0].n;
    expect(elsewhere).toBeGreaterThan(0);
    expect(c.project.households).toBe(registered);
    expect(c.project.missingByDepartment.developer).toBe(c.project.households - 1);
    const b3 = c.buildings.find((b: { name: string }) => b.name.startsWith('3'));
    expect(b3.complete).toBe(1);
    expect(b3.missingByDepartment.engineering).toBe(b3.households - 1);
    const district = c.districts.find((d: { id: string }) => d.id === b3.districtId);
    expect(district.complete).toBe(1);
    const gui = c.missingDocuments.find((m: { name: string }) => m.name === '《业主规约》');
    expect(gui).toMatchObject({ department: 'developer', households: c.project.households - 1 });
  });

  it('ARC-4 the supervisor edits the template: a new document is missing for everyone, a retired one no longer counts; the desk may not edit it', async () => {
    const add = await kefu.post('/api/archive-templates', { projectId: p1, department: 'cs_centre', name: '《钥匙委托书》' });
    expect(add.statusCode).toBe(404);
    const created = await zhuguan.post('/api/archive-templates', { projectId: p1, department: 'cs_centre', name: '《钥匙委托书》' });
    expect(created.statusCode, created.body).toBe(201);
    let a = await archive();
    expect(a.complete).toBe(false);
    expect(a.departments.find((d) => d.department === 'cs_centre')!.missing).toEqual(['《钥匙委托书》']);
    const retired = await zhuguan.patch(`/api/archive-templates/${created.json().id}`, { version: 1, active: false });
    expect(retired.statusCode).toBe(200);
    a = await archive();
    expect(a.complete).toBe(true);
    const list = (await kefu.get(`/api/archive-templates?projectId=${p1}`)).json();
    expect(list.canEdit).toBe(false);
    expect(list.items.find((i: { name: string }) => i.name === '《钥匙委托书》').active).toBe(false);
  });

  const personOf = async (relation: string) =>
    (await rows<{ id: string }>(t.store.db, sql`SELECT id FROM persons WHERE household_id = ${hid} AND relation = ${relation} LIMIT 1`))[0].id;

  it('ARC-5 facilities opened and items handed out are confirmed by the household member\'s signature, stored and shown with the record', async () => {
    const owner = await personOf('owner');
    const res = await kefu.post(`/api/households/${hid}/signoffs`, { kind: 'facility_opening', items: ['门禁卡 2 张', '信报箱钥匙 1 把', '燃气开通'], signerRole: 'household', signerPersonId: owner, signature: SIGNATURE });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'facility_opening', signerRole: 'household', signerName: '张伟明', byName: '王晓丽' });
    const img = await kefu.get(res.json().signature);
    expect(img.headers['content-type']).toBe('image/png');
    // Unsigned, signed by a stranger, or by a repairer: refused.
    expect((await kefu.post(`/api/households/${hid}/signoffs`, { kind: 'facility_opening', items: ['门禁卡'], signerRole: 'household', signerPersonId: owner })).statusCode).toBe(400);
    const [stranger] = await rows<{ id: string }>(t.store.db, sql`SELECT id FROM persons WHERE household_id <> ${hid} LIMIT 1`);
    const strangerRes = await kefu.post(`/api/households/${hid}/signoffs`, { kind: 'facility_opening', items: ['门禁卡'], signerRole: 'household', signerPersonId: stranger.id, signature: SIGNATURE });
    expect(strangerRes.statusCode).toBe(400);
    expect(strangerRes.json().error.fields[0].path).toBe('body.signerPersonId');
    const repairer = await kefu.post(`/api/households/${hid}/signoffs`, { kind: 'facility_opening', items: ['门禁卡'], signerRole: 'repairer', signerName: '马强', signature: SIGNATURE });
    expect(repairer.statusCode).toBe(400);
    expect(repairer.json().error.fields[0].message).toBe('该事项须由业户本人签字确认');
    // Not readable outside customer service.
    const weixiu = await Client.login(t.app, 'weixiu');
    expect((await weixiu.get(res.json().signature)).statusCode).toBe(404);
  });

  it('ARC-6 completed handover-form items carry the signature of the household or of the repairer', async () => {
    const byRepairer = await kefu.post(`/api/households/${hid}/signoffs`, { kind: 'handover_items', items: ['卫生间墙面渗水已修复', '入户门锁已更换'], signerRole: 'repairer', signerName: '马强', signature: SIGNATURE });
    expect(byRepairer.statusCode, byRepairer.body).toBe(201);
    expect(byRepairer.json()).toMatchObject({ signerRole: 'repairer', signerName: '马强' });
    const noName = await kefu.post(`/api/households/${hid}/signoffs`, { kind: 'handover_items', items: ['x'], signerRole: 'repairer', signature: SIGNATURE });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().error.fields[0]).toEqual({ path: 'body.signerName', message: '请填写维修人员姓名' });
    const byHousehold = await kefu.post(`/api/households/${hid}/signoffs`, { kind: 'handover_items', items: ['阳台推拉门已调整'], signerRole: 'household', signerPersonId: await personOf('family'), signature: SIGNATURE });
    expect(byHousehold.statusCode).toBe(201);
    // Unsigned, or signed by a member of another household: refused, nothing written.
    const count = async () => (await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM household_signoffs WHERE household_id = ${hid} AND kind = 'handover_items'`))[0].n;
    const before = await count();
    const unsigned = await kefu.post(`/api/households/${hid}/signoffs`, { kind: 'handover_items', items: ['厨房水龙头已更换'], signerRole: 'repairer', signerName: '马强' });
    expect(unsigned.statusCode).toBe(400);
    expect(unsigned.json().error.fields[0].path).toBe('body.signature');
    const [stranger] = await rows<{ id: string }>(t.store.db, sql`SELECT id FROM persons WHERE household_id <> ${hid} LIMIT 1`);
    const byStranger = await kefu.post(`/api/households/${hid}/signoffs`, { kind: 'handover_items', items: ['厨房水龙头已更换'], signerRole: 'household', signerPersonId: stranger.id, signature: SIGNATURE });
    expect(byStranger.statusCode).toBe(400);
    expect(byStranger.json().error.fields[0]).toEqual({ path: 'body.signerPersonId', message: '请选择本户登记的成员签字' });
    expect(await count()).toBe(before);
  });

  it('ARC-7 the household signs for both manuals before they are handed over; a receipt missing one is refused', async () => {
    const owner = await personOf('owner');
    const partial = await kefu.post(`/api/households/${hid}/signoffs`, { kind: 'manual_receipt', items: ['《物业使用手册》'], signerRole: 'household', signerPersonId: owner, signature: SIGNATURE });
    expect(partial.statusCode).toBe(400);
    expect(partial.json().error.fields[0].message).toContain('《房屋装饰装修管理规定》');
    // The household signs for the manuals, not a repairer.
    const byRepairer = await kefu.post(`/api/households/${hid}/signoffs`, { kind: 'manual_receipt', items: ['《物业使用手册》', '《房屋装饰装修管理规定》'], signerRole: 'repairer', signerName: '马强', signature: SIGNATURE });
    expect(byRepairer.statusCode).toBe(400);
    expect(byRepairer.json().error.fields[0]).toEqual({ path: 'body.signerRole', message: '该事项须由业户本人签字确认' });
    expect((await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM household_signoffs WHERE household_id = ${hid} AND kind = 'manual_receipt'`))[0].n).toBe(0);
    const ok = await kefu.post(`/api/households/${hid}/signoffs`, { kind: 'manual_receipt', items: ['《物业使用手册》', '《房屋装饰装修管理规定》'], signerRole: 'household', signerPersonId: owner, signature: SIGNATURE });
    expect(ok.statusCode).toBe(201);
    const list = (await kefu.get(`/api/households/${hid}/signoffs`)).json();
    expect(list.unitCode).toBe('3-2-1502');
    expect(list.items.map((i: { kind: string }) => i.kind)).toEqual(expect.arrayContaining(['facility_opening', 'handover_items', 'manual_receipt']));
    // Field staff cannot sign anything into the archive or read it.
    const lingban = await Client.login(t.app, 'lingban');
    expect((await lingban.get(`/api/households/${hid}/signoffs`)).statusCode).toBe(404);
  });

  it('ARC-10 only customer service reaches the archives: field staff, guards and vendors get 404, as does another project', async () => {
    for (const u of ['weixiu', 'lingban', 'baoan', 'waibu', 'gongchengshi']) {
      const c = await Client.login(t.app, u);
      expect((await c.get(`/api/households/${hid}/archive`)).statusCode, u).toBe(404);
      expect((await c.get(`/api/archive-completeness?projectId=${p1}`)).statusCode, u).toBe(404);
    }
    const [other] = await rows<{ id: string }>(t.store.db, sql`SELECT id FROM households WHERE project_id = ${t.ids.p3}`);
    expect((await kefu.get(`/api/households/${other.id}/archive`)).statusCode).toBe(404);
    expect((await kefu.get(`/api/archive-completeness?projectId=${t.ids.p3}`)).statusCode).toBe(404);
    // ARC-12: the archive carries no personal numbers.
    expect(JSON.stringify(await archive())).not.toMatch(/1381234|\d{15,}/);
  });
});

describe.each(STORE_KINDS)('archive scans on %s', (kind) => {
  let t: TestApp;
  let kefu: Client;
  let hid: string;
  let templateId: string;
  const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
  const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  beforeAll(async () => {
    t = await startTestApp(kind);
    kefu = await Client.login(t.app, 'kefu');
    hid = (await kefu.get('/api/households?q=3-2-1502')).json().items[0].id;
    const a = (await kefu.get(`/api/households/${hid}/archive`)).json() as Archive;
    templateId = a.departments[0].documents[0].templateId;
  });
  afterAll(() => t.close());

  const upload = (type: string, body: Buffer, name = 'x.pdf', tid = templateId) =>
    t.app.inject({ method: 'POST', url: `/api/households/${hid}/archive/${tid}/scans?name=${encodeURIComponent(name)}`, headers: { cookie: kefu.cookie, 'x-csrf-token': kefu.csrf, 'content-type': type }, payload: body });

  it('ARC-4 a scan uploads only for a received document, as PDF/JPEG/PNG whose bytes match; oversize is 413, a mismatch 415', async () => {
    expect((await upload('application/pdf', PDF)).statusCode).toBe(409);
    await kefu.request('PUT', `/api/households/${hid}/archive/${templateId}`, { version: null, status: 'received', handedOverBy: '开发商 李明', handedOverOn: '2026-11-20' });
    const ok = await upload('application/pdf', PDF, '../../etc/passwd/业主规约.pdf');
    expect(ok.statusCode, ok.body).toBe(201);
    // A path-like name is kept for display only, without its path; the file lives under a generated id.
    expect(ok.json().fileName).toBe('业主规约.pdf');
    expect(ok.json().url).toMatch(/^\/api\/archive-scans\/[0-9a-f-]{36}$/);
    expect((await upload('image/png', PNG, 'scan.png')).statusCode).toBe(201);
    // Declared PDF, really HTML: refused. Declared PNG, really PDF: refused. Other types: refused.
    const html = await upload('application/pdf', Buffer.from('<html><script>alert(1)</script></html>'));
    expect(html.statusCode).toBe(415);
    expect(html.json().error.message).toContain('文件内容与类型不符');
    expect((await upload('image/png', PDF)).statusCode).toBe(415);
    expect((await upload('text/html', Buffer.from('<html></html>'))).statusCode).toBe(415);
    expect((await upload('application/pdf', Buffer.alloc(0))).statusCode).toBe(415);
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    expect((await upload('application/pdf', big)).statusCode).toBe(413);
    const a = (await kefu.get(`/api/households/${hid}/archive`)).json() as Archive & { departments: { documents: { scans: { url: string }[] }[] }[] };
    expect(a.departments[0].documents[0].scans).toHaveLength(2);
    expect((await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM archive_scans`))[0].n).toBe(2);
  });

  it('ARC-4 a scan downloads as an attachment with nosniff, audited; the generic attachment route and other roles get 404', async () => {
    const a = (await kefu.get(`/api/households/${hid}/archive`)).json() as { departments: { documents: { scans: { id: string; url: string }[] }[] }[] };
    const scan = a.departments[0].documents[0].scans[0];
    const res = await kefu.get(scan.url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="scan-[0-9a-f-]{36}\.(pdf|png)"/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect((await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'archive_scan.download'`))[0].n).toBe(1);
    const [att] = await rows<{ id: string }>(t.store.db, sql`SELECT attachment_id AS id FROM archive_scans WHERE id = ${scan.id}`);
    expect((await kefu.get(`/api/attachments/${att.id}`)).statusCode).toBe(404);
    const weixiu = await Client.login(t.app, 'weixiu');
    expect((await weixiu.get(scan.url)).statusCode).toBe(404);
  });
});
