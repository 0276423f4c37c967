import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rows } from '../db/store';
import { DEMO_USERS } from '../seed/demo-seed';
import { STORE_KINDS, startTestApp, type TestApp } from '../testing/harness';
import { errorCode, fingerprint, hit, sampleQuery, sampleValue, Session } from './probe';
import { collectRoutes, fillPath, jsonBody, NON_RECORD_BODIES, openObjects, pathParamSchema, queryParams, UNSAFE_METHODS, type LiveRoute } from './route-table';

const ROUTES = await collectRoutes();
const WITH_BODY = ROUTES.filter((r) => UNSAFE_METHODS.includes(r.method) && jsonBody(r));
const RECORD_WRITES = WITH_BODY.filter((r) => !NON_RECORD_BODIES.has(r.key));
const WRITERS = ['admin', 'kefu', 'zhuguan', 'zhongxin', 'qiantai', 'jingli', 'weixiu', 'lingban', 'gongchengshi', 'zhuli', 'baoan', 'banzhang', 'menwei', 'waibu'];

/** Fields a client must never set: identity, ownership, bookkeeping, state, credentials. */
const PROTECTED: Record<string, unknown> = {
  id: randomUUID(),
  projectId: randomUUID(),
  version: 999_999,
  passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$forged',
  roles: ['admin'],
  disabled: false,
  createdAt: '2020-01-01T00:00:00Z',
  updatedAt: '2020-01-01T00:00:00Z',
  createdBy: randomUUID(),
  recordedBy: randomUUID(),
  actorId: randomUUID(),
  userId: randomUUID(),
  status: 'closed',
  number: 'LD20200101-0001',
  seq: 1,
  hash: '0'.repeat(64),
  deletedAt: null,
  isAdmin: true,
  tokenHash: 'x',
  csrfToken: 'x',
};

