import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildApp } from '../app';
import { rows } from '../db/store';
import { STORE_KINDS, startTestApp, testConfig, type TestApp } from '../testing/harness';
import { hit, sampleQuery, sampleValue, Session, setCookies, type Hit } from './probe';
import { collectRoutes, fillPath, liveRoutes, pathParamSchema, queryParams, UNSAFE_METHODS, type LiveRoute } from './route-table';

const ROUTES = await collectRoutes();

/** What every API answer must carry, error or not. A live event stream only needs nosniff and no-store. */
function expectHardened(h: Hit, label: string): void {
  const at = `${label} → ${h.statusCode}`;
  expect(h.statusCode, at).not.toBe(500);
  expect(h.headers['x-content-type-options'], at).toBe('nosniff');
  expect(h.headers['cache-control'], at).toBe('no-store');
  if (h.streamed) return;
  expect(h.headers['x-frame-options'], at).toBe('DENY');
  expect(h.headers['referrer-policy'], at).toBe('no-referrer');
  const csp = String(h.headers['content-security-policy'] ?? '');
  for (const directive of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'none'"]) expect(csp, at).toContain(directive);
  expect(csp.split(';').find((d) => d.trim().startsWith('script-src')), at).not.toMatch(/unsafe-inline|unsafe-eval/);
  // No stack trace or driver message ever reaches the client.
  expect(h.body, at).not.toMatch(/\n\s+at .+:\d+:\d+|node_modules|SELECT |syntax error/i);
}

describe.each(STORE_KINDS)('security headers and cookies on %s', (kind) => {
  let t: TestApp;
  let routes: LiveRoute[];
  let admin: Session;

  const urlOf = (r: LiveRoute) =>
    fillPath(r.url, (p) => String(sampleValue(pathParamSchema(r, p), p, { projectId: t.ids.p1 }))) + sampleQuery(queryParams(r), { projectId: t.ids.p1 });

  beforeAll(async () => {
    t = await startTestApp(kind);
    routes = liveRoutes(t.app);
    admin = await Session.login(t.app, 'admin');
  });
  afterAll(() => t.close());

  it('the live route table is read in full: every documented operation is in it', () => {
    const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const keys = new Set(routes.map((r) => r.key));
    for (const [p, ops] of Object.entries(doc.paths)) {
      for (const m of Object.keys(ops)) expect(keys, `${m.toUpperCase()} ${p}`).toContain(`${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`);
    }
    expect(routes.length).toBeGreaterThan(20);
  });

  it('the routes declared below are the routes of the app under test', () => {
    expect(routes.map((r) => r.key)).toEqual(ROUTES.map((r) => r.key));
  });

  it.each(ROUTES.map((r) => [r.key, r] as const))('%s answers with the security headers and Cache-Control: no-store — without a session, with one, and on refused input', async (_key, r) => {
    const url = urlOf(r);
    const read = r.method === 'GET' || r.method === 'HEAD';
    expectHardened(await hit(t.app, { method: r.method, url, body: read ? undefined : {} }), 'without a session');
    if (read) {
      expectHardened(await admin.send(r.method, url), 'as admin');
      expectHardened(await admin.send(r.method, r.params.length ? fillPath(r.url, () => 'not-an-id') : `${r.url}?limit=-1&page=x`), 'as admin, bad input');
    } else {
      expectHardened(await admin.send(r.method, url, {}, false), 'without CSRF token');
      expectHardened(await hit(t.app, { method: r.method, url, headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' }, body: '{"broken' }), 'with malformed JSON');
    }
  });

  it('framework-level errors carry them too: unknown route, wrong method, unsupported media type, oversized body, preflight', async () => {
    const cases: [string, Promise<Hit>][] = [
      ['unknown route', hit(t.app, { method: 'GET', url: '/api/no-such-thing' })],
      ['wrong method', hit(t.app, { method: 'DELETE', url: '/api/health' })],
      ['unsupported media type', hit(t.app, { method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/xml' }, body: '<a/>' })],
      ['body over the limit', hit(t.app, { method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, body: `{"username":"${'x'.repeat(11 * 1024 * 1024)}"}` })],
      ['CORS preflight', hit(t.app, { method: 'OPTIONS', url: '/api/auth/login', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } })],
    ];
    for (const [label, p] of cases) expectHardened(await p, label);
  });

  it('a malformed URL (bad percent-encoding) is refused with the security headers and no-store', async () => {
    // Fastify answers these from its frameworkErrors callback, which does not run the onSend hooks.
    expectHardened(await hit(t.app, { method: 'GET', url: '/api/households/%E0%A4%A' }), 'malformed URL');
  });

  it('no cross-origin access: no Access-Control-Allow-* header for a foreign Origin, on a preflight or a real request', async () => {
    const pre = await hit(t.app, { method: 'OPTIONS', url: '/api/households/search', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-csrf-token' } });
    const real = await admin.send('GET', '/api/auth/me', undefined, true, { origin: 'https://evil.example' });
    for (const h of [pre, real]) for (const k of Object.keys(h.headers)) expect(k.toLowerCase()).not.toMatch(/^access-control-allow/);
    expect(real.statusCode).toBe(200);
  });

  it('session cookie: HttpOnly, SameSite=Strict, Path=/, no Expires (ends with the browser), not Secure over plain HTTP; CSRF cookie readable by the page but also Strict', async () => {
    const res = await hit(t.app, { method: 'POST', url: '/api/auth/login', body: { username: 'kefu', password: 'demo1234' } });
    const [session] = setCookies(res).filter((c) => c.startsWith('wd_session='));
    const [csrf] = setCookies(res).filter((c) => c.startsWith('wd_csrf='));
    const attrs = (c: string) => c.split(';').slice(1).map((a) => a.trim().toLowerCase());
    expect(attrs(session)).toEqual(expect.arrayContaining(['httponly', 'samesite=strict', 'path=/']));
    expect(attrs(session).some((a) => a.startsWith('expires') || a.startsWith('max-age') || a === 'secure' || a.startsWith('domain'))).toBe(false);
    expect(attrs(csrf)).toEqual(expect.arrayContaining(['samesite=strict', 'path=/']));
    expect(attrs(csrf)).not.toContain('httponly');
    // The session token is 256 random bits, and the database keeps only its hash.
    const token = session.split(';')[0].slice('wd_session='.length);
    expect(Buffer.from(token, 'base64url').length).toBe(32);
    const stored = await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM sessions WHERE token_hash = ${token}`);
    expect(stored[0].n).toBe(0);
  });

  it('with SECURE_COOKIES=1 both cookies are Secure (and still HttpOnly / Strict)', async () => {
    const app = await buildApp({ store: t.store, config: testConfig({ secureCookies: true }), now: t.clock.now, logger: false });
    try {
      await app.ready();
      const res = await hit(app, { method: 'POST', url: '/api/auth/login', body: { username: 'kefu', password: 'demo1234' } });
      const cookies = setCookies(res);
      expect(cookies).toHaveLength(2);
      for (const c of cookies) expect(c.toLowerCase()).toMatch(/;\s*secure(;|$)/);
      expect(cookies.find((c) => c.startsWith('wd_session='))!.toLowerCase()).toContain('httponly');
    } finally {
      await app.close();
    }
  });

  it('without TRUST_PROXY a client-sent X-Forwarded-For is ignored: the audit trail and the per-address throttle see the real peer', async () => {
    const res = await hit(t.app, { method: 'POST', url: '/api/auth/login', headers: { 'x-forwarded-for': '203.0.113.77' }, body: { username: 'nobody-xff', password: 'wrong-password' } });
    expect(res.statusCode).toBe(401);
    const [row] = await rows<{ ip: string }>(t.store.db, sql`SELECT ip FROM audit_log WHERE action = 'auth.login_failed' AND subject = 'nobody-xff'`);
    expect(row.ip).toBe('127.0.0.1');
  });

  it.each(UNSAFE_METHODS)('%s on a GET-only route is not routed (404), so reads cannot be turned into writes', async (method) => {
    const res = await admin.send(method, '/api/auth/me');
    expect(res.statusCode).toBe(404);
  });
});
