import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, STORE_KINDS, startTestApp, type TestApp } from '../testing/harness';

describe.each(STORE_KINDS)('user administration on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await Client.login(t.app, 'admin');
  });
  afterAll(() => t.close());

  it('admin creates a user with several roles and that user can sign in and sees their projects', async () => {
    const res = await admin.post('/api/users', { username: 'xiaoli', displayName: '李小莉', password: 'Lantern-Orchid-58', roles: ['cs_specialist', 'front_desk'], projectIds: [t.ids.p1, t.ids.p2] });
    expect(res.statusCode).toBe(201);
    expect(res.json().roles.sort()).toEqual(['cs_specialist', 'front_desk']);
    const u = await Client.login(t.app, 'xiaoli', 'Lantern-Orchid-58');
    const me = (await u.get('/api/auth/me')).json();
    expect(me.roles.sort()).toEqual(['cs_specialist', 'front_desk']);
    expect(me.projects).toHaveLength(2);
  });

  it('a taken username, a short password and an unknown role are field-level 400s', async () => {
    const dupe = await admin.post('/api/users', { username: 'kefu', displayName: '重复', password: 'Lantern-Orchid-58', roles: ['cs_specialist'] });
    expect(dupe.statusCode).toBe(400);
    expect(dupe.json().error.fields[0]).toMatchObject({ path: 'body.username', message: '用户名已被使用' });
    const bad = await admin.post('/api/users', { username: 'new1', displayName: '新', password: 'short', roles: ['king'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['body.password', 'body.roles.0']));
  });

  it('only the administrator manages users: others get 404', async () => {
    const zhuguan = await Client.login(t.app, 'zhuguan');
    expect((await zhuguan.get('/api/users')).statusCode).toBe(404);
    expect((await zhuguan.post('/api/users', { username: 'x1', displayName: 'x', password: 'Lantern-Orchid-58', roles: ['admin'] })).statusCode).toBe(404);
  });

  it('disabling a user ends all their sessions at once and blocks new sign-ins', async () => {
    const target = await Client.login(t.app, 'banzhang');
    const second = await Client.login(t.app, 'banzhang');
    const list = (await admin.get('/api/users')).json().items;
    const u = list.find((x: { username: string }) => x.username === 'banzhang');
    const res = await admin.patch(`/api/users/${u.id}`, { version: u.version, disabled: true });
    expect(res.statusCode).toBe(200);
    expect((await target.get('/api/auth/me')).statusCode).toBe(401);
    expect((await second.get('/api/auth/me')).statusCode).toBe(401);
    const again = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'banzhang', password: 'demo1234' } });
    expect(again.statusCode).toBe(401);
    expect(again.json().error.code).toBe('BAD_CREDENTIALS'); // like a wrong password: the right one is not confirmed
  });

  it('editing a user with a stale version is a 409', async () => {
    const list = (await admin.get('/api/users')).json().items;
    const u = list.find((x: { username: string }) => x.username === 'weixiu');
    expect((await admin.patch(`/api/users/${u.id}`, { version: u.version, displayName: '马强师傅' })).statusCode).toBe(200);
    const stale = await admin.patch(`/api/users/${u.id}`, { version: u.version, displayName: '又改' });
    expect(stale.statusCode).toBe(409);
  });

  it('roles and projects are replaced as a whole; the admin cannot disable himself', async () => {
    const list = (await admin.get('/api/users')).json().items;
    const u = list.find((x: { username: string }) => x.username === 'lingban');
    const res = await admin.patch(`/api/users/${u.id}`, { version: u.version, roles: ['eng_lead', 'technician'], projectIds: [t.ids.p2] });
    expect(res.json().roles.sort()).toEqual(['eng_lead', 'technician']);
    expect(res.json().projectIds).toEqual([t.ids.p2]);
    const me = list.find((x: { username: string }) => x.username === 'admin');
    expect((await admin.patch(`/api/users/${me.id}`, { version: me.version, disabled: true })).statusCode).toBe(400);
  });
});
