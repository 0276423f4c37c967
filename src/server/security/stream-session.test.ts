import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { openStream } from '../testing/sse-client';
import { Client, STORE_KINDS, startTestApp, type TestApp } from '../testing/harness';

// A live stream lives no longer than the session it was opened with, whatever ends that session.
describe.each(STORE_KINDS)('live streams end with their session on %s', (kind) => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await startTestApp(kind, { sessionIdleMinutes: 30, sessionAbsoluteMinutes: 12 * 60 });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
  });
  afterAll(() => t.close());

  const open = async (c: Client) => {
    const s = await openStream(port, c.cookie);
    await s.waitFor((e) => e.event === 'ready');
    return s;
  };

  it('an idle session: /api/auth/me says 401 and its stream has ended', async () => {
    const kefu = await Client.login(t.app, 'kefu');
    const stream = await open(kefu);
    t.clock.advanceMinutes(31);
    await t.app.desk.hub.sweep();
    await stream.waitFor((e) => e.event === 'session_end');
    expect((await kefu.get('/api/auth/me')).statusCode).toBe(401);
    stream.close();
  });

  it('an over-age session ends its stream even while the user stays active', async () => {
    const zhuli = await Client.login(t.app, 'zhuli');
    const stream = await open(zhuli);
    // Active every 29 minutes for almost 12 hours: never idle, the stream stays.
    for (let i = 0; i < 24; i++) {
      t.clock.advanceMinutes(29);
      expect((await zhuli.get('/api/auth/me')).statusCode).toBe(200);
      await t.app.desk.hub.sweep();
    }
    expect(stream.events.some((e) => e.event === 'session_end')).toBe(false);
    t.clock.advanceMinutes(25); // past 12 hours since sign-in
    await t.app.desk.hub.sweep();
    await stream.waitFor((e) => e.event === 'session_end');
    expect((await zhuli.get('/api/auth/me')).statusCode).toBe(401);
    stream.close();
  });

  it('a sweep leaves a live session’s stream open', async () => {
    const jingli = await Client.login(t.app, 'jingli');
    const stream = await open(jingli);
    t.clock.advanceMinutes(5);
    await t.app.desk.hub.sweep();
    expect(stream.events.some((e) => e.event === 'session_end')).toBe(false);
    stream.close();
  });

  it('logout on one device ends that device’s streams only', async () => {
    const phone = await Client.login(t.app, 'weixiu');
    const desk = await Client.login(t.app, 'weixiu');
    const phoneStream = await open(phone);
    const deskStream = await open(desk);
    await phone.post('/api/auth/logout');
    await phoneStream.waitFor((e) => e.event === 'session_end');
    await t.app.desk.hub.sweep();
    expect(deskStream.events.some((e) => e.event === 'session_end')).toBe(false);
    expect((await desk.get('/api/auth/me')).statusCode).toBe(200);
    phoneStream.close();
    deskStream.close();
  });

  it('a password change ends every stream of that user', async () => {
    const admin = await Client.login(t.app, 'admin');
    const guard = await Client.login(t.app, 'banzhang');
    const stream = await open(guard);
    const u = (await admin.get('/api/users')).json().items.find((x: { username: string }) => x.username === 'banzhang');
    expect((await admin.patch(`/api/users/${u.id}`, { version: u.version, password: 'Lantern-Orchid-58' })).statusCode).toBe(200);
    await stream.waitFor((e) => e.event === 'session_end');
    stream.close();
  });
});
