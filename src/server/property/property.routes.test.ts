import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Client, STORE_KINDS, startTestApp, type TestApp } from '../testing/harness';
import { rows } from '../db/store';

describe.each(STORE_KINDS)('property register on %s', (kind) => {
  let t: TestApp;
  let kefu: Client;
  let showcaseId: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    kefu = await Client.login(t.app, 'kefu');
    showcaseId = (await kefu.get('/api/households?q=3-2-1502')).json().items[0].id;
  });
  afterAll(() => t.close());

  const audits = async (action: string) => (await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = ${action}`))[0].n;

  // Written by hand: how people count rooms (building, entrance, floor, room as numbers).
  const byHand = (a: string, b: string) => {
    const pa = a.split('-').map(Number);
    const pb = b.split('-').map(Number);
    for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
    return 0;
  };

  it('search hits and unit lists come in the order people count rooms, not as text (2 before 10, 101 before 1001)', async () => {
    const hits: string[] = (await kefu.get('/api/households?q=1502&limit=100')).json().items.map((h: { unitCode: string }) => h.unitCode);
    expect(hits.length).toBeGreaterThan(12);
    expect(hits.some((c) => c.startsWith('10-'))).toBe(true);
    expect(hits).toEqual([...hits].sort(byHand));
    const units: string[] = (await kefu.get(`/api/units?projectId=${t.ids.p1}&q=1-1-&pageSize=5`)).json().items.map((u: { code: string }) => u.code);
    expect(units).toEqual(['1-1-101', '1-1-102', '1-1-201', '1-1-202', '1-1-301']);
  });

  it('finds a household by room code, by name prefix, by the last four digits and by the full phone', async () => {
    const byRoom = (await kefu.get('/api/households?q=3-2-1502')).json().items;
    expect(byRoom).toHaveLength(1);
    expect(byRoom[0].unitCode).toBe('3-2-1502');
    const byName = (await kefu.get(`/api/households?q=${encodeURIComponent('张伟明')}`)).json().items;
    expect(byName.map((h: { unitCode: string }) => h.unitCode)).toContain('3-2-1502');
    const byLast4 = (await kefu.get('/api/households?q=5678')).json().items;
    expect(byLast4.map((h: { unitCode: string }) => h.unitCode)).toContain('3-2-1502');
    const byPhone = (await kefu.post('/api/households/search', { q: '13812345678' })).json().items;
    expect(byPhone.map((h: { unitCode: string }) => h.unitCode)).toEqual(['3-2-1502']);
    const prefix = (await kefu.get('/api/households?q=3-2-15')).json().items;
    expect(prefix.every((h: { unitCode: string }) => h.unitCode.startsWith('3-2-15'))).toBe(true);
    expect(prefix.length).toBeGreaterThan(1);
  });

  it('ARC-9 a phone or ID number in the URL of the GET search is refused (400), whatever its spelling', async () => {
    for (const q of ['13812345678', '138 1234 5678', '138-1234-5678', '１３８１２３４５６７８', '+8613812345678', '11010519491231002X']) {
      const res = await kefu.get(`/api/households?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.fields[0].message).toContain('不能放在网址中');
    }
    // Room codes, names and the last four digits still work in the GET form.
    expect((await kefu.get('/api/households?q=5678')).statusCode).toBe(200);
    expect((await kefu.get('/api/households?q=21-1-1501')).statusCode).toBe(200);
  });

  it('full-width digits typed into the search find the household (NFKC)', async () => {
    const res = (await kefu.get(`/api/households?q=${encodeURIComponent('３-２-１５０２')}`)).json().items;
    expect(res.map((h: { unitCode: string }) => h.unitCode)).toEqual(['3-2-1502']);
    const phone = (await kefu.post('/api/households/search', { q: '１３８１２３４５６７８' })).json().items;
    expect(phone.map((h: { unitCode: string }) => h.unitCode)).toEqual(['3-2-1502']);
  });

  it('a resident ID with a wrong check digit, and names with invisible or direction-control characters, are refused', async () => {
    const base = `/api/households/${showcaseId}/persons`;
    const bad = await kefu.post(base, { name: '李四', relation: 'family', idNumber: '110105194912310021' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].message).toContain('校验位');
    for (const name of ['李\u200B四', '\u202E四李', '李\u2066四\u2069']) {
      const res = await kefu.post(base, { name, relation: 'family' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields[0].message).toContain('不可见字符');
    }
    const ok = await kefu.post(base, { name: '李四', relation: 'family', idNumber: '11010519491231002x', phone: '１３９００００１２３４' });
    expect(ok.statusCode).toBe(201);
  });

  it('ARC-9 the web app searches with the query in the body, so a phone number never appears in a URL', async () => {
    const res = await kefu.post('/api/households/search', { q: '13812345678' });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((h: { unitCode: string }) => h.unitCode)).toEqual(['3-2-1502']);
    expect(res.body).not.toContain('13812345678');
  });

  it('ARC-12 phones and ID numbers leave the server masked, even for customer service', async () => {
    const res = await kefu.get(`/api/households/${showcaseId}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('13812345678');
    const owner = res.json().persons.find((p: { relation: string }) => p.relation === 'owner');
    expect(owner.name).toBe('张伟明');
    expect(owner.phone).toBe('138****5678');
    expect(owner.idNumber).toMatch(/^\d\*{16}[\dX]$/);
    expect(res.json().abilities.revealContact).toBe(true);
  });

  it('ARC-12 a reveal is an explicit action that returns the full number and is audited with its reason', async () => {
    const h = (await kefu.get(`/api/households/${showcaseId}`)).json();
    const owner = h.persons.find((p: { relation: string }) => p.relation === 'owner');
    const before = await audits('person.reveal');
    const res = await kefu.post(`/api/persons/${owner.id}/reveal`, { field: 'phone', reason: '业主来电要求回电' });
    expect(res.statusCode).toBe(200);
    expect(res.json().value).toBe('13812345678');
    expect(await audits('person.reveal')).toBe(before + 1);
    const [entry] = await rows<{ actor_name: string; detail: { reason: string; field: string } }>(
      t.store.db,
      sql`SELECT actor_name, detail FROM audit_log WHERE action = 'person.reveal' ORDER BY seq DESC LIMIT 1`,
    );
    expect(entry.actor_name).toBe('kefu');
    expect(entry.detail).toMatchObject({ field: 'phone', reason: '业主来电要求回电' });
    const noReason = await kefu.post(`/api/persons/${owner.id}/reveal`, { field: 'phone', reason: '' });
    expect(noReason.statusCode).toBe(400);
  });

  it('ARC-12 the administrator sees the register but cannot reveal contact data', async () => {
    const admin = await Client.login(t.app, 'admin');
    const h = (await admin.get(`/api/households/${showcaseId}`)).json();
    expect(h.abilities.revealContact).toBe(false);
    const res = await admin.post(`/api/persons/${h.persons[0].id}/reveal`, { field: 'phone', reason: '测试查看' });
    expect(res.statusCode).toBe(404);
  });

  it('ARC-9 every read of a household is on the audit trail, so a leak can be traced', async () => {
    const before = await audits('household.read');
    await kefu.get(`/api/households/${showcaseId}`);
    expect(await audits('household.read')).toBe(before + 1);
  });

  it('ARC-10 a guard has no register: its routes answer 404', async () => {
    const baoan = await Client.login(t.app, 'baoan');
    expect((await baoan.get('/api/households?q=3-2-1502')).statusCode).toBe(404);
    expect((await baoan.get(`/api/households/${showcaseId}`)).statusCode).toBe(404);
    expect((await baoan.get(`/api/projects/${t.ids.p1}/tree`)).statusCode).toBe(404);
  });

  it('a household of a project not assigned to the user answers 404 and never shows in a search', async () => {
    const [other] = await rows<{ id: string }>(t.store.db, sql`SELECT id FROM households WHERE project_id = ${t.ids.p3}`);
    expect((await kefu.get(`/api/households/${other.id}`)).statusCode).toBe(404);
    expect((await kefu.get('/api/households?q=99-1-101')).json().items).toEqual([]);
    expect((await kefu.get(`/api/projects/${t.ids.p3}/tree`)).statusCode).toBe(404);
    expect((await kefu.get(`/api/units?projectId=${t.ids.p3}`)).statusCode).toBe(404);
  });

  it('the tree shows 3 districts and 12 buildings with their account managers', async () => {
    const tree = (await kefu.get(`/api/projects/${t.ids.p1}/tree`)).json();
    expect(tree.project.name).toBe('佳宏花园');
    expect(tree.districts).toHaveLength(3);
    expect(tree.districts.flatMap((d: { buildings: unknown[] }) => d.buildings)).toHaveLength(12);
    expect(tree.districts.every((d: { accountManagerName: string | null }) => d.accountManagerName)).toBe(true);
  });

  it('units list pages and filters', async () => {
    const all = (await kefu.get(`/api/units?projectId=${t.ids.p1}&pageSize=10`)).json();
    expect(all.total).toBe(1008);
    expect(all.items).toHaveLength(10);
    const tree = (await kefu.get(`/api/projects/${t.ids.p1}/tree`)).json();
    const east = tree.districts.find((d: { name: string }) => d.name === '东区');
    const inEast = (await kefu.get(`/api/units?projectId=${t.ids.p1}&districtId=${east.id}&pageSize=5`)).json();
    expect(inEast.total).toBe(east.buildings.reduce((n: number, b: { unitCount: number }) => n + b.unitCount, 0));
    const some = (await kefu.get(`/api/units?projectId=${t.ids.p1}&q=3-2-150`)).json();
    expect(some.items.map((u: { code: string }) => u.code)).toContain('3-2-1502');
  });

  it('a stale version gets 409 and changes nothing; the fresh one wins', async () => {
    const h = (await kefu.get(`/api/households/${showcaseId}`)).json();
    const zhuli = await Client.login(t.app, 'zhuli');
    const a = await kefu.patch(`/api/households/${showcaseId}`, { version: h.version, note: '甲' });
    const b = await zhuli.patch(`/api/households/${showcaseId}`, { version: h.version, note: '乙' });
    expect(a.statusCode).toBe(200);
    expect(b.statusCode).toBe(409);
    expect(b.json().error.code).toBe('VERSION_CONFLICT');
    const now = (await kefu.get(`/api/households/${showcaseId}`)).json();
    expect(now.note).toBe('甲');
    expect(now.version).toBe(h.version + 1);
  });

  it('two desks saving at the same moment: exactly one wins, the other gets 409', async () => {
    const h = (await kefu.get(`/api/households/${showcaseId}`)).json();
    const zhuli = await Client.login(t.app, 'zhuli');
    const results = await Promise.all([
      kefu.patch(`/api/households/${showcaseId}`, { version: h.version, note: 'A' }),
      zhuli.patch(`/api/households/${showcaseId}`, { version: h.version, note: 'B' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });

  it('adds a person with field-level validation in Chinese', async () => {
    const bad = await kefu.post(`/api/households/${showcaseId}/persons`, { relation: 'family', name: '', phone: '123' });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['body.name', 'body.phone']));
    const ok = await kefu.post(`/api/households/${showcaseId}/persons`, { relation: 'family', name: '张小明', phone: '13900002222' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().phone).toBe('139****2222');
  });

  it('ARC-8 an engineering lead cannot look up household data on his own', async () => {
    const lingban = await Client.login(t.app, 'lingban');
    expect((await lingban.get('/api/households?q=3-2-1502')).statusCode).toBe(404);
    expect((await lingban.get(`/api/households/${showcaseId}`)).statusCode).toBe(404);
  });

  it('ARC-8 the register itself offers no accompanied look-up: a lead sees household data only in a supervised session (src/server/accompanied)', async () => {
    const [lead] = await rows<{ id: string }>(t.store.db, sql`SELECT id FROM users WHERE username = 'lingban'`);
    expect((await kefu.post(`/api/households/${showcaseId}/accompanied-view`, { leadUserId: lead.id, reason: '工程部核对返修项目' })).statusCode).toBe(404);
    const lingban = await Client.login(t.app, 'lingban');
    expect((await lingban.post(`/api/households/${showcaseId}/accompanied-view`, { leadUserId: lead.id, reason: '自己查' })).statusCode).toBe(404);
  });

  it('a technician has no access to the register; nothing he could call returns names', async () => {
    const weixiu = await Client.login(t.app, 'weixiu');
    expect((await weixiu.get(`/api/households/${showcaseId}`)).statusCode).toBe(404);
  });
});
