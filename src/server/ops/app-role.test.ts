import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { buildApp } from '../app';
import { openStore, type Store } from '../db/store';
import { seedDemo } from '../seed/demo-seed';
import { Client, testConfig } from '../testing/harness';
import { verifyAuditChain } from '../audit/audit-verify';

const exec = promisify(execFile);
const base = process.env.TEST_DATABASE_URL;

/**
 * docs/OPERATIONS.md's production set-up, run for real: an owner role applies the migrations, app-role.sql
 * grants the app's role what it needs, and the app then runs under that role — which cannot change or
 * erase the audit trail, nor switch its trigger off.
 */
describe.skipIf(!base)('the app under its own PostgreSQL role (app-role.sql)', () => {
  const tag = `${process.pid}_${randomBytes(3).toString('hex')}`;
  const owner = `wd_owner_${tag}`;
  const appRole = `wd_app_${tag}`;
  const db = `wd_roles_${tag}`;
  const url = (user: string) => {
    const u = new URL(base!);
    u.username = user;
    u.password = '';
    u.pathname = `/${db}`;
    return u.toString();
  };
  const admin = () => new pg.Client({ connectionString: base });
  let store: Store;

  beforeAll(async () => {
    const c = admin();
    await c.connect();
    await c.query(`CREATE ROLE ${owner} LOGIN`);
    await c.query(`CREATE ROLE ${appRole} LOGIN`);
    await c.query(`CREATE DATABASE ${db} OWNER ${owner}`);
    await c.end();
    // The owner migrates (in production: one start of the app with the owner's URL, or a deploy step).
    const asOwner = await openStore({ databaseUrl: url(owner) });
    await asOwner.close();
    const work = mkdtempSync(path.join(tmpdir(), 'wd-role-'));
    const sqlFile = path.join(work, 'app-role.sql');
    writeFileSync(sqlFile, readFileSync(path.join(import.meta.dirname, 'app-role.sql'), 'utf8').replaceAll('wuye_owner', owner).replaceAll('wuye_app', appRole));
    await exec('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-f', sqlFile, url(owner)]);
    rmSync(work, { recursive: true, force: true });
    store = await openStore({ databaseUrl: url(appRole) });
  });
  afterAll(async () => {
    await store?.close();
    const c = admin();
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    await c.query(`DROP ROLE IF EXISTS ${appRole}`);
    await c.query(`DROP ROLE IF EXISTS ${owner}`);
    await c.end();
  });

  it('the app starts, seeds, signs in and writes audited changes under the app role', async () => {
    await seedDemo(store);
    const app = await buildApp({ store, config: testConfig(), logger: false });
    await app.ready();
    try {
      const kefu = await Client.login(app, 'kefu');
      const h = (await kefu.post('/api/households/search', { q: '3-2-1502' })).json().items[0];
      const detail = (await kefu.get(`/api/households/${h.id}`)).json();
      expect((await kefu.patch(`/api/households/${h.id}`, { version: detail.version, note: '以应用角色写入' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
    expect((await verifyAuditChain(store.db)).ok).toBe(true);
  });

  it.each([
    ['DELETE FROM audit_log', /permission denied/],
    ['UPDATE audit_log SET ip = NULL', /permission denied/],
    ['TRUNCATE audit_log', /permission denied/],
    ['ALTER TABLE audit_log DISABLE TRIGGER ALL', /must be owner/],
    ['DROP TRIGGER audit_log_no_update ON audit_log', /must be owner/],
    ['DROP TABLE audit_log', /must be owner/],
  ])('the app role is refused: %s', async (statement, why) => {
    const err = await store.exec(statement).then(
      () => null,
      (e: { message: string; cause?: { message: string } }) => e.cause?.message ?? e.message,
    );
    expect(err).toMatch(why);
  });
});
