import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openStore, rows, type Store, type StoreKind } from '../db/store';
import { buildApp } from '../app';
import { loadConfig, type AppConfig } from '../core/env';
import { seedDemo } from '../seed/demo-seed';
import { buildings, districts, households, persons, projects, units } from '../../domain/property/property.table';

/** Every database test runs on the embedded store, and on the real PostgreSQL when TEST_DATABASE_URL is set. */
export const STORE_KINDS: StoreKind[] = process.env.TEST_DATABASE_URL ? ['embedded', 'postgres'] : ['embedded'];

export interface TestStore extends Store {
  /** For postgres: the URL of this test's own database. */
  url?: string;
  drop(): Promise<void>;
}

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

/** A fresh, migrated store of its own: an in-memory PGlite, or a new database on the server that is dropped after. */
export async function openTestStore(kind: StoreKind): Promise<TestStore> {
  if (kind === 'embedded') {
    const s = await openStore({ dataDir: 'memory://' });
    return { ...s, drop: () => s.close() };
  }
  const base = process.env.TEST_DATABASE_URL!;
  const name = `wd_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = withDatabase(base, name);
  const s = await openStore({ databaseUrl: url, poolSize: 20 });
  return {
    ...s,
    url,
    drop: async () => {
      await s.close();
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export function testConfig(over: Partial<AppConfig> = {}): AppConfig {
  return { ...loadConfig({}), serveWeb: false, logLevel: 'silent', ...over };
}

/** A settable clock for timeouts and deadlines. */
export class TestClock {
  constructor(public t = new Date('2026-11-26T02:00:00Z').getTime()) {}
  now = () => new Date(this.t);
  advanceMinutes(m: number) {
    this.t += m * 60_000;
  }
}

export interface TestApp {
  app: FastifyInstance;
  store: TestStore;
  clock: TestClock;
  ids: { p1: string; p2: string; p3: string };
  close(): Promise<void>;
}

/**
 * The demo estate (佳宏花园 = p1, every demo user assigned; 佳宏锦园 = p2, admin and zhuguan only)
 * plus p3, a project nobody is assigned to, so "other project" is testable for every role.
 */
export async function startTestApp(kind: StoreKind, over: Partial<AppConfig> = {}): Promise<TestApp> {
  const snapshot = kind === 'embedded' ? process.env.WD_TEST_SEEDED_SNAPSHOT : undefined;
  if (snapshot && existsSync(snapshot)) {
    // Mutation runs (vitest.mutate-server.config.ts) start every test file hundreds of times: the seeded estate is
    // loaded from a dump taken once, instead of migrating and seeding again. Same database, same rows.
    const s = await openStore({ loadDataDir: new Blob([readFileSync(snapshot)]) });
    return finishTestApp({ ...s, drop: () => s.close() }, over);
  }
  const store = await openTestStore(kind);
  await seedDemo(store);
  const [p3] = await store.db.insert(projects).values({ code: 'OTHER', name: '其他公司项目' }).returning();
  const [d] = await store.db.insert(districts).values({ projectId: p3.id, name: '甲区' }).returning();
  const [b] = await store.db.insert(buildings).values({ projectId: p3.id, districtId: d.id, code: '99', name: '99栋' }).returning();
  const [u] = await store.db.insert(units).values({ projectId: p3.id, buildingId: b.id, code: '99-1-101', entrance: 1, floor: 1, room: '101' }).returning();
  const [h] = await store.db.insert(households).values({ projectId: p3.id, unitId: u.id }).returning();
  await store.db.insert(persons).values({ projectId: p3.id, householdId: h.id, relation: 'owner', name: '外部业主', phone: '13900001111' });
  if (snapshot && store.dump) {
    const tmp = `${snapshot}.${process.pid}.${randomBytes(4).toString('hex')}`;
    mkdirSync(path.dirname(snapshot), { recursive: true });
    writeFileSync(tmp, Buffer.from(await (await store.dump()).arrayBuffer()));
    renameSync(tmp, snapshot);
  }
  return finishTestApp(store, over);
}

async function finishTestApp(store: TestStore, over: Partial<AppConfig>): Promise<TestApp> {
  const [p1] = await rows<{ id: string }>(store.db, sql`SELECT id FROM projects WHERE code = 'JHHY'`);
  const [p2] = await rows<{ id: string }>(store.db, sql`SELECT id FROM projects WHERE code = 'JHJY'`);
  const [p3] = await rows<{ id: string }>(store.db, sql`SELECT id FROM projects WHERE code = 'OTHER'`);
  const clock = new TestClock();
  const app = await buildApp({ store, config: testConfig(over), now: clock.now, logger: false });
  await app.ready();
  return {
    app,
    store,
    clock,
    ids: { p1: p1.id, p2: p2.id, p3: p3.id },
    close: async () => {
      await app.close();
      await store.drop();
    },
  };
}

/** A signed-in API client over fastify.inject: keeps the session cookie and sends the CSRF token. */
export class Client {
  cookie = '';
  csrf = '';
  constructor(private app: FastifyInstance) {}

  static async login(app: FastifyInstance, username: string, password = 'demo1234'): Promise<Client> {
    const c = new Client(app);
    const res = await c.post('/api/auth/login', { username, password });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    return c;
  }

  async request(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    const res = await this.app.inject({ method, url, headers, ...(body !== undefined ? { payload: body as object } : {}) });
    const set = res.cookies;
    for (const c of set) {
      if (c.name === 'wd_session') this.cookie = c.value ? `wd_session=${c.value}` : '';
      if (c.name === 'wd_csrf') this.csrf = c.value;
    }
    return res;
  }
  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown) => this.request('POST', url, body ?? {});
  patch = (url: string, body?: unknown) => this.request('PATCH', url, body ?? {});
}
