import { afterAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { HttpClient, spawnServer, type Spawned } from '../testing/spawn';

const base = process.env.TEST_DATABASE_URL;

// Several instances of one installation start at the same second on an empty PostgreSQL database with the
// demo seed asked for: migrations and seed run once, under locks, and every instance comes up.
describe.skipIf(!base)('instances started together on an empty PostgreSQL database', () => {
  const name = `wd_s_${process.pid}_${randomBytes(4).toString('hex')}`;
  const servers: Spawned[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.kill()));
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  });

  it('three instances, one seed: all ready, one demo estate, every instance signs in', async () => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(`CREATE DATABASE ${name}`);
    await c.end();
    const u = new URL(base!);
    u.pathname = `/${name}`;
    const env = { DATABASE_URL: u.toString(), SEED_DEMO: '1' };
    servers.push(...(await Promise.all([spawnServer(env, 300_000), spawnServer(env, 300_000), spawnServer(env, 300_000)])));
    for (const s of servers) {
      expect(s.child.exitCode).toBeNull();
      await new HttpClient(s.baseUrl).login('kefu');
    }
    const q = new pg.Client({ connectionString: u.toString() });
    await q.connect();
    const { rows } = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM projects WHERE code = 'JHHY'`);
    await q.end();
    expect(rows[0].n).toBe(1);
  });
});
