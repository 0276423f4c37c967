import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rows } from '../db/store';
import { STORE_KINDS, startTestApp, type TestApp } from '../testing/harness';
import { errorCode, fingerprint, hit, sampleQuery, sampleValue, Session, setCookies, type Hit } from './probe';
import { collectRoutes, fillPath, jsonBody, liveRoutes, pathParamSchema, queryParams, UNSAFE_METHODS, type LiveRoute } from './route-table';

const UNSAFE = (await collectRoutes()).filter((r) => UNSAFE_METHODS.includes(r.method) && r.key !== 'POST /api/auth/login');

/**
 * CSRF (ADR 0005): every unsafe method of every route, with a valid session, is refused unless the
 * request echoes that session's token in x-csrf-token. The routes come from the live route table.
 */
describe.each(STORE_KINDS)('CSRF on %s', (kind) => {
  let t: TestApp;
  let admin: Session;
  let other: Session;
  let unsafe: LiveRoute[];

  beforeAll(async () => {
    t = await startTestApp(kind);
    unsafe = liveRoutes(t.app).filter((r) => UNSAFE_METHODS.includes(r.method) && r.key !== 'POST /api/auth/login');
    admin = await Session.login(t.app, 'admin');
    other = await Session.login(t.app, 'kefu');
  });
  afterAll(() => t.close());

  it('there are unsafe routes to check, and the list comes from the router', () => {
    expect(unsafe.map((r) => r.key)).toEqual(UNSAFE.map((r) => r.key));
    expect(unsafe.length).toBeGreaterThan(8);
    expect(unsafe.map((r) => r.key)).toEqual(expect.arrayContaining(['POST /api/auth/logout', 'PATCH /api/households/:id', 'POST /api/users']));
  });

  const urlOf = (r: LiveRoute) => {
    const ctx = { projectId: t.ids.p1 };
    return fillPath(r.url, (p) => String(sampleValue(pathParamSchema(r, p), p, ctx))) + sampleQuery(queryParams(r), ctx);
  };

  it.each(UNSAFE.map((r) => [r.key, r] as const))('%s with a valid session but no / an empty / a wrong / another session\'s / a cookie-only CSRF token: 403 CSRF_FAILED, nothing changes', async (_key, r) => {
    expect(unsafe.map((u) => u.key)).toContain(r.key);
    const url = urlOf(r);
    const body = jsonBody(r) ? sampleValue(jsonBody(r), 'body', { projectId: t.ids.p1 }) : {};
    const before = await fingerprint(t.store);
    const attempts: [string, Promise<Hit>][] = [
      ['no token', admin.send(r.method, url, body, false)],
      ['empty token', admin.send(r.method, url, body, '')],
      ['wrong token', admin.send(r.method, url, body, 'x'.repeat(43))],
      ["another session's token", admin.send(r.method, url, body, other.csrf)],
      ['the session id as token', admin.send(r.method, url, body, admin.cookie.split('=')[1])],
      // Double submit means the header: the cookie alone, which the browser sends by itself, is not proof.
      ['token only in the cookie', hit(t.app, { method: r.method, url, headers: { cookie: `${admin.cookie}; wd_csrf=${admin.csrf}` }, body })],
    ];
    for (const [label, p] of attempts) {
      const res = await p;
      expect(`${res.statusCode} ${errorCode(res)}`, label).toBe('403 CSRF_FAILED');
    }
    // With the right token the same route gets past the check: a malformed body stops at parsing, after it.
    const ok = await hit(t.app, { method: r.method, url, headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' }, body: '{' });
    expect(errorCode(ok)).not.toBe('CSRF_FAILED');
    expect(ok.statusCode).toBeLessThan(500);
    expect(await fingerprint(t.store)).toEqual(before);
  });

  it('login is the exception (no session yet) but a cross-site form cannot sign anyone in: urlencoded and multipart are 415, text/plain is 400, no cookie is set', async () => {
    const before = (await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM sessions`))[0].n;
    const forms = [
      { 'content-type': 'application/x-www-form-urlencoded', body: 'username=admin&password=demo1234', status: 415 },
      { 'content-type': 'multipart/form-data; boundary=x', body: '--x\r\nContent-Disposition: form-data; name="username"\r\n\r\nadmin\r\n--x\r\nContent-Disposition: form-data; name="password"\r\n\r\ndemo1234\r\n--x--\r\n', status: 415 },
      // The classic trick: a text/plain form whose body happens to be JSON.
      { 'content-type': 'text/plain', body: '{"username":"admin","password":"demo1234","x":"=y"}', status: 400 },
      { 'content-type': 'text/plain;charset=UTF-8', body: '{"username":"admin","password":"demo1234"}', status: 400 },
    ];
    for (const f of forms) {
      const res = await hit(t.app, { method: 'POST', url: '/api/auth/login', headers: { 'content-type': f['content-type'], origin: 'https://evil.example' }, body: f.body });
      expect(res.statusCode, f['content-type']).toBe(f.status);
      expect(setCookies(res), f['content-type']).toEqual([]);
    }
    expect((await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM sessions`))[0].n).toBe(before);
  });

  it('a cross-site form post to any other unsafe route is refused too, even with the session cookie attached', async () => {
    const before = await fingerprint(t.store);
    for (const r of unsafe) {
      const url = urlOf(r);
      const res = await hit(t.app, { method: r.method, url, headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' }, body: 'note=x&version=1' });
      expect(res.statusCode, r.key).toBe(403);
    }
    expect(await fingerprint(t.store)).toEqual(before);
  });
});
