import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { buildApp } from '../app';
import { openStore, rows, type Store } from '../db/store';
import { seedDemo } from '../seed/demo-seed';
import { Client, STORE_KINDS, TestClock, testConfig } from '../testing/harness';
import { verifyAuditChain } from '../audit/audit-verify';
import { fingerprint } from '../security/probe';
import { backup, backupFormat, OpsError, postgresTableCount, restore, type Target } from './backup';
import { inspectStore } from './inspect';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const exec = promisify(execFile);

/** Real work through the API, so the backup holds sessions, edits, reveals and their audit rows. */
async function doSomeWork(store: Store): Promise<void> {
  const app = await buildApp({ store, config: testConfig(), now: new TestClock().now, logger: false });
  await app.ready();
  const kefu = await Client.login(app, 'kefu');
  const h = (await kefu.post('/api/households/search', { q: '3-2-1502' })).json().items[0];
  const detail = (await kefu.get(`/api/households/${h.id}`)).json();
  expect((await kefu.patch(`/api/households/${h.id}`, { version: detail.version, note: '备份前的备注：业主周末在家' })).statusCode).toBe(200);
  expect((await kefu.post(`/api/persons/${h.persons[0].id}/reveal`, { field: 'phone', reason: '备份测试回拨' })).statusCode).toBe(200);
  const admin = await Client.login(app, 'admin');
  expect((await admin.post('/api/users', { username: 'beifen', displayName: '备份测试', password: 'Lantern-Orchid-58', roles: ['guard'] })).statusCode).toBe(201);
  await app.close();
}

const auditRows = async (store: Store) => (await rows<{ n: number }>(store.db, sql`SELECT count(*)::int AS n FROM audit_log`))[0].n;

/** An empty database on the test server, dropped at the end. */
async function emptyDatabase(created: string[]): Promise<string> {
  const base = process.env.TEST_DATABASE_URL!;
  const name = `wd_r_${process.pid}_${randomBytes(4).toString('hex')}`;
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  created.push(name);
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

async function dropDatabases(names: string[]): Promise<void> {
  const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL! });
  await c.connect();
  for (const n of names) await c.query(`DROP DATABASE IF EXISTS ${n} WITH (FORCE)`);
  await c.end();
}

