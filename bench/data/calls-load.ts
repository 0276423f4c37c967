/**
 * Loads the generated calls fast: COPY through psql on PostgreSQL, 1,000-row INSERTs on PGlite, with the
 * secondary indexes dropped during the load and rebuilt after (their definitions are kept in
 * bench_desk_indexes first, so an interrupted load can never lose one) and the table's own triggers off
 * (the per-day summary's trigger would run a million times); the summary is rebuilt in one statement
 * after, as migration 0003 builds it. Then the day counters the numbering uses, and planner statistics as
 * the app's store would have them.
 */
import { spawn } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { rows, type Store } from '../../src/server/db/store';
import { log, ProgressBar } from '../lib/progress';
import { track } from '../lib/children';
import { CALL_COLUMNS, generateCalls, type CallGenContext, type CallValue } from './calls-gen';

const csvField = (v: CallValue) => (v === null ? '' : typeof v === 'number' ? String(v) : `"${v.replace(/"/g, '""')}"`);
const sqlLit = (v: CallValue) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`);

async function secondaryIndexes(store: Store): Promise<{ name: string; def: string }[]> {
  await store.exec('CREATE TABLE IF NOT EXISTS bench_desk_indexes (name text PRIMARY KEY, def text NOT NULL)');
  const live = await rows<{ name: string; def: string }>(
    store.db,
    sql`SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'call_records'
        AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = 'call_records'::regclass)`,
  );
  for (const i of live) await store.db.execute(sql`INSERT INTO bench_desk_indexes (name, def) VALUES (${i.name}, ${i.def}) ON CONFLICT (name) DO UPDATE SET def = EXCLUDED.def`);
  return rows<{ name: string; def: string }>(store.db, sql`SELECT name, def FROM bench_desk_indexes ORDER BY name`);
}

const ifNotExists = (def: string) => def.replace(/^CREATE (UNIQUE )?INDEX /, (m) => `${m}IF NOT EXISTS `);

function copyThroughPsql(url: string, lines: () => Generator<string>, bar: ProgressBar): Promise<void> {
  return new Promise((resolve, reject) => {
    const copy = `\\copy call_records (${CALL_COLUMNS.join(', ')}) FROM STDIN WITH (FORMAT csv)`;
    const child = track(spawn('psql', [url, '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-c', copy], { stdio: ['pipe', 'inherit', 'pipe'] }));
    let err = '';
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`psql COPY exited with ${code}: ${err.slice(0, 2000)}`))));
    const it = lines();
    let done = 0;
    const pump = () => {
      for (;;) {
        let chunk = '';
        let n = 0;
        for (; n < 2000; n++) {
          const r = it.next();
          if (r.done) break;
          chunk += r.value;
        }
        done += n;
        bar.update(done);
        if (n === 0) return void child.stdin?.end();
        if (!child.stdin?.write(chunk)) return void child.stdin?.once('drain', pump);
      }
    };
    pump();
  });
}

/** Migration 0003's per-day subtotals (call_day_counts), recomputed from the records. */
export const REBUILD_DAY_SUMMARY = `TRUNCATE call_day_counts;
     INSERT INTO call_day_counts (project_id, day, district_id, class, status, n)
     SELECT project_id, (received_at AT TIME ZONE 'Asia/Shanghai')::date, district_id, class, status, count(*)::int FROM call_records GROUP BY 1, 2, 3, 4, 5`;

/** The day counters the numbering continues from: each day's sequence where the loaded records left it (none there yet). */
export const INSERT_CALL_COUNTERS = `INSERT INTO number_counters (project_id, kind, day, last)
     SELECT project_id, 'call', (received_at AT TIME ZONE 'Asia/Shanghai')::date, count(*) FROM call_records GROUP BY 1, 3`;

/** The per-day subtotals, recomputed from the records if the schema has them. */
async function rebuildDaySummary(store: Store): Promise<void> {
  const [t] = await rows<{ t: string | null }>(store.db, sql`SELECT to_regclass('call_day_counts')::text AS t`);
  if (!t?.t) return;
  await store.exec(REBUILD_DAY_SUMMARY);
}

/** Replaces whatever calls the store holds with `ctx.total` generated ones. Returns the seconds it took. */
export async function loadCalls(store: Store, ctx: CallGenContext, pgUrl?: string): Promise<number> {
  const t0 = performance.now();
  await store.exec('TRUNCATE call_records, call_events, call_replies, work_orders, work_order_events, timers, notifications, number_counters CASCADE');
  // TRUNCATE fires no row trigger: the summary is rebuilt after the load.
  const indexes = await secondaryIndexes(store);
  for (const i of indexes) await store.exec(`DROP INDEX IF EXISTS "${i.name}"`);
  await store.exec('ALTER TABLE call_records DISABLE TRIGGER USER');
  const bar = new ProgressBar(`loading ${ctx.total} calls into ${store.kind}`, ctx.total);
  if (store.kind === 'postgres') {
    if (!pgUrl) throw new Error('loading calls into PostgreSQL needs its URL');
    await copyThroughPsql(pgUrl, function* () {
      for (const row of generateCalls(ctx)) yield row.map(csvField).join(',') + '\n';
    }, bar);
  } else {
    const head = `INSERT INTO call_records (${CALL_COLUMNS.join(', ')}) VALUES `;
    let batch: string[] = [];
    let done = 0;
    for (const row of generateCalls(ctx)) {
      batch.push(`(${row.map(sqlLit).join(',')})`);
      if (batch.length === 1000) {
        await store.exec(head + batch.join(','));
        done += batch.length;
        bar.update(done);
        batch = [];
      }
    }
    if (batch.length) await store.exec(head + batch.join(','));
  }
  bar.done();
  await store.exec('ALTER TABLE call_records ENABLE TRIGGER USER');
  log(`rebuilding ${indexes.length} indexes of call_records`);
  for (const i of indexes) await store.exec(ifNotExists(i.def));
  await rebuildDaySummary(store);
  // The numbering continues each day's sequence where the generated ledger left it.
  await store.exec(INSERT_CALL_COUNTERS);
  // A server's autovacuum would have vacuumed and analysed after such a load; the embedded store analyses
  // after large imports (store.ts), but never vacuums.
  await store.exec(store.kind === 'postgres' ? 'VACUUM ANALYZE call_records' : 'ANALYZE call_records');
  return (performance.now() - t0) / 1000;
}
