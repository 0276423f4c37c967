import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Client, STORE_KINDS, startTestApp, type TestApp } from '../testing/harness';
import { rows } from '../db/store';

describe.each(STORE_KINDS)('login throttle on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind, { loginMaxFailures: 5 });
  });
  afterAll(() => t.close());

  const login = (username: string, password: string, remoteAddress = '127.0.0.1') =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { username, password } });
  const count = async (action: string, subject: string) =>
    (await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = ${action} AND subject = ${subject}`))[0].n;

  it('30 concurrent wrong passwords for one user: exactly the limit (5) are checked, the rest get 429', async () => {
    const answers = await Promise.all(Array.from({ length: 30 }, () => login('zhuli', 'wrong-guess', '198.51.100.7')));
    const codes = answers.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401)).toHaveLength(5);
    expect(codes.filter((c) => c === 429)).toHaveLength(25);
    expect(await count('auth.login_failed', 'zhuli')).toBe(5);
  });

  it('wrong passwords from one address do not lock the user out from another address', async () => {
    for (let i = 0; i < 5; i++) expect((await login('weixiu', 'wrong-guess', '203.0.113.9')).statusCode).toBe(401);
    // The stranger's address is now refused, even with the right password ...
    expect((await login('weixiu', 'demo1234', '203.0.113.9')).statusCode).toBe(429);
    // ... while the user at his own desk signs in.
    expect((await login('weixiu', 'demo1234', '192.0.2.44')).statusCode).toBe(200);
  });

  it('a success clears the count for that user and address', async () => {
    for (let i = 0; i < 4; i++) expect((await login('baoan', 'wrong-guess', '192.0.2.50')).statusCode).toBe(401);
    expect((await login('baoan', 'demo1234', '192.0.2.50')).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login('baoan', 'wrong-guess', '192.0.2.50')).statusCode).toBe(401);
    expect((await login('baoan', 'demo1234', '192.0.2.50')).statusCode).toBe(200);
  });

  it('a disabled account with the right password answers exactly like a wrong password', async () => {
    const admin = await Client.login(t.app, 'admin');
    const u = (await admin.get('/api/users')).json().items.find((x: { username: string }) => x.username === 'menwei');
    expect((await admin.patch(`/api/users/${u.id}`, { version: u.version, disabled: true })).statusCode).toBe(200);
    const right = await login('menwei', 'demo1234', '192.0.2.60');
    const wrong = await login('menwei', 'not-the-password', '192.0.2.61');
    expect(right.statusCode).toBe(401);
    expect(right.json()).toEqual(wrong.json());
    expect(right.json().error.code).toBe('BAD_CREDENTIALS');
  });
});