describe.each(STORE_KINDS)('backup and restore on %s', (kind) => {
  const work = mkdtempSync(path.join(tmpdir(), 'wd-ops-'));
  const databases: string[] = [];
  let source: Target;
  let before: Record<string, string>;
  let auditBefore: number;
  const file = path.join(work, kind === 'embedded' ? 'backup.tar.gz' : 'backup.dump');

  /** A fresh, empty place to restore into. */
  const freshTarget = async (): Promise<Target> =>
    kind === 'embedded' ? { dataDir: path.join(work, `restored-${randomBytes(3).toString('hex')}`) } : { databaseUrl: await emptyDatabase(databases), dataDir: '' };

  /** Opens a store (migrations are already applied, so nothing changes) and takes its fingerprint. */
  async function snapshot(t: Target) {
    const store = await openStore({ databaseUrl: t.databaseUrl, dataDir: t.dataDir });
    try {
      return { fp: await fingerprint(store), audit: await verifyAuditChain(store.db), n: await auditRows(store) };
    } finally {
      await store.close();
    }
  }

  beforeAll(async () => {
    source = kind === 'embedded' ? { dataDir: path.join(work, 'source') } : { databaseUrl: await emptyDatabase(databases), dataDir: '' };
    const store = await openStore({ databaseUrl: source.databaseUrl, dataDir: source.dataDir });
    await seedDemo(store);
    await doSomeWork(store);
    await store.close();
    const s = await snapshot(source);
    before = s.fp;
    auditBefore = s.n;
    expect(s.audit).toMatchObject({ ok: true, checked: auditBefore });
  });
  afterAll(async () => {
    rmSync(work, { recursive: true, force: true });
    if (databases.length) await dropDatabases(databases);
  });

  it('backup writes an owner-only file of the right format, and refuses to overwrite an existing one', async () => {
    const r = await backup(source, file);
    expect(r.kind).toBe(kind);
    expect(r.bytes).toBeGreaterThan(1000);
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(backupFormat(file)).toBe(kind);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(work).filter((f) => f.includes('.partial-'))).toEqual([]);
    await expect(backup(source, file)).rejects.toThrow(/already exists/);
  });

  it('restore into a fresh store gives back every row of every table and an intact audit chain', async () => {
    const target = await freshTarget();
    await restore(target, file);
    const after = await snapshot(target);
    expect(Object.keys(after.fp).length).toBeGreaterThan(10);
    expect(after.fp).toEqual(before);
    expect(after.n).toBe(auditBefore);
    expect(after.audit).toEqual({ ok: true, checked: auditBefore });
    const summary = await inspectStore(target);
    expect(summary.audit).toEqual({ ok: true, checked: auditBefore });
    expect(summary.tables.households).toBeGreaterThan(900);
    expect(summary.tables.users).toBeGreaterThan(16);

    // The restored store is alive: sequences continue, the append-only trigger is back, the app signs in.
    const store = await openStore({ databaseUrl: target.databaseUrl, dataDir: target.dataDir });
    try {
      await expect(store.exec('DELETE FROM audit_log')).rejects.toThrow();
      const app = await buildApp({ store, config: testConfig(), logger: false });
      await app.ready();
      await Client.login(app, 'beifen', 'Lantern-Orchid-58');
      await app.close();
      // A sign-in writes two entries: the reserved attempt and the login.
      expect(await verifyAuditChain(store.db)).toEqual({ ok: true, checked: auditBefore + 2 });
    } finally {
      await store.close();
    }
  });

  it('restore refuses a target that holds data unless --force; forced, it replaces it (and keeps the old embedded dir)', async () => {
    const target = await freshTarget();
    await restore(target, file);
    // Something happens after the backup, in the target.
    const store = await openStore({ databaseUrl: target.databaseUrl, dataDir: target.dataDir });
    await store.exec(`UPDATE households SET note = '恢复后改动', version = version + 1 WHERE id = (SELECT id FROM households ORDER BY id LIMIT 1)`);
    await store.close();
    const changed = (await snapshot(target)).fp;
    expect(changed).not.toEqual(before);

    await expect(restore(target, file)).rejects.toThrow(OpsError);
    await expect(restore(target, file)).rejects.toThrow(/not empty|already has/);
    expect((await snapshot(target)).fp).toEqual(changed);

    const r = await restore(target, file, { force: true });
    expect((await snapshot(target)).fp).toEqual(before);
    if (kind === 'embedded') {
      expect(r.movedAside && existsSync(path.join(r.movedAside, 'PG_VERSION'))).toBe(true);
    }
  });

  it('a damaged archive is refused and a forced restore of it changes nothing', async () => {
    const target = await freshTarget();
    await restore(target, file);
    const damaged = path.join(work, `damaged-${kind}`);
    // Right magic bytes, garbage after them.
    writeFileSync(damaged, Buffer.concat([kind === 'embedded' ? Buffer.from([0x1f, 0x8b]) : Buffer.from('PGDMP'), randomBytes(4096)]));
    await expect(restore(target, damaged, { force: true })).rejects.toThrow(OpsError);
    expect((await snapshot(target)).fp).toEqual(before);
    if (kind === 'embedded') expect(readdirSync(work).filter((f) => f.includes('.restoring-'))).toEqual([]);
  });

  it('a backup of the other store kind, or not a backup at all, is refused before anything is touched', async () => {
    const target = await freshTarget();
    const foreign = path.join(work, 'foreign');
    writeFileSync(foreign, kind === 'embedded' ? Buffer.from('PGDMP-not-for-pglite') : Buffer.from([0x1f, 0x8b, 0, 0]));
    await expect(restore(target, foreign)).rejects.toThrow(/backup of the (postgres|embedded) store/);
    const junk = path.join(work, 'junk.txt');
    writeFileSync(junk, 'hello');
    await expect(restore(target, junk)).rejects.toThrow(/not a Wuye Desk backup/);
    if (kind === 'embedded') expect(existsSync(target.dataDir)).toBe(false);
    else expect(await postgresTableCount(target.databaseUrl!)).toBe(0);
  });

  if (kind === 'embedded') {
    it('backup refuses an embedded store that a running app has open (two processes on one data dir corrupt it)', async () => {
      const store = await openStore({ dataDir: source.dataDir });
      try {
        await expect(backup(source, path.join(work, 'while-open.tar.gz'))).rejects.toThrow(/stop the app first/);
      } finally {
        await store.close();
      }
    });
  }

  it('npm run backup / npm run restore work end to end from the configured store (DATABASE_URL or DATA_DIR)', async () => {
    const env = (t: Target): NodeJS.ProcessEnv => {
      const e: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: t.dataDir || path.join(work, 'unused') };
      if (t.databaseUrl) e.DATABASE_URL = t.databaseUrl;
      else delete e.DATABASE_URL;
      return e;
    };
    const out = path.join(work, `cli-${kind}`);
    const b = await exec(process.execPath, ['--import', 'tsx', 'scripts/backup.ts', '--out', out], { cwd: ROOT, env: env(source) });
    expect(b.stdout).toContain('backup written');
    const target = await freshTarget();
    const r = await exec(process.execPath, ['--import', 'tsx', 'scripts/restore.ts', '--in', out], { cwd: ROOT, env: env(target) });
    expect(r.stdout).toContain(`audit chain intact: ${auditBefore} entries`);
    const again = await exec(process.execPath, ['--import', 'tsx', 'scripts/restore.ts', '--in', out], { cwd: ROOT, env: env(target) }).catch((e: { code: number; stderr: string }) => e);
    expect(again).toMatchObject({ code: 1, stderr: expect.stringContaining('--force') });
  });
});
