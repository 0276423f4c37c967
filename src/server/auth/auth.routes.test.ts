import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Client, STORE_KINDS, startTestApp, type TestApp } from '../testing/harness';
import { rows } from '../db/store';

describe.each(STORE_KINDS)('sign-in and sessions on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind, { loginMaxFailures: 3 });
  });
  afterAll(() => t.close());

  const auditCount = async (action: string, subject: string) =>
    (await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = ${action} AND subject = ${subject}`))[0].n;

  it('a good password signs in: HttpOnly SameSite session cookie, CSRF cookie, audited login', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'kefu', password: 'demo1234' } });
    expect(res.statusCode).toBe(200);
    const session = res.cookies.find((c) => c.name === 'wd_session')!;
    expect(session.httpOnly).toBe(true);
    expect(session.sameSite).toBe('Strict');
    expect(res.cookies.find((c) => c.name === 'wd_csrf')!.httpOnly).toBeFalsy();
    expect(await auditCount('auth.login', 'kefu')).toBeGreaterThanOrEqual(1);
  });

  it('GET /api/auth/me answers 401 without a session and the user with roles and projects with one', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const c = await Client.login(t.app, 'kefu');
    const me = (await c.get('/api/auth/me')).json();
    expect(me.username).toBe('kefu');
    expect(me.roles).toEqual(['cs_specialist']);
    expect(me.projects.map((p: { name: string }) => p.name)).toEqual(['佳宏花园']);
    expect(me.menu).toEqual({ register: true, users: false, audit: false, intake: true, calls: true, board: false, reports: true, tasks: false, help: true, duty: false, roster: false, keys: false, archives: true, accompanied: true, complaints: true, visits: true, contactForms: false });
  });

  it('a wrong password is refused with a Chinese message and audited as a failed login', async () => {
    const before = await auditCount('auth.login_failed', 'zhuli');
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'zhuli', password: 'nope' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('BAD_CREDENTIALS');
    expect(res.json().error.message).toBe('用户名或密码错误');
    expect(await auditCount('auth.login_failed', 'zhuli')).toBe(before + 1);
  });

  it('login attempts are rate-limited per username: after 3 failures even the right password gets 429', async () => {
    for (let i = 0; i < 3; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'menwei', password: 'wrong' } });
      expect(r.statusCode).toBe(401);
    }
    const blocked = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'menwei', password: 'demo1234' } });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('RATE_LIMITED');
    expect(await auditCount('auth.login_blocked', 'menwei')).toBe(1);
    // The window passes: the right password works again.
    t.clock.advanceMinutes(16);
    const ok = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'menwei', password: 'demo1234' } });
    expect(ok.statusCode).toBe(200);
  });

  it('a new session id on every login: a session planted before login is dropped (fixation)', async () => {
    const first = await Client.login(t.app, 'qiantai');
    const planted = first.cookie;
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { cookie: planted, 'x-csrf-token': first.csrf }, payload: { username: 'qiantai', password: 'demo1234' } });
    expect(res.statusCode).toBe(200);
    const fresh = res.cookies.find((c) => c.name === 'wd_session')!.value;
    expect(`wd_session=${fresh}`).not.toBe(planted);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: planted } })).statusCode).toBe(401);
  });

  it('logout ends the session on the server', async () => {
    const c = await Client.login(t.app, 'jingli');
    const cookie = c.cookie;
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
    expect(await auditCount('auth.logout', 'jingli')).toBe(1);
  });

  it('an idle session expires after 30 minutes; activity keeps it alive', async () => {
    const c = await Client.login(t.app, 'zhongxin');
    t.clock.advanceMinutes(25);
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    t.clock.advanceMinutes(25);
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    t.clock.advanceMinutes(31);
    const res = await c.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('SESSION_EXPIRED');
  });

  it('a session ends after its absolute lifetime of 12 hours even when active', async () => {
    const c = await Client.login(t.app, 'lingban');
    for (let i = 0; i < 24; i++) {
      t.clock.advanceMinutes(29);
      expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    }
    t.clock.advanceMinutes(29);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('an unsafe request without the CSRF token is refused', async () => {
    const c = await Client.login(t.app, 'kefu');
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: c.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_FAILED');
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('bad login input is a 400 with field-level Chinese messages, never a 500', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '', password: 5 } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.fields.length).toBeGreaterThan(0);
    expect(body.error.fields.every((f: { message: string }) => /[\u4e00-\u9fa5]/.test(f.message))).toBe(true);
    const garbage = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{not json' });
    expect(garbage.statusCode).toBe(400);
  });

  it('the sign-in page is told that this store still has demo accounts with the published password, until they are changed', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/notice' })).json()).toEqual({ demoAccounts: true });
  });
});
