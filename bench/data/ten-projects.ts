/**
 * Issue 14, goal 2's larger size: 10M call records over 10 projects on PostgreSQL. Built once from the
 * cached 1M-call desk database (CREATE DATABASE … TEMPLATE), then nine more estates' ledgers beside the
 * first: each a project of its own with its own districts, holding a copy of the first estate's two years
 * (new ids; the households, units and categories stay the first estate's, which the list queries of the
 * first estate never read). The first estate, its user and its queries are those of the 1M data set: what
 * changes is that every index and table is ten times larger and a project is a tenth of it.
 * The secondary indexes are dropped during the load and rebuilt after (the gram index at 10M takes the
 * longest: its function runs once per row), then VACUUM ANALYZE; a bench_desk_meta row marks it complete.
 */
import pg from 'pg';
import { copyDatabase, databaseExists, dropDatabase, withDatabase } from '../lib/pg-admin';
import { log } from '../lib/progress';
import { benchDatabaseName } from './bench-store';
import { INSERT_CALL_COUNTERS, REBUILD_DAY_SUMMARY } from './calls-load';

export const TEN_PROJECTS = 10;
/** Bump when the copies change: the cache checks it and rebuilds. */
export const TEN_PROJECTS_VERSION = 1;

export const tenProjectsDatabase = (households: number) => `${benchDatabaseName(households)}_10p`;

async function client(url: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  return c;
}

async function isComplete(url: string, calls: number): Promise<boolean> {
  const c = await client(url);
  try {
    const r = await c.query<{ n: number; version: number }>(`SELECT n, version FROM bench_desk_meta WHERE key = 'ten_projects'`);
    return r.rows[0]?.n === calls && r.rows[0]?.version === TEN_PROJECTS_VERSION;
  } catch {
    return false;
  } finally {
    await c.end();
  }
}

/** Secondary index definitions of call_records (not those behind constraints). */
async function secondaryIndexes(c: pg.Client): Promise<{ name: string; def: string }[]> {
  const r = await c.query<{ name: string; def: string }>(
    `SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'call_records'
     AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = 'call_records'::regclass) ORDER BY indexname`,
  );
  return r.rows;
}

/**
 * The URL of the 10-project database, built from the 1M desk database (which must exist, complete, and
 * have no open sessions) when it is not cached. `perProject` is the first estate's call count.
 */
export async function ensureTenProjects(pgUrl: string, households: number, perProject: number): Promise<{ url: string; calls: number; builtSeconds: number }> {
  const name = tenProjectsDatabase(households);
  const url = withDatabase(pgUrl, name);
  const calls = perProject * TEN_PROJECTS;
  if ((await databaseExists(pgUrl, name)) && (await isComplete(url, calls))) return { url, calls, builtSeconds: 0 };
  const t0 = performance.now();
  await dropDatabase(pgUrl, name);
  log(`10 projects: copying ${benchDatabaseName(households)} to ${name}`);
  await copyDatabase(pgUrl, name, benchDatabaseName(households));
  const c = await client(url);
  try {
    await c.query(`SET maintenance_work_mem = '1GB'`);
    const [first] = (await c.query<{ id: string; code: string; name: string }>(`SELECT p.id, p.code, p.name FROM projects p JOIN call_records c ON c.project_id = p.id LIMIT 1`)).rows;
    if (!first) throw new Error('the desk database holds no calls to copy');
    const indexes = await secondaryIndexes(c);
    for (const i of indexes) await c.query(`DROP INDEX IF EXISTS "${i.name}"`);
    await c.query('ALTER TABLE call_records DISABLE TRIGGER USER');
    const cols = (
      await c.query<{ column_name: string }>(`SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'call_records' ORDER BY ordinal_position`)
    ).rows.map((r) => r.column_name);
    const mapped: Record<string, string> = { id: `md5(c.id::text || '-' || $1::text)::uuid`, project_id: `$2::uuid`, district_id: `dm.new_id` };
    const select = cols.map((col) => mapped[col] ?? `c."${col}"`).join(', ');
    for (let k = 1; k < TEN_PROJECTS; k++) {
      const t = performance.now();
      const projectId = (await c.query<{ id: string }>(`SELECT md5('wd-bench-project-' || $1::text)::uuid AS id`, [k])).rows[0].id;
      await c.query(`INSERT INTO projects (id, code, name) VALUES ($1, $2, $3)`, [projectId, `${first.code}${k + 1}`, `${first.name}${k + 1}期`]);
      await c.query(`CREATE TEMP TABLE dm AS SELECT id AS old_id, md5(id::text || '-' || $1::text)::uuid AS new_id FROM districts WHERE project_id = $2`, [k, first.id]);
      await c.query(`INSERT INTO districts (id, project_id, name) SELECT dm.new_id, $1, d.name FROM districts d JOIN dm ON dm.old_id = d.id`, [projectId]);
      await c.query(
        `INSERT INTO call_records (${cols.map((x) => `"${x}"`).join(', ')}) SELECT ${select} FROM call_records c LEFT JOIN dm ON dm.old_id = c.district_id WHERE c.project_id = $3`,
        [k, projectId, first.id],
      );
      await c.query('DROP TABLE dm');
      log(`10 projects: estate ${k + 1} of ${TEN_PROJECTS} copied (${perProject} calls) in ${((performance.now() - t) / 1000).toFixed(0)} s`);
    }
    await c.query('ALTER TABLE call_records ENABLE TRIGGER USER');
    // The btree indexes on one connection, the gram index (the slow one) on another, side by side.
    log(`10 projects: rebuilding ${indexes.length} indexes of call_records over ${calls} rows`);
    const gin = indexes.filter((i) => /USING gin/i.test(i.def));
    const btree = indexes.filter((i) => !/USING gin/i.test(i.def));
    const c2 = await client(url);
    try {
      await c2.query(`SET maintenance_work_mem = '1GB'`);
      await Promise.all([(async () => { for (const i of gin) await c2.query(i.def); })(), (async () => { for (const i of btree) await c.query(i.def); })()]);
    } finally {
      await c2.end();
    }
    await c.query(REBUILD_DAY_SUMMARY);
    await c.query(`DELETE FROM number_counters WHERE kind = 'call'`);
    await c.query(INSERT_CALL_COUNTERS);
    await c.query('VACUUM ANALYZE call_records');
    await c.query('ANALYZE districts');
    await c.query('ANALYZE projects');
    await c.query(`INSERT INTO bench_desk_meta (key, n, version) VALUES ('ten_projects', $1, $2) ON CONFLICT (key) DO UPDATE SET n = EXCLUDED.n, version = EXCLUDED.version, created_at = now()`, [
      calls,
      TEN_PROJECTS_VERSION,
    ]);
  } finally {
    await c.end();
  }
  const builtSeconds = (performance.now() - t0) / 1000;
  log(`10 projects: ${calls} calls ready in ${builtSeconds.toFixed(0)} s`);
  return { url, calls, builtSeconds };
}
