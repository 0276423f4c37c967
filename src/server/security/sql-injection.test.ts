import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/audit-verify';
import { STORE_KINDS, startTestApp, type TestApp } from '../testing/harness';
import { errorCode, fingerprint, rowCounts, sampleQuery, sampleValue, Session, type Hit } from './probe';
import { collectRoutes, fillPath, pathParamSchema, queryParams, type LiveRoute } from './route-table';

const ROUTES = await collectRoutes();
const READS = ROUTES.filter((r) => r.method === 'GET' && (r.params.length > 0 || queryParams(r).length > 0));

/** SQL and LIKE meta-characters, comment and quoting tricks, and unicode that trips up naive escaping. */
const META = [
  "'", '"', ';', '--', '%', '_', '\\', '/*', '*/', '%_%', '\\%', "\\'", "''", '$$', '`',
  "' OR '1'='1", "' OR 1=1 --", "1; DROP TABLE users; --", "'; DELETE FROM households; --", "%' --",
  "' UNION SELECT password_hash FROM users --", "'||(SELECT pg_sleep(0))||'", "E'\\x41'", '1)::text; --',
  "张伟明'", '3-2-1502%', '😀', '\u0000', '\u202e', 'ＮＵＬＬ', 'NULL', '-1', '1e309', '9'.repeat(40), "'".repeat(60),
];
/** Sent without URL encoding: malformed percent-escapes and bare quotes straight into the query string. */
const RAW = ['%', '%zz', '%%', "'", '%27%20OR%201=1--', '%00'];

const USERS = ['admin', 'kefu', 'zhuguan', 'zhongxin', 'weixiu', 'lingban', 'jingli', 'qiantai'];
const TABLES = ['users', 'user_roles', 'projects', 'units', 'households', 'persons'];

/** A refused value is a 4xx in the API's error shape; an accepted one is a JSON 200 whose LIKE wildcards were literal. */
function expectSafe(res: Hit, value: string, label: string): void {
  expect(res.statusCode, `${label}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
  if (res.statusCode >= 400) {
    expect(errorCode(res), label).toMatch(/^[A-Z_]+$/);
    return;
  }
  const type = String(res.headers['content-type'] ?? '');
  if (!type.startsWith('application/json')) return;
  const body = JSON.parse(res.body) as { items?: unknown[] };
  if (!Array.isArray(body.items)) return;
  // Had '%' or '_' reached LIKE as a wildcard, rows without that character would come back.
  for (const w of ['%', '_']) {
    if (value.replace(/\\./g, '') === w.repeat(value.length) || value === '%_%') {
      for (const item of body.items) expect(JSON.stringify(item), `${label}: wildcard matched a row`).toContain(w);
    }
  }
}

describe.each(STORE_KINDS)('SQL meta-characters in filters and ids on %s', (kind) => {
  let t: TestApp;
  const sessions = new Map<string, Session>();
  let counts: Record<string, number>;
  let before: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp(kind, { loginMaxFailures: 1_000_000 });
    for (const u of USERS) sessions.set(u, await Session.login(t.app, u));
    counts = await rowCounts(t.store, TABLES);
    before = await fingerprint(t.store, ['audit_log', 'sessions', 'notifications']);
  });
  afterAll(async () => {
    // The database is intact: same rows in every table, and the audit chain still verifies.
    expect(await rowCounts(t.store, TABLES)).toEqual(counts);
    expect(await fingerprint(t.store, ['audit_log', 'sessions', 'notifications'])).toEqual(before);
    expect((await verifyAuditChain(t.store.db)).ok).toBe(true);
    await t.close();
  });

  /** The first user who may read the route with ordinary input, so the meta-characters reach the query, not just the guard. */
  async function reader(r: LiveRoute, url: string): Promise<Session> {
    for (const u of USERS) {
      const res = await sessions.get(u)!.get(url);
      if (res.statusCode < 400) return sessions.get(u)!;
    }
    return sessions.get('admin')!;
  }

  it('every GET route with a filter or an id is covered', () => {
    expect(READS.map((r) => r.key)).toEqual(expect.arrayContaining(['GET /api/households', 'GET /api/units', 'GET /api/audit', 'GET /api/households/:id']));
  });

  it.each(READS.map((r) => [r.key, r] as const))('%s: SQL and LIKE meta-characters, NUL and unicode in every query filter and path id → a 4xx or a correctly filtered 200, never a 500', async (_key, r) => {
    const ctx = { projectId: t.ids.p1 };
    const path = (over?: [string, string]) => fillPath(r.url, (p) => (over && over[0] === p ? over[1] : String(sampleValue(pathParamSchema(r, p), p, ctx))));
    const s = await reader(r, path() + sampleQuery(queryParams(r), ctx));
    for (const q of queryParams(r)) {
      for (const v of META) expectSafe(await s.get(path() + sampleQuery(queryParams(r), ctx, { [q.name]: v })), v, `?${q.name}=${JSON.stringify(v)}`);
      const rest = sampleQuery(queryParams(r), ctx).replace(/^\?/, '');
      for (const raw of RAW) expectSafe(await s.get(`${path()}?${rest ? `${rest}&` : ''}${q.name}=${raw}`), raw, `raw ?${q.name}=${raw}`);
    }
    for (const p of r.params) {
      for (const v of META) expectSafe(await s.get(path([p, v]) + sampleQuery(queryParams(r), ctx)), v, `:${p}=${JSON.stringify(v)}`);
    }
  });

  it('wildcards are literal in the household search (GET and POST) and the unit filter: "%", "_" and "%_%" find nothing, an injected OR finds nothing', async () => {
    const kefu = sessions.get('kefu')!;
    for (const q of ['%', '_', '%_%', '%%', "' OR '1'='1", "3-2-1502' OR '1'='1"]) {
      const g = await kefu.get(`/api/households?q=${encodeURIComponent(q)}`);
      const p = await kefu.send('POST', '/api/households/search', { q });
      const u = await kefu.get(`/api/units?projectId=${t.ids.p1}&q=${encodeURIComponent(q)}`);
      for (const [label, res] of [['GET search', g], ['POST search', p], ['units', u]] as const) {
        expect(res.statusCode, `${label} ${q}`).toBe(200);
        const body = JSON.parse(res.body) as { items: unknown[] };
        expect(body.items, `${label} ${q}`).toEqual([]);
      }
    }
    // The same searches still work for real input.
    expect((JSON.parse((await kefu.get('/api/households?q=3-2-1502')).body) as { items: unknown[] }).items).toHaveLength(1);
  });

  it('the audit filters treat quotes and wildcards as text: action "%" and actor "\' OR \'1\'=\'1" match no entry', async () => {
    const admin = sessions.get('admin')!;
    for (const f of ['action=%25', 'action=_', `actor=${encodeURIComponent("' OR '1'='1")}`, `entityId=${encodeURIComponent("' OR ''='")}`]) {
      const res = await admin.get(`/api/audit?${f}`);
      expect(res.statusCode, f).toBe(200);
      expect((JSON.parse(res.body) as { items: unknown[] }).items, f).toEqual([]);
    }
  });
});
