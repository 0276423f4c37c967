import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { STORE_KINDS, startTestApp, testConfig, openTestStore, type TestApp } from './testing/harness';

describe('app start-up', () => {
  it('refuses to start when a route declares no access rule (deny by default)', async () => {
    const store = await openTestStore('embedded');
    const app = await buildApp({ store, config: testConfig(), logger: false });
    expect(() => app.get('/api/forgotten', async () => ({ leaked: true }))).toThrow(/declares no access rule/);
    await app.close();
    await store.drop();
  });
});

describe.each(STORE_KINDS)('system routes on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('GET /api/health says ok, which store and which version', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', store: kind, version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it('GET /api/live answers ok without a database: it still answers while the database is unreachable', async () => {
    const execute = t.store.db.execute.bind(t.store.db);
    t.store.db.execute = (() => Promise.reject(new Error('database unreachable'))) as unknown as typeof t.store.db.execute;
    try {
      const live = await t.app.inject({ method: 'GET', url: '/api/live' });
      expect(live.statusCode).toBe(200);
      expect(live.json()).toEqual({ status: 'ok' });
      // The readiness check does touch it, and says so.
      expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(503);
    } finally {
      t.store.db.execute = execute;
    }
  });

  it('serves OpenAPI 3 with every API route and the docs page', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(spec.openapi).toMatch(/^3\./);
    for (const p of ['/api/auth/login', '/api/households', '/api/households/{id}', '/api/users', '/api/audit', '/api/persons/{id}/reveal']) expect(spec.paths).toHaveProperty([p]);
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
  });

  it('security headers on every response, API responses not cached', async () => {
    for (const url of ['/api/health', '/api/nowhere', '/api/auth/me']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('an unknown API route is a 404 in the API error shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nowhere' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  it('a body of the wrong media type is refused in the API error shape', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/x-evil' }, payload: 'x' });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('the API documentation follows its setting', () => {
  it('signedIn: the docs and the document answer 401 without a session, the document 200 with one; off: 404', async () => {
    const store = await openTestStore('embedded');
    const { seedDemo } = await import('./seed/demo-seed');
    await seedDemo(store);
    const guarded = await buildApp({ store, config: testConfig({ apiDocs: 'signedIn' }), logger: false });
    try {
      expect((await guarded.inject({ method: 'GET', url: '/api/docs/' })).statusCode).toBe(401);
      expect((await guarded.inject({ method: 'GET', url: '/api/openapi.json' })).statusCode).toBe(401);
      const login = await guarded.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'kefu', password: 'demo1234' } });
      const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      expect((await guarded.inject({ method: 'GET', url: '/api/openapi.json', headers: { cookie } })).statusCode).toBe(200);
    } finally {
      await guarded.close();
    }
    const off = await buildApp({ store, config: testConfig({ apiDocs: 'off' }), logger: false });
    try {
      expect((await off.inject({ method: 'GET', url: '/api/openapi.json' })).statusCode).toBe(404);
      expect((await off.inject({ method: 'GET', url: '/api/docs/' })).statusCode).toBe(404);
    } finally {
      await off.close();
      await store.drop();
    }
  });

  it('production defaults to signed-in docs and to listening on this machine only', async () => {
    const { loadConfig } = await import('./core/env');
    expect(loadConfig({ NODE_ENV: 'production' }).apiDocs).toBe('signedIn');
    expect(loadConfig({}).apiDocs).toBe('public');
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });
});
