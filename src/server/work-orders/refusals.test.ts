import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Client, STORE_KINDS, startTestApp, type TestApp } from '../testing/harness';
import { deskFixture, recordCall } from '../testing/desk';
import { rows } from '../db/store';

interface Item {
  id: string;
  assigneeId: string | null;
  vendorId: string | null;
  callerName: string;
  callerPhone: string | null;
}

/**
 * The refusal side of CALL-2, ARC-8, ARC-10 and ARC-12 (issue 8), through the real server and database:
 * a doer sees only his own work orders, with the caller masked, and never the call records themselves;
 * a lead of another project is no lead here. Expected values are written by hand from SPEC.md.
 */
describe.each(STORE_KINDS)('work-order and household refusals on %s', (kind) => {
  let t: TestApp;
  let kefu: Client;
  let weixiu: Client;
  let weixiu2: Client;
  let waibu: Client;
  let ids: { weixiu: string; weixiu2: string; lingban2: string; broadband: string };
  /** Work orders: A to 马强 (weixiu), B to the broadband vendor (waibu acts for it), C to the second technician. */
  const wo = { A: '', B: '', C: '' };
  const callOfA = { id: '' };

  beforeAll(async () => {
    t = await startTestApp(kind, { sessionIdleMinutes: 1e6, sessionAbsoluteMinutes: 1e7 });
    const f = await deskFixture(t);
    // a second technician of the same project, and an engineering lead of the other estate only
    const addUser = async (username: string, displayName: string, role: string, projectId: string) => {
      const [u] = await rows<{ id: string }>(
        t.store.db,
        sql`INSERT INTO users (username, display_name, password_hash) SELECT ${username}, ${displayName}, password_hash FROM users WHERE username = 'weixiu' RETURNING id`,
      );
      await t.store.db.execute(sql`INSERT INTO user_roles (user_id, role) VALUES (${u.id}, ${role})`);
      await t.store.db.execute(sql`INSERT INTO user_projects (user_id, project_id) VALUES (${u.id}, ${projectId})`);
      return u.id;
    };
    const [broadband] = await rows<{ id: string }>(t.store.db, sql`SELECT id FROM vendors WHERE project_id = ${t.ids.p1} AND category = 'broadband'`);
    ids = {
      weixiu: await f.user('weixiu'),
      weixiu2: await addUser('weixiu2', '李师傅', 'technician', t.ids.p1),
      lingban2: await addUser('lingban2', '锦园领班', 'eng_lead', t.ids.p2),
      broadband: broadband.id,
    };
    kefu = await Client.login(t.app, 'kefu');
    weixiu = await Client.login(t.app, 'weixiu');
    weixiu2 = await Client.login(t.app, 'weixiu2');
    waibu = await Client.login(t.app, 'waibu');
    const woOf = async (callId: string) => (await kefu.get(`/api/calls/${callId}`)).json().workOrders[0].id as string;
    // building 1 is out of warranty: a normal repair, dispatched at once to the named technician
    const a = await recordCall(kefu, t, { householdId: await f.someHousehold('1', 4), content: '厨房水龙头滴水', categoryId: await f.cat('plumbing'), assigneeId: ids.weixiu });
    const b = await recordCall(kefu, t, { householdId: await f.someHousehold('5', 4), content: '宽带无法上网', categoryId: await f.cat('broadband') });
    const c = await recordCall(kefu, t, { householdId: await f.someHousehold('1', 5), content: '卫生间水管渗水', categoryId: await f.cat('plumbing'), assigneeId: ids.weixiu2 });
    expect([a.class, b.class, c.class]).toEqual(['normal', 'Q', 'normal']);
    wo.A = await woOf(a.id);
    wo.B = await woOf(b.id);
    wo.C = await woOf(c.id);
    callOfA.id = a.id;
  });
  afterAll(() => t.close());

  const list = async (c: Client, query: string) => {
    const res = await c.get(`/api/work-orders${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as Item[];
  };

  it('CALL-2 a technician cannot read another technician’s work order (404)', async () => {
    expect((await weixiu.get(`/api/work-orders/${wo.A}`)).statusCode).toBe(200);
    expect((await weixiu2.get(`/api/work-orders/${wo.A}`)).statusCode).toBe(404);
    expect((await weixiu.get(`/api/work-orders/${wo.C}`)).statusCode).toBe(404);
    expect((await weixiu.get(`/api/work-orders/${wo.B}`)).statusCode).toBe(404);
    // nor can he act on it
    expect((await weixiu2.post(`/api/work-orders/${wo.A}/accept`, { version: 1 })).statusCode).toBe(404);
  });

  it('CALL-2 a vendor cannot read a technician’s work order (404), only his vendor’s', async () => {
    expect((await waibu.get(`/api/work-orders/${wo.B}`)).statusCode).toBe(200);
    expect((await waibu.get(`/api/work-orders/${wo.A}`)).statusCode).toBe(404);
    expect((await waibu.get(`/api/work-orders/${wo.C}`)).statusCode).toBe(404);
  });

  it('ARC-10 the work-order list of a technician holds only his own, even with mine=false', async () => {
    for (const q of ['', '?mine=false', '?mine=0', `?projectId=${t.ids.p1}&mine=false`]) {
      const items = await list(weixiu, q);
      const seen = items.map((i) => i.id);
      expect(seen, q).toContain(wo.A);
      expect(seen, q).not.toContain(wo.B);
      expect(seen, q).not.toContain(wo.C);
      for (const i of items) expect(i.assigneeId, q).toBe(ids.weixiu);
    }
    const other = (await list(weixiu2, '?mine=false')).map((i) => i.id);
    expect(other).toContain(wo.C);
    expect(other).not.toContain(wo.A);
  });

  it('ARC-10 the work-order list of a vendor holds only his vendor’s, even with mine=false', async () => {
    for (const q of ['', '?mine=false']) {
      const items = await list(waibu, q);
      const seen = items.map((i) => i.id);
      expect(seen, q).toContain(wo.B);
      expect(seen, q).not.toContain(wo.A);
      expect(seen, q).not.toContain(wo.C);
      for (const i of items) expect(i.vendorId, q).toBe(ids.broadband);
    }
    // customer service, for contrast, sees all three with mine=false
    const cs = (await list(kefu, '?mine=false')).map((i) => i.id);
    expect(cs).toEqual(expect.arrayContaining([wo.A, wo.B, wo.C]));
  });

  it('ARC-12 technicians and vendors see the caller’s name and phone masked in the work-order list and detail', async () => {
    // recordCall registers 张伟明, 13812345678
    for (const [who, c, id] of [['weixiu', weixiu, wo.A], ['waibu', waibu, wo.B]] as const) {
      const item = (await list(c, '?mine=false')).find((i) => i.id === id)!;
      expect(item, who).toMatchObject({ callerName: '张**', callerPhone: '138****5678' });
      const res = await c.get(`/api/work-orders/${id}`);
      expect(res.json(), who).toMatchObject({ callerName: '张**', callerPhone: '138****5678' });
      expect(res.body, who).not.toContain('张伟明');
      expect(res.body, who).not.toContain('13812345678');
    }
    // the desk, whose work needs the name, sees it
    expect((await kefu.get(`/api/work-orders/${wo.A}`)).json().callerName).toBe('张伟明');
  });

  it('ARC-10 technicians and vendors cannot reach the call records, board, ledger or GT summary (404)', async () => {
    const p = t.ids.p1;
    for (const [who, c] of [['weixiu', weixiu], ['waibu', waibu]] as const) {
      for (const url of [`/api/calls/${callOfA.id}`, `/api/calls?projectId=${p}`, `/api/board?projectId=${p}`, `/api/calls/ledger?projectId=${p}`, `/api/calls/stats?projectId=${p}`, `/api/gt/summary?projectId=${p}`]) {
        const res = await c.get(url);
        expect(res.statusCode, `${who} ${url}`).toBe(404);
        expect(res.body, `${who} ${url}`).not.toContain('张伟明');
      }
    }
  });

  it('ARC-8 a lead of another project is refused a supervised accompanied view of a household here (404), and nothing is shown or logged', async () => {
    const lingban2 = await Client.login(t.app, 'lingban2');
    const before = await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM accompanied_sessions`);
    const res = await lingban2.post('/api/accompanied-sessions', { unitCode: '3-2-1502', reason: '外项目核对', csUsername: 'kefu', csPassword: 'demo1234' });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('13812345678');
    expect(res.body).not.toContain('138****5678');
    const after = await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM accompanied_sessions`);
    expect(after[0].n).toBe(before[0].n);
    // a lead of this project (lingban, 佳宏花园) is accepted: the refusal is about the project
    const lingban = await Client.login(t.app, 'lingban');
    expect((await lingban.post('/api/accompanied-sessions', { unitCode: '3-2-1502', reason: '工程部核对', csUsername: 'kefu', csPassword: 'demo1234' })).statusCode).toBe(201);
  });

  it('CALL-2 the engineering lead sees his team with the jobs each holds, and dispatches his team’s job to a free technician', async () => {
    const lingban = await Client.login(t.app, 'lingban');
    const f = await deskFixture(t);
    const d = await recordCall(kefu, t, { householdId: await f.someHousehold('1', 6), content: '阳台灯不亮', categoryId: await f.cat('plumbing'), assigneeId: ids.weixiu });
    const woD = (await kefu.get(`/api/calls/${d.id}`)).json().workOrders[0];
    const team = await lingban.get(`/api/work-orders/team?projectId=${t.ids.p1}`);
    expect(team.statusCode, team.body).toBe(200);
    const members = team.json().items as { id: string; displayName: string; open: number; lead: boolean }[];
    const names = members.map((m) => m.id);
    expect(names).toEqual(expect.arrayContaining([ids.weixiu, ids.weixiu2]));
    expect(names).not.toContain(ids.lingban2);
    expect(members.find((m) => m.id === ids.weixiu)!.open).toBeGreaterThanOrEqual(2);
    // his team's open normal jobs, as his first screen lists them
    const jobs = await list(lingban, `?projectId=${t.ids.p1}&open=1&kind=normal`);
    expect(jobs.map((j) => j.id)).toEqual(expect.arrayContaining([woD.id, wo.A, wo.C]));
    expect(jobs.map((j) => j.id)).not.toContain(wo.B);
    const res = await lingban.post(`/api/work-orders/${woD.id}/reassign`, { version: woD.version, assigneeId: ids.weixiu2 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().assigneeId).toBe(ids.weixiu2);
    const after = (await lingban.get(`/api/work-orders/team?projectId=${t.ids.p1}`)).json().items as { id: string; open: number }[];
    expect(after.find((m) => m.id === ids.weixiu2)!.open).toBe(members.find((m) => m.id === ids.weixiu2)!.open + 1);
  });

  it('CALL-2 the lead is refused outside his team: another estate’s technician (400), a developer’s or vendor’s job (404), another estate’s lead (404)', async () => {
    const lingban = await Client.login(t.app, 'lingban');
    const lingban2 = await Client.login(t.app, 'lingban2');
    const f = await deskFixture(t);
    const [tech2] = await rows<{ id: string }>(
      t.store.db,
      sql`INSERT INTO users (username, display_name, password_hash) SELECT 'weixiu_p2', '锦园维修', password_hash FROM users WHERE username = 'weixiu' RETURNING id`,
    );
    await t.store.db.execute(sql`INSERT INTO user_roles (user_id, role) VALUES (${tech2.id}, 'technician')`);
    await t.store.db.execute(sql`INSERT INTO user_projects (user_id, project_id) VALUES (${tech2.id}, ${t.ids.p2})`);
    const e = await recordCall(kefu, t, { householdId: await f.someHousehold('1', 7), content: '客厅插座没电', categoryId: await f.cat('plumbing'), assigneeId: ids.weixiu });
    const woE = (await kefu.get(`/api/calls/${e.id}`)).json().workOrders[0];
    // another estate's technician is not his team: refused, and the job stays where it was
    const other = await lingban.post(`/api/work-orders/${woE.id}/reassign`, { version: woE.version, assigneeId: tech2.id });
    expect(other.statusCode, other.body).toBe(400);
    expect((await kefu.get(`/api/work-orders/${woE.id}`)).json().assigneeId).toBe(ids.weixiu);
    // the vendor's job (Q) and the developer's warranty job (Z) are not his team's to dispatch
    const vendorJob = (await kefu.get(`/api/work-orders/${wo.B}`)).json();
    expect((await lingban.post(`/api/work-orders/${wo.B}/reassign`, { version: vendorJob.version, assigneeId: ids.weixiu })).statusCode).toBe(404);
    const z = await recordCall(kefu, t, { householdId: await f.household('3-2-1502'), content: '厨房水管漏水', categoryId: await f.cat('plumbing') });
    expect(z.class).toBe('Z');
    const woZ = (await kefu.get(`/api/calls/${z.id}`)).json().workOrders[0];
    expect((await lingban.post(`/api/work-orders/${woZ.id}/reassign`, { version: woZ.version, assigneeId: ids.weixiu })).statusCode).toBe(404);
    expect((await lingban.get(`/api/work-orders/${woZ.id}`)).json().abilities.reassign).toBe(false);
    expect((await lingban.get(`/api/work-orders/${woE.id}`)).json().abilities.reassign).toBe(true);
    // the lead of another estate neither sees this team nor dispatches its jobs
    expect((await lingban2.get(`/api/work-orders/team?projectId=${t.ids.p1}`)).statusCode).toBe(404);
    expect((await lingban2.post(`/api/work-orders/${woE.id}/reassign`, { version: woE.version, assigneeId: ids.weixiu2 })).statusCode).toBe(404);
    // a technician has no team to dispatch
    expect((await weixiu.get(`/api/work-orders/team?projectId=${t.ids.p1}`)).statusCode).toBe(404);
  });
});
