/**
 * The search data set, cached between runs: a PGlite folder under bench/.cache/ (git-ignored), or the
 * wd_bench database on the PostgreSQL server. A marker row written last says the copy is complete.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { openStore, rows, type Store, type StoreKind } from '../../src/server/db/store';
import { hashPassword } from '../../src/server/auth/passwords';
import { buildings, districts, projects } from '../../src/domain/property/property.table';
import { userProjects, userRoles, users } from '../../src/domain/users/users.table';
import { createDatabase, databaseExists, dropDatabase, withDatabase } from '../lib/pg-admin';
import { log, ProgressBar } from '../lib/progress';
import { BENCH_PROJECT, BENCH_USER, DATA_VERSION, generateHouseholds, structure, type GenHousehold } from './estate';

export const CACHE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../.cache');

export interface BenchStore {
  store: Store;
  /** Where it lives: a folder or a database URL. */
  location: string;
  /** Seconds spent generating; 0 when the cache was used. */
  generatedSeconds: number;
}

export function benchDatabaseName(households: number): string {
  return households === 100_000 ? 'wd_bench' : `wd_bench_${households}`;
}

async function isComplete(store: Store, households: number): Promise<boolean> {
  try {
    const [m] = await rows<{ households: number; data_version: number }>(store.db, sql`SELECT households, data_version FROM bench_meta WHERE key = 'estate'`);
    return m !== undefined && m.households === households && m.data_version === DATA_VERSION;
  } catch {
    return false;
  }
}

const lit = (v: string | number | null): string => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`);
const tuple = (vs: (string | number | null)[]) => `(${vs.map(lit).join(',')})`;

/** One multi-row INSERT per table for a batch of households: units, then households, then their people. */
function batchSql(projectId: string, batch: GenHousehold[]): string {
  const u = batch.map((h) => tuple([h.unit.id, projectId, h.unit.buildingId, h.unit.code, h.unit.entrance, h.unit.floor, h.unit.room, h.unit.areaM2, h.unit.handoverDate]));
  const hh = batch.map((h) => tuple([h.id, projectId, h.unit.id, h.movedInAt]));
  const p = batch.flatMap((h) => h.persons.map((x) => `${tuple([x.id, projectId, h.id, x.relation, x.name, x.phone, x.idNumber])}`));
  return [
    `INSERT INTO units (id, project_id, building_id, code, entrance, floor, room, area_m2, handover_date) VALUES ${u.join(',')};`,
    `INSERT INTO households (id, project_id, unit_id, moved_in_at) VALUES ${hh.join(',')};`,
    `INSERT INTO persons (id, project_id, household_id, relation, name, phone, id_number) VALUES ${p.join(',')};`,
  ].join('\n');
}

async function generate(store: Store, households: number): Promise<void> {
  const s = structure();
  await store.db.insert(projects).values({ id: s.projectId, ...BENCH_PROJECT });
  await store.db.insert(districts).values(s.districts.map((d) => ({ id: d.id, projectId: s.projectId, name: d.name })));
  await store.db.insert(buildings).values(s.buildings.map((b) => ({ id: b.id, projectId: s.projectId, districtId: b.districtId, code: String(b.no), name: `${b.no}栋` })));
  await store.db.insert(users).values({ id: s.userId, username: BENCH_USER.username, displayName: BENCH_USER.displayName, passwordHash: await hashPassword(BENCH_USER.password) });
  await store.db.insert(userRoles).values({ userId: s.userId, role: BENCH_USER.role });
  await store.db.insert(userProjects).values({ userId: s.userId, projectId: s.projectId });

  const bar = new ProgressBar(`generating ${store.kind} estate`, households);
  const BATCH = 1000;
  let batch: GenHousehold[] = [];
  let done = 0;
  for (const h of generateHouseholds(households)) {
    batch.push(h);
    if (batch.length === BATCH) {
      await store.exec(batchSql(s.projectId, batch));
      done += batch.length;
      batch = [];
      bar.update(done);
    }
  }
  if (batch.length) await store.exec(batchSql(s.projectId, batch));
  bar.done();
  // What autovacuum does on a server shortly after a bulk load; done here so every run plans alike.
  if (store.kind === 'postgres') await store.exec('ANALYZE');
  await store.exec(
    `CREATE TABLE IF NOT EXISTS bench_meta (key text PRIMARY KEY, households int NOT NULL, data_version int NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
     INSERT INTO bench_meta (key, households, data_version) VALUES ('estate', ${households}, ${DATA_VERSION});`,
  );
}

/**
 * Opens a cached copy, or answers null when its migrations no longer apply (a migration was rewritten in
 * place while unreleased): the migrator rolls back, and the cache is rebuilt on the current schema.
 */
async function openCached(open: () => Promise<Store>, where: string): Promise<Store | null> {
  try {
    return await open();
  } catch (err) {
    const msg = err instanceof Error ? err.message.split('\n')[0] : String(err);
    log(`cannot open the cached ${where} (${msg}): the schema changed under it, rebuilding`);
    return null;
  }
}

async function openEmbedded(households: number): Promise<BenchStore> {
  const dir = path.join(CACHE_DIR, `pglite-${households}`);
  let store = await openCached(() => openStore({ dataDir: dir }), path.relative(process.cwd(), dir));
  if (store && (await isComplete(store, households))) return { store, location: dir, generatedSeconds: 0 };
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
  log(`no complete cached estate in ${path.relative(process.cwd(), dir)}: generating ${households} households`);
  const t = performance.now();
  store = await openStore({ dataDir: dir });
  await generate(store, households);
  return { store, location: dir, generatedSeconds: (performance.now() - t) / 1000 };
}

async function openPostgres(baseUrl: string, households: number): Promise<BenchStore> {
  const name = benchDatabaseName(households);
  const url = withDatabase(baseUrl, name);
  if (await databaseExists(baseUrl, name)) {
    const store = await openCached(() => openStore({ databaseUrl: url }), `database ${name}`);
    if (store && (await isComplete(store, households))) return { store, location: url, generatedSeconds: 0 };
    await store?.close();
    await dropDatabase(baseUrl, name);
  }
  log(`no complete estate in database ${name}: generating ${households} households`);
  const t = performance.now();
  await createDatabase(baseUrl, name);
  const store = await openStore({ databaseUrl: url });
  await generate(store, households);
  return { store, location: url, generatedSeconds: (performance.now() - t) / 1000 };
}

/** Columns of units, households and persons that have planner statistics (0: never ANALYZEd). */
export async function statisticsColumns(store: Store): Promise<number> {
  const [r] = await rows<{ n: number }>(store.db, sql`SELECT count(*)::int AS n FROM pg_stats WHERE tablename IN ('units', 'households', 'persons')`);
  return r.n;
}

/** The store holding the benchmark estate of the given size, generated on first use. */
export function openBenchStore(kind: StoreKind, households: number, pgUrl?: string): Promise<BenchStore> {
  if (kind === 'embedded') return openEmbedded(households);
  if (!pgUrl) throw new Error('postgres bench store needs BENCH_DATABASE_URL');
  return openPostgres(pgUrl, households);
}
