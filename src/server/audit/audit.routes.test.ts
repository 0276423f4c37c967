import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Client, STORE_KINDS, startTestApp, type TestApp } from '../testing/harness';
import { verifyAuditChain } from './audit-verify';
import { appendAudit } from './audit.writer';
import { rows } from '../db/store';

describe.each(STORE_KINDS)('audit trail on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('every write, login and failed login is on a chain that verifies', async () => {
    const kefu = await Client.login(t.app, 'kefu');
    await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'kefu', password: 'bad' } });
    const h = (await kefu.get('/api/households?q=3-2-1502')).json().items[0];
    await kefu.patch(`/api/households/${h.id}`, { version: h.version, note: '已核实' });
    const actions = (await rows<{ action: string }>(t.store.db, sql`SELECT action FROM audit_log ORDER BY seq`)).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['system.seed_demo', 'auth.login', 'auth.login_failed', 'household.search', 'household.update']));
    const res = await verifyAuditChain(t.store.db);
    expect(res.ok).toBe(true);
    expect(res.checked).toBe(actions.length);
  });

  it('the application can neither update nor delete the trail', async () => {
    await expect(t.store.exec(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.store.exec(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(t.store.exec(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
  });

  it('an act and its audit row commit or vanish together', async () => {
    const before = (await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM audit_log`))[0].n;
    await expect(
      t.store.db.transaction(async (tx) => {
        await appendAudit(tx, { actor: null, action: 'test.rolled_back' }, t.clock.now());
        throw new Error('the act failed');
      }),
    ).rejects.toThrow('the act failed');
    const after = (await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM audit_log`))[0].n;
    expect(after).toBe(before);
    expect((await verifyAuditChain(t.store.db)).ok).toBe(true);
  });

  it('a row changed behind the application’s back breaks the chain at that row', async () => {
    const [victim] = await rows<{ seq: number }>(t.store.db, sql`SELECT seq FROM audit_log WHERE action = 'auth.login_failed' LIMIT 1`);
    // Only a superuser who disables the trigger can do this; verify must notice.
    await t.store.exec(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
    await t.store.exec(`UPDATE audit_log SET subject = 'someone-else' WHERE seq = ${Number(victim.seq)}`);
    await t.store.exec(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`);
    const res = await verifyAuditChain(t.store.db);
    expect(res.ok).toBe(false);
    expect(res.brokenAt).toBe(Number(victim.seq));
  });

  it('managers search the trail; others get 404; supervisors see only their projects', async () => {
    const admin = await Client.login(t.app, 'admin');
    const all = (await admin.get('/api/audit?action=auth.&limit=200')).json();
    expect(all.items.length).toBeGreaterThan(0);
    expect(all.items.every((i: { action: string }) => i.action.startsWith('auth.'))).toBe(true);
    const zhuguan = await Client.login(t.app, 'zhuguan');
    const scoped = (await zhuguan.get('/api/audit?limit=200')).json();
    expect(scoped.items.every((i: { projectId: string | null }) => i.projectId === t.ids.p1 || i.projectId === t.ids.p2)).toBe(true);
    const kefu = await Client.login(t.app, 'kefu');
    expect((await kefu.get('/api/audit')).statusCode).toBe(404);
  });

  it('the trail is found by the Chinese name of an action and by the name people know a user by', async () => {
    const kefu = await Client.login(t.app, 'kefu');
    const found = (await kefu.get('/api/households?q=3-2-1502')).json().items[0];
    const owner = (await kefu.get(`/api/households/${found.id}`)).json().persons.find((p: { relation: string }) => p.relation === 'owner');
    expect((await kefu.post(`/api/persons/${owner.id}/reveal`, { field: 'phone', reason: '回拨确认上门时间' })).statusCode).toBe(200);
    const admin = await Client.login(t.app, 'admin');
    const reveals = (await admin.get(`/api/audit?action=${encodeURIComponent('查看完整号码')}&limit=200`)).json().items;
    expect(reveals.length).toBeGreaterThan(0);
    expect(reveals.every((i: { action: string }) => i.action === 'person.reveal')).toBe(true);
    const byName = (await admin.get(`/api/audit?actor=${encodeURIComponent('王晓丽')}&limit=200`)).json().items;
    expect(byName.length).toBeGreaterThan(0);
    expect(byName.every((i: { actorName: string; actorDisplayName: string }) => i.actorName === 'kefu' && i.actorDisplayName === '王晓丽')).toBe(true);
    // Words no action is named by, a name nobody has: nothing, not everything.
    expect((await admin.get(`/api/audit?action=${encodeURIComponent('不存在的操作')}`)).json().items).toEqual([]);
    expect((await admin.get(`/api/audit?actor=${encodeURIComponent('无此人')}`)).json().items).toEqual([]);
  });

  it('ARC-9 no personal data is copied into the trail: a phone searched for is kept masked', async () => {
    const kefu = await Client.login(t.app, 'kefu');
    await kefu.post('/api/households/search', { q: '13812345678' });
    const text = (await rows<{ t: string }>(t.store.db, sql`SELECT string_agg(coalesce(detail::text, ''), ' ') AS t FROM audit_log`))[0].t;
    expect(text).not.toContain('13812345678');
  });
});
