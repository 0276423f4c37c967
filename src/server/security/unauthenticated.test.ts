import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS, startTestApp, type TestApp } from '../testing/harness';
import { errorCode, fingerprint, hit, sampleQuery, sampleValue, Session, type Hit } from './probe';
import { collectRoutes, fillPath, isPublic, jsonBody, liveRoutes, pathParamSchema, PUBLIC_ROUTES, queryParams, type LiveRoute } from './route-table';

const ROUTES = await collectRoutes();
const GUARDED = ROUTES.filter((r) => !isPublic(r));

describe.each(STORE_KINDS)('no session, no access on %s', (kind) => {
  let t: TestApp;
  let loggedOut: string;
  let before: Record<string, string>;

  const ctx = () => ({ projectId: t.ids.p1 });
  const validUrl = (r: LiveRoute) => fillPath(r.url, (p) => String(sampleValue(pathParamSchema(r, p), p, ctx()))) + sampleQuery(queryParams(r), ctx());
  const validBody = (r: LiveRoute) => (r.method === 'GET' || r.method === 'HEAD' ? undefined : jsonBody(r) ? sampleValue(jsonBody(r), 'body', ctx()) : {});

  beforeAll(async () => {
    t = await startTestApp(kind);
    const s = await Session.login(t.app, 'kefu');
    expect((await s.send('POST', '/api/auth/logout')).statusCode).toBe(200);
    loggedOut = s.cookie;
    before = await fingerprint(t.store, ['audit_log']);
  });
  afterAll(async () => {
    // Nothing above may have written anything (the audit trail only grew by failed-login rows, if any).
    expect(await fingerprint(t.store, ['audit_log'])).toEqual(before);
    await t.close();
  });

  it('every route is either guarded or on the short list of public routes', () => {
    expect(liveRoutes(t.app).map((r) => r.key)).toEqual(ROUTES.map((r) => r.key));
    expect(ROUTES.filter(isPublic).map((r) => r.key).sort()).toEqual([...PUBLIC_ROUTES].filter((k) => ROUTES.some((r) => r.key === k)).sort());
    expect(GUARDED.length).toBeGreaterThan(20);
  });

  it.each(GUARDED.map((r) => [r.key, r] as const))('%s without a session, with a forged cookie, or with a logged-out session: 401, never 200, never 500', async (_key, r) => {
    const url = validUrl(r);
    const body = validBody(r);
    const answers: [string, Hit][] = [
      ['no cookie', await hit(t.app, { method: r.method, url, body })],
      ['forged session cookie', await hit(t.app, { method: r.method, url, body, headers: { cookie: 'wd_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'x-csrf-token': 'x' } })],
      ['logged-out session', await hit(t.app, { method: r.method, url, body, headers: { cookie: loggedOut } })],
    ];
    for (const [label, res] of answers) {
      expect(res.statusCode, `${label}: ${res.body.slice(0, 200)}`).toBe(401);
      if (r.method !== 'HEAD') expect(errorCode(res), label).toMatch(/^(UNAUTHENTICATED|SESSION_EXPIRED)$/);
    }
  });

  it.each(ROUTES.filter(isPublic).map((r) => [r.key, r] as const))('public %s answers without a session, and not with a 5xx', async (_key, r) => {
    const res = await hit(t.app, { method: r.method, url: r.url, body: validBody(r) });
    expect(String(errorCode(res))).not.toMatch(/^(UNAUTHENTICATED|SESSION_EXPIRED)$/);
    expect(res.statusCode).toBeLessThan(500);
  });

  it('without a session the input is not even read: bad path ids, bad query values and bad bodies still get 401, not 400 (access is checked before validation)', async () => {
    // Otherwise an anonymous caller learns each route's schema, and makes the server parse 10 MB bodies for nothing.
    const leaks: string[] = [];
    for (const r of GUARDED) {
      const badUrl = fillPath(r.url, () => "'; --") + (r.url.includes('?') ? '&' : '?') + 'limit=-1&page=x&projectId=%27';
      const body = r.method === 'GET' || r.method === 'HEAD' ? undefined : { unexpected: "'; DROP TABLE users; --" };
      const res = await hit(t.app, { method: r.method, url: badUrl, body });
      if (res.statusCode !== 401) leaks.push(`${r.key} → ${res.statusCode} ${errorCode(res) ?? ''}`);
    }
    expect(leaks).toEqual([]);
  });

  it('a signed-in user outside a route\'s roles gets 404 whatever the input, so a route\'s existence never leaks (ADR 0004)', async () => {
    const guard = await Session.login(t.app, 'baoan');
    const probes: [string, 'GET' | 'POST' | 'PATCH', string, unknown][] = [
      ['POST /api/users with a valid body', 'POST', '/api/users', { username: 'probe1', displayName: '探测', password: 'Lantern-Orchid-58', roles: ['guard'] }],
      ['POST /api/users with an empty body', 'POST', '/api/users', {}],
      ['PATCH /api/users/:id with a bad id', 'PATCH', '/api/users/not-an-id', {}],
      ['GET /api/audit with a bad filter', 'GET', '/api/audit?limit=0', undefined],
    ];
    const answers: string[] = [];
    for (const [label, method, url, body] of probes) {
      const res = await guard.send(method, url, body);
      answers.push(`${label} → ${res.statusCode}`);
    }
    await guard.send('POST', '/api/auth/logout');
    expect(answers).toEqual(probes.map(([label]) => `${label} → 404`));
  });
});
