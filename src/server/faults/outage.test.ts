import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { openStore, type Store } from '../db/store';
import { Client, testConfig } from '../testing/harness';
import { PrivatePostgres } from '../testing/private-postgres';
import { seedDemo } from '../seed/demo-seed';
import type { FastifyInstance } from 'fastify';

/** How long to wait for a condition before calling it failed: far above normal (about a second). */
const RECOVERY_LIMIT_MS = 60_000;

// Stopping a database needs one of our own; PGlite lives inside the app and has no such outage.
describe('PostgreSQL stopped under load', () => {
  let pg: PrivatePostgres;
  let store: Store;
  let app: FastifyInstance;
  beforeAll(async () => {
    pg = await new PrivatePostgres().init();
    store = await openStore({ databaseUrl: pg.url, poolSize: 10 });
    await seedDemo(store);
    app = await buildApp({ store, config: testConfig(), logger: false });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
    pg?.destroy();
  });

  // The time to recover is a figure for the bench, not a test: on a busy machine it varies. The test waits for
  // the conditions (health, then a real search) with a limit far above normal, and fails only if they never come.
  it('answers 503 with a JSON error while the database is down, health says unhealthy, and recovers once it returns', async () => {
    const kefu = await Client.login(app, 'kefu');
    const search = () => kefu.post('/api/households/search', { q: '3-2-1502' });
    expect((await search()).statusCode).toBe(200);

    let running = true;
    const statuses: number[] = [];
    const load = (async () => {
      while (running) {
        const r = await search();
        statuses.push(r.statusCode);
        if (r.statusCode >= 500) expect(r.json().error.code).toBe('STORE_UNAVAILABLE');
        await new Promise((res) => setTimeout(res, 5));
      }
    })();
    await new Promise((r) => setTimeout(r, 200));
    pg.stop();
    await expect.poll(() => statuses.filter((s) => s === 503).length, { timeout: RECOVERY_LIMIT_MS }).toBeGreaterThan(5);
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(503);
    expect(health.json().status).toBe('unhealthy');
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);

    pg.start();
    await expect.poll(async () => (await app.inject({ method: 'GET', url: '/api/health' })).statusCode, { timeout: RECOVERY_LIMIT_MS, interval: 100 }).toBe(200);
    await expect.poll(async () => (await search()).statusCode, { timeout: RECOVERY_LIMIT_MS, interval: 100 }).toBe(200);
    running = false;
    await load;
    // through the return too, the load saw only answers and refusals, never another failure
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
  }, 3 * RECOVERY_LIMIT_MS + 60_000);
});
