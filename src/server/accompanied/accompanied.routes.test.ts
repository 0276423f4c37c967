import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Client, STORE_KINDS, startTestApp, type TestApp } from '../testing/harness';
import { rows } from '../db/store';

/**
 * The supervised accompanied view (陪同查阅) of SPEC.md ARC-8..10. Expected access written by hand from the
 * manual: department leads (工程部领班 lingban, 保安班长 banzhang) ask; a customer-service staff member of the same
 * project confirms with their own password; supervisors read the report; nobody else reaches any of it.
 */
describe.each(STORE_KINDS)('accompanied view on %s', (kind) => {
  let t: TestApp;
  let lingban: Client;
  let kefu: Client;
  let zhuguan: Client;
  let showcase: { householdId: string; personId: string; phone: string; idNumber: string };
  const start = (c: Client, over: Record<string, unknown> = {}) =>
    c.post('/api/accompanied-sessions', { unitCode: '3-2-1502', reason: '工程部核对返修项目', csUsername: 'kefu', csPassword: 'demo1234', ...over });
  const audits = async (action: string) => (await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = ${action}`))[0].n;

  beforeAll(async () => {
    t = await startTestApp(kind, { sessionIdleMinutes: 1e6, sessionAbsoluteMinutes: 1e7, loginMaxFailures: 3 });
    lingban = await Client.login(t.app, 'lingban');
    kefu = await Client.login(t.app, 'kefu');
    zhuguan = await Client.login(t.app, 'zhuguan');
    const [p] = await rows<{ hid: string; pid: string; phone: string; id_number: string }>(
      t.store.db,
      sql`SELECT h.id AS hid, pe.id AS pid, pe.phone, pe.id_number FROM households h JOIN units u ON u.id = h.unit_id JOIN persons pe ON pe.household_id = h.id
          WHERE u.project_id = ${t.ids.p1} AND u.code = '3-2-1502' AND pe.relation = 'owner'`,
    );
    showcase = { householdId: p.hid, personId: p.pid, phone: p.phone, idNumber: p.id_number };
  });
  afterAll(() => t.close());

  it('ARC-8 a lead alone gets nothing: the register answers 404 and there is no single-request accompanied view any more', async () => {
    expect((await lingban.get('/api/households?q=3-2-1502')).statusCode).toBe(404);
    expect((await lingban.get(`/api/households/${showcase.householdId}`)).statusCode).toBe(404);
    expect((await kefu.post(`/api/households/${showcase.householdId}/accompanied-view`, { reason: '旧接口' })).statusCode).toBe(404);
  });

  it('ARC-8 with a CS staff member confirming with her own password, the lead sees the file read-only, masked and watermarked; the trail names both', async () => {
    const res = await start(lingban);
    expect(res.statusCode).toBe(201);
    const s = res.json();
    expect(s).toMatchObject({ unitCode: '3-2-1502', leadName: '黄磊', csName: '王晓丽', active: true, endedAt: null });
    // the default length is 15 minutes
    expect(new Date(s.expiresAt).getTime() - new Date(s.startedAt).getTime()).toBe(15 * 60_000);
    const file = await lingban.get(`/api/accompanied-sessions/${s.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['cache-control']).toBe('no-store');
    const body = file.json();
    expect(body.readOnly).toBe(true);
    expect(body.watermark).toContain('黄磊');
    expect(body.watermark).toContain('王晓丽');
    expect(body.watermark).toMatch(/\d{2}:\d{2}/);
    const owner = body.household.persons.find((p: { relation: string }) => p.relation === 'owner');
    expect(owner.phone).toBe('138****5678');
    expect(owner.idNumber).toBe(`${showcase.idNumber[0]}****************${showcase.idNumber.slice(-1)}`);
    expect(file.body).not.toContain(showcase.phone);
    expect(file.body).not.toContain(showcase.idNumber);
    expect(body.archive.length).toBeGreaterThan(5);
    // no abilities to act on anything travel with it
    expect(body.abilities).toBeUndefined();
    const [entry] = await rows<{ actor_name: string; detail: { session: string; leadName: string; csName: string } }>(
      t.store.db,
      sql`SELECT actor_name, detail FROM audit_log WHERE action = 'household.accompanied_read' ORDER BY seq DESC LIMIT 1`,
    );
    expect(entry).toMatchObject({ actor_name: 'lingban', detail: { session: s.id, leadName: '黄磊', csName: '王晓丽' } });
    const [started] = await rows<{ detail: { lead: string; cs: string } }>(t.store.db, sql`SELECT detail FROM audit_log WHERE action = 'accompanied.start' ORDER BY seq DESC LIMIT 1`);
    expect(started.detail).toMatchObject({ lead: 'lingban', cs: 'kefu' });
  });

  it('ARC-9 inside a session nothing can be revealed, edited, downloaded, printed or exported: the server answers 404', async () => {
    const s = (await start(lingban)).json();
    expect((await lingban.post(`/api/persons/${showcase.personId}/reveal`, { field: 'phone', reason: '领导要求' })).statusCode).toBe(404);
    expect((await lingban.patch(`/api/households/${showcase.householdId}`, { version: 1, note: '改' })).statusCode).toBe(404);
    expect((await lingban.post(`/api/households/${showcase.householdId}/persons`, { relation: 'family', name: '某人' })).statusCode).toBe(404);
    // the session's one real route is read-only and masked, whatever is asked of it
    const file = `/api/accompanied-sessions/${s.id}/file`;
    for (const res of [await lingban.post(file, { field: 'phone' }), await lingban.patch(file, { note: '改' }), await lingban.request('PUT', file, { note: '改' }), await lingban.request('DELETE', file)]) {
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain(showcase.phone);
    }
    for (const q of ['?reveal=phone', '?unmasked=true', '?format=csv', '?print=1']) {
      const res = await lingban.get(file + q);
      expect([200, 400], q).toContain(res.statusCode);
      expect(res.body, q).not.toContain(showcase.phone);
      expect(res.body, q).not.toContain(showcase.idNumber);
      expect(res.headers['content-disposition'], q).toBeUndefined();
    }
    // and no reveal, export, print or download route exists under a session (one added later would fail here)
    for (const path of ['reveal', 'export', 'print', 'download', 'file.csv', 'file/print']) {
      const get = await lingban.get(`/api/accompanied-sessions/${s.id}/${path}`);
      const post = await lingban.post(`/api/accompanied-sessions/${s.id}/${path}`, { field: 'phone' });
      expect(get.statusCode, path).toBe(404);
      expect(post.statusCode, path).toBe(404);
      expect(get.body + post.body).not.toContain(showcase.phone);
    }
    // the household's archive scans are out of reach for the lead
    expect((await lingban.get(`/api/households/${showcase.householdId}/archive`)).statusCode).toBe(404);
    expect((await lingban.get('/api/archive-scans/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    // and the CS staff member's own reveal is her own, audited under her name alone — not the session's
    const revealsBefore = await audits('person.reveal');
    expect((await kefu.post(`/api/accompanied-sessions/${s.id}/reveal`, { field: 'phone' })).statusCode).toBe(404);
    expect(await audits('person.reveal')).toBe(revealsBefore);
  });

  it('ARC-8 the session ends by itself at its expiry: afterwards the server refuses the file (404) and the session shows as ended', async () => {
    const s = (await start(lingban)).json();
    expect((await lingban.get(`/api/accompanied-sessions/${s.id}/file`)).statusCode).toBe(200);
    t.clock.advanceMinutes(14);
    expect((await lingban.get(`/api/accompanied-sessions/${s.id}/file`)).statusCode).toBe(200);
    t.clock.advanceMinutes(1);
    const after = await lingban.get(`/api/accompanied-sessions/${s.id}/file`);
    expect(after.statusCode).toBe(404);
    expect(after.body).not.toContain('138****5678');
    expect((await lingban.get(`/api/accompanied-sessions/${s.id}`)).json().active).toBe(false);
    expect((await lingban.post(`/api/accompanied-sessions/${s.id}/end`)).statusCode).toBe(409);
  });

  it('ARC-8 either of the two ends it: the CS staff member from her own desk, or the lead', async () => {
    const a = (await start(lingban)).json();
    const mine = (await kefu.get('/api/accompanied-sessions/mine')).json().items.map((i: { id: string }) => i.id);
    expect(mine).toContain(a.id);
    const ended = await kefu.post(`/api/accompanied-sessions/${a.id}/end`);
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ active: false, endedByName: '王晓丽' });
    expect((await lingban.get(`/api/accompanied-sessions/${a.id}/file`)).statusCode).toBe(404);
    const b = (await start(lingban)).json();
    expect((await lingban.post(`/api/accompanied-sessions/${b.id}/end`)).json()).toMatchObject({ active: false, endedByName: '黄磊' });
    expect((await lingban.get(`/api/accompanied-sessions/${b.id}/file`)).statusCode).toBe(404);
  });

  it('ARC-8 a wrong CS password is a 400 with a Chinese message, starts nothing, and is throttled like a login (429)', async () => {
    const before = await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM accompanied_sessions`);
    const bad = await start(banzhangClient(), { csUsername: 'zhuli', csPassword: 'wrong-password' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('CS_CONFIRM_FAILED');
    expect(bad.json().error.fields[0]).toMatchObject({ path: 'body.csPassword' });
    expect(bad.json().error.fields[0].message).toMatch(/[\u4e00-\u9fa5]/);
    // two more failures reach the limit (3 in this test app); then even the right password is refused for a while
    await start(banzhangClient(), { csUsername: 'zhuli', csPassword: 'wrong-2' });
    await start(banzhangClient(), { csUsername: 'zhuli', csPassword: 'wrong-3' });
    expect((await start(banzhangClient(), { csUsername: 'zhuli', csPassword: 'demo1234' })).statusCode).toBe(429);
    const after = await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM accompanied_sessions`);
    expect(after[0].n).toBe(before[0].n);
    expect(await audits('accompanied.confirm_blocked')).toBeGreaterThan(0);
    // after the window it works again
    t.clock.advanceMinutes(16);
    expect((await start(banzhangClient(), { csUsername: 'zhuli', csPassword: 'demo1234' })).statusCode).toBe(201);
  });

  let banzhang: Client | undefined;
  const banzhangClient = () => banzhang!;
  beforeAll(async () => {
    banzhang = await Client.login(t.app, 'banzhang');
  });

  it('ARC-8 the confirmation must come from customer service of the same project, not from another lead, a technician or the supervisor in another estate', async () => {
    for (const csUsername of ['weixiu', 'banzhang', 'baoan', 'waibu', 'nobody']) {
      const res = await start(lingban, { csUsername });
      expect(res.statusCode, csUsername).toBe(400);
      expect(res.json().error.code).toBe('CS_CONFIRM_FAILED');
    }
    // qiantai (front desk) and zhuli (CS assistant) of this estate may confirm
    expect((await start(lingban, { csUsername: 'qiantai' })).statusCode).toBe(201);
    // a room the lead's estate does not have (another company's estate): 404, nothing shown
    const other = await start(lingban, { unitCode: '99-1-101' });
    expect(other.statusCode).toBe(404);
    expect(other.body).not.toContain('13900001111');
  });

  it('ARC-10 every other role gets 404 for asking, and nobody but the two sees a session', async () => {
    const s = (await start(lingban)).json();
    for (const username of ['kefu', 'zhuli', 'jingli', 'zhuguan', 'zhongxin', 'qiantai', 'weixiu', 'gongchengshi', 'baoan', 'menwei', 'waibu', 'admin']) {
      const c = await Client.login(t.app, username);
      expect((await start(c)).statusCode, username).toBe(404);
      if (username === 'kefu') continue;
      expect((await c.get(`/api/accompanied-sessions/${s.id}/file`)).statusCode, username).toBe(404);
      expect((await c.get(`/api/accompanied-sessions/${s.id}`)).statusCode, username).toBe(404);
    }
    // another lead of the same estate is not part of it either
    expect((await banzhangClient().get(`/api/accompanied-sessions/${s.id}/file`)).statusCode).toBe(404);
    // the CS staff member who confirmed sees the same read-only file
    expect((await kefu.get(`/api/accompanied-sessions/${s.id}/file`)).json().readOnly).toBe(true);
  });

  it('ARC-8 a lead of another estate gets 404 for a room here, and nothing is logged as a view', async () => {
    const [u] = await rows<{ id: string }>(
      t.store.db,
      sql`INSERT INTO users (username, display_name, password_hash) SELECT 'lingban2', '锦园领班', password_hash FROM users WHERE username = 'lingban' RETURNING id`,
    );
    await t.store.db.execute(sql`INSERT INTO user_roles (user_id, role) VALUES (${u.id}, 'eng_lead')`);
    await t.store.db.execute(sql`INSERT INTO user_projects (user_id, project_id) VALUES (${u.id}, ${t.ids.p3})`);
    const lingban2 = await Client.login(t.app, 'lingban2');
    const views = await audits('household.accompanied_read');
    const res = await start(lingban2);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('138****5678');
    // and sessions of this estate stay out of his reach
    const s = (await start(lingban)).json();
    expect((await lingban2.get(`/api/accompanied-sessions/${s.id}/file`)).statusCode).toBe(404);
    expect(await audits('household.accompanied_read')).toBe(views);
  });

  it('ARC-9 the report shows supervisors who saw which household, with whom and when; others get 404', async () => {
    const s = (await start(lingban, { reason: '报表核对' })).json();
    await lingban.get(`/api/accompanied-sessions/${s.id}/file`);
    await kefu.get(`/api/accompanied-sessions/${s.id}/file`);
    const rep = await zhuguan.get('/api/accompanied-sessions/report');
    expect(rep.statusCode).toBe(200);
    const row = rep.json().items.find((i: { id: string }) => i.id === s.id);
    expect(row).toMatchObject({ unitCode: '3-2-1502', leadName: '黄磊', csName: '王晓丽', reason: '报表核对' });
    expect(row.views.map((v: { byName: string }) => v.byName)).toEqual(['黄磊', '王晓丽']);
    expect(rep.body).not.toContain(showcase.phone);
    for (const username of ['lingban', 'kefu', 'qiantai', 'weixiu', 'baoan']) {
      const c = await Client.login(t.app, username);
      expect((await c.get('/api/accompanied-sessions/report')).statusCode, username).toBe(404);
    }
    expect((await zhuguan.get(`/api/accompanied-sessions/report?projectId=${t.ids.p3}`)).statusCode).toBe(404);
  });

  it('ARC-8 the session length is a setting', async () => {
    const short = await startTestApp(kind, { accompaniedViewMinutes: 2 });
    try {
      const lead = await Client.login(short.app, 'lingban');
      const s = (await lead.post('/api/accompanied-sessions', { unitCode: '3-2-1502', reason: '设置测试', csUsername: 'kefu', csPassword: 'demo1234' })).json();
      expect(new Date(s.expiresAt).getTime() - new Date(s.startedAt).getTime()).toBe(2 * 60_000);
      short.clock.advanceMinutes(2);
      expect((await lead.get(`/api/accompanied-sessions/${s.id}/file`)).statusCode).toBe(404);
    } finally {
      await short.close();
    }
  });

  it('rejects bad input with Chinese field messages', async () => {
    const res = await lingban.post('/api/accompanied-sessions', { unitCode: '', reason: 'x', csUsername: '', csPassword: '', extra: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });
});