describe.each(STORE_KINDS)('mass assignment on %s', (kind) => {
  let t: TestApp;
  let admin: Session;
  const sessions = new Map<string, Session>();

  /** Someone the route lets in (others get 404 before their body is read), so the body check is what answers. */
  async function writerFor(r: LiveRoute, url: string, body: unknown): Promise<Session> {
    for (const u of WRITERS) {
      const res = await sessions.get(u)!.send(r.method, url, body);
      if (res.statusCode !== 404) return sessions.get(u)!;
    }
    throw new Error(`${r.key}: no demo user gets past the access check`);
  }

  const ctx = () => ({ projectId: t.ids.p1 });
  const urlOf = (r: LiveRoute) => fillPath(r.url, (p) => String(sampleValue(pathParamSchema(r, p), p, ctx()))) + sampleQuery(queryParams(r), ctx());

  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await Session.login(t.app, 'admin');
    for (const u of WRITERS) sessions.set(u, await Session.login(t.app, u));
  });
  afterAll(() => t.close());

  it('every route that takes a JSON body is checked below (the list comes from the router and the OpenAPI schemas)', () => {
    expect(RECORD_WRITES.map((r) => r.key)).toEqual(expect.arrayContaining(['PATCH /api/households/:id', 'POST /api/households/:id/persons', 'PATCH /api/persons/:id', 'POST /api/users', 'PATCH /api/users/:id']));
  });

  it.each(RECORD_WRITES.map((r) => [r.key, r] as const))('%s: its body schema refuses unknown keys at every level (.strict())', (_key, r) => {
    expect(openObjects(jsonBody(r)!)).toEqual([]);
  });

  it.each(RECORD_WRITES.map((r) => [r.key, r] as const))('%s: each protected field it does not declare (id, projectId, version, passwordHash, roles, disabled, status, number, recordedBy …) is a 400 naming that key, and nothing is written', async (_key, r) => {
    const schema = jsonBody(r)!;
    const declared = new Set(Object.keys(schema.properties ?? {}));
    const base = sampleValue(schema, 'body', ctx()) as Record<string, unknown>;
    const url = urlOf(r);
    const before = await fingerprint(t.store, ['audit_log']);
    const extras = Object.entries(PROTECTED).filter(([k]) => !declared.has(k));
    expect(extras.length).toBeGreaterThan(10);
    const writer = await writerFor(r, url, { ...base, [extras[0][0]]: extras[0][1] });
    for (const [field, value] of extras) {
      const res = await writer.send(r.method, url, { ...base, [field]: value });
      expect(`${res.statusCode} ${errorCode(res)}`, field).toBe('400 VALIDATION_FAILED');
      const fields = (JSON.parse(res.body) as { error: { fields?: { path: string; message: string }[] } }).error.fields ?? [];
      expect(fields.some((f) => f.message.includes(`"${field}"`)), `${field}: ${JSON.stringify(fields)}`).toBe(true);
    }
    // All of them at once, too.
    const all = await writer.send(r.method, url, { ...base, ...Object.fromEntries(extras) });
    expect(all.statusCode).toBe(400);
    expect(await fingerprint(t.store, ['audit_log'])).toEqual(before);
  });

  it.each([...NON_RECORD_BODIES].map(([key, why]) => [key, why] as const))('%s is a deliberate exception to .strict() (%s): protected fields in its body are dropped, nothing is stored', async (key) => {
    const r = WITH_BODY.find((w) => w.key === key)!;
    expect(r).toBeDefined();
    const before = await fingerprint(t.store, ['audit_log', 'sessions']);
    const body = { ...(sampleValue(jsonBody(r), 'body', ctx()) as object), ...PROTECTED };
    const res = await (await writerFor(r, urlOf(r), body)).send(r.method, urlOf(r), body);
    expect(res.statusCode).toBeLessThan(500);
    expect(await fingerprint(t.store, ['audit_log', 'sessions'])).toEqual(before);
  });

  it('login ignores smuggled fields: roles, projectIds or isAdmin sent with the credentials change nothing about the session', async () => {
    const res = await hit(t.app, { method: 'POST', url: '/api/auth/login', body: { username: 'kefu', password: 'demo1234', roles: ['admin'], projectIds: [t.ids.p2, t.ids.p3], isAdmin: true, userId: randomUUID() } });
    expect(res.statusCode).toBe(200);
    const s = await Session.login(t.app, 'kefu');
    const me = JSON.parse((await s.get('/api/auth/me')).body) as { roles: string[]; projects: { id: string }[] };
    expect(me.roles).toEqual(['cs_specialist']);
    expect(me.projects.map((p) => p.id)).toEqual([t.ids.p1]);
  });

  it('a version sent by the client is only a concurrency check: a future or past version is a 409, and the stored version never jumps', async () => {
    const [h] = await rows<{ id: string; version: number }>(t.store.db, sql`SELECT id, version FROM households WHERE project_id = ${t.ids.p1} ORDER BY id LIMIT 1`);
    const [p] = await rows<{ id: string; version: number }>(t.store.db, sql`SELECT id, version FROM persons WHERE project_id = ${t.ids.p1} ORDER BY id LIMIT 1`);
    const [u] = await rows<{ id: string; version: number }>(t.store.db, sql`SELECT id, version FROM users WHERE username = 'weixiu'`);
    const kefu = await Session.login(t.app, 'kefu');
    const targets = [
      { by: kefu, url: `/api/households/${h.id}`, table: 'households', row: h },
      { by: kefu, url: `/api/persons/${p.id}`, table: 'persons', row: p },
      { by: admin, url: `/api/users/${u.id}`, table: 'users', row: u },
    ];
    for (const x of targets) {
      for (const v of [x.row.version + 1, x.row.version + 1000, Math.max(1, x.row.version - 1)].filter((v) => v !== x.row.version)) {
        const res = await x.by.send('PATCH', x.url, { version: v });
        expect(res.statusCode, `${x.table} version ${v}`).toBe(409);
      }
      const ok = await x.by.send('PATCH', x.url, { version: x.row.version });
      expect(ok.statusCode, x.table).toBe(200);
      const [after] = await rows<{ version: number }>(t.store.db, sql`SELECT version FROM ${sql.identifier(x.table)} WHERE id = ${x.row.id}`);
      expect(after.version, x.table).toBe(x.row.version + 1);
    }
  });

  it('nobody changes their own roles, projects or disabled flag: for every demo user but the administrator, PATCH of their own account is a 404 and nothing changes', async () => {
    const before = await fingerprint(t.store, ['audit_log', 'sessions']);
    for (const u of DEMO_USERS.filter((d) => !d.roles.includes('admin'))) {
      const s = await Session.login(t.app, u.username);
      const me = JSON.parse((await s.get('/api/auth/me')).body) as { id: string };
      const [{ version }] = await rows<{ version: number }>(t.store.db, sql`SELECT version FROM users WHERE id = ${me.id}`);
      const res = await s.send('PATCH', `/api/users/${me.id}`, { version, roles: ['admin'], projectIds: [t.ids.p1, t.ids.p2, t.ids.p3], disabled: false });
      expect(res.statusCode, u.username).toBe(404);
      await s.send('POST', '/api/auth/logout');
    }
    expect(await fingerprint(t.store, ['audit_log', 'sessions'])).toEqual(before);
  });
});
