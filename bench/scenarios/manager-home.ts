/**
 * Issue 12's benchmark: the managers' home (GET /api/dashboard/manager, for the supervisor and for a district's
 * account manager), the monthly complaint analysis (GET /api/complaints/analysis) and the visits' monthly
 * statistics (GET /api/visits/stats/monthly) over 1M call records and 100k complaints and 100k visits, p95 per
 * query. Goal ≤ 200 ms on PostgreSQL; the embedded store (PGlite) measured too.
 *
 *   SCALE=0.05 npx tsx bench/scenarios/manager-home.ts                 # embedded, 1/20 of the volume
 *   SCALE=1 BENCH_STORE=postgres TEST_DATABASE_URL=postgres://… npx tsx bench/scenarios/manager-home.ts
 *
 * The rows are made in the database (generate_series) over two years before the clock's "now"; the app runs
 * in-process and each query is timed through fastify.inject (no network), REPEAT times after one warm-up.
 * EXPLAIN=1 prints each query plan's scans (Seq Scan on a big table is what an index should fix).
 */
import { sql } from 'drizzle-orm';
import { Client, startTestApp } from '../../src/server/testing/harness';
import { rows } from '../../src/server/db/store';
import type { StoreKind } from '../../src/server/db/store';
import { percentile } from '../lib/stats';

const SCALE = Number(process.env.SCALE ?? '0.05');
const KIND = (process.env.BENCH_STORE ?? 'embedded') as StoreKind;
const REPEAT = Number(process.env.REPEAT ?? '20');
const CALLS = Math.round(1_000_000 * SCALE);
const COMPLAINTS = Math.round(100_000 * SCALE);
const VISITS = Math.round(100_000 * SCALE);

async function main() {
  const t0 = Date.now();
  const t = await startTestApp(KIND, { sessionIdleMinutes: 1e6, sessionAbsoluteMinutes: 1e7 });
  const db = t.store.db;
  const p = t.ids.p1;
  const now = t.clock.now();
  const [{ id: user }] = await rows<{ id: string }>(db, sql`SELECT id FROM users WHERE username = 'kefu'`);
  const ds = await rows<{ id: string }>(db, sql`SELECT id FROM districts WHERE project_id = ${p} ORDER BY name`);
  const dArr = `{${ds.map((d) => d.id).join(',')}}`;
  const span = 2 * 365 * 86_400; // seconds: two years before now
  const at = (i: string) => sql.raw(`(timestamptz '${now.toISOString()}' - make_interval(secs => ((${i})::bigint * 7919 % ${span})))`);

  // calls: 5 % still open (a third past due), the rest resolved (90 % in time) and closed
  for (let from = 1; from <= CALLS; from += 100_000) {
    const to = Math.min(CALLS, from + 99_999);
    await db.execute(sql`
      INSERT INTO call_records (project_id, number, received_at, channel, district_id, caller_name, content, class, proposed_class, class_reason, status, recorded_by, due_at, resolved_at, closed_at)
      SELECT ${p}, 'B' || i, ${at('i')}, 'phone', (${dArr}::uuid[])[1 + i % ${ds.length}], '业户', '测试内容', 'normal', 'normal', 'bench',
        (CASE WHEN i % 20 = 0 THEN (CASE WHEN i % 3 = 0 THEN 'in_progress' ELSE 'open' END) ELSE 'closed' END)::call_status, ${user},
        ${at('i')} + (CASE WHEN i % 60 = 0 THEN interval '-1 hour' ELSE interval '1 day' END),
        CASE WHEN i % 20 = 0 THEN NULL ELSE ${at('i')} + (CASE WHEN i % 10 = 1 THEN interval '2 days' ELSE interval '3 hours' END) END,
        CASE WHEN i % 20 = 0 THEN NULL ELSE ${at('i')} + interval '1 day' END
      FROM generate_series(${from}::int, ${to}::int) i`);
  }
  await db.execute(sql`
    INSERT INTO complaints (project_id, number, complainant_name, occurred_at, place, department, content, wants, cause, status, valid, level, due_at, returned_at, closed_at, recorded_by, created_at)
    SELECT ${p}, 'TS' || i, '业户', ${at('i')}, '大堂', (ARRAY['customer_service','engineering','security','environment'])[1 + i % 4], '内容', '诉求', (ARRAY['服务态度','维修质量','噪音',NULL])[1 + i % 4],
      CASE WHEN i % 25 = 0 THEN 'assigned' ELSE 'closed' END, true, (ARRAY['major','serious','minor'])[1 + i % 3],
      ${at('i')} + interval '1 day', ${at('i')} + interval '5 hours', CASE WHEN i % 25 = 0 THEN NULL ELSE ${at('i')} + interval '2 days' END, ${user}, ${at('i')}
    FROM generate_series(1, ${COMPLAINTS}::int) i`);
  await db.execute(sql`
    INSERT INTO visits (project_id, subject_kind, subject_id, subject_number, summary, status, drawn_at, due_at, rating, done_at)
    SELECT ${p}, (ARRAY['complaint','work_order','help_request'])[1 + i % 3], gen_random_uuid(), 'V' || i, '回访',
      CASE WHEN i % 10 = 0 THEN 'due' ELSE 'done' END, ${at('i')}, ${at('i')} + interval '3 days',
      CASE WHEN i % 10 = 0 THEN NULL ELSE (ARRAY['satisfied','fairly_satisfied','unsatisfied'])[1 + i % 3] END,
      CASE WHEN i % 10 = 0 THEN NULL ELSE ${at('i')} + interval '1 day' END
    FROM generate_series(1, ${VISITS}::int) i`);
  // After a bulk load of this size autovacuum vacuums and analyzes the tables (its insert threshold); the bench does it
  // at once so the index-only counts the home relies on are measured in that steady state, not before it.
  await t.store.exec('VACUUM ANALYZE');
  const loaded = Date.now() - t0;

  const zhuguan = await Client.login(t.app, 'zhuguan');
  const jingli = await Client.login(t.app, 'jingli');
  const month = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 7);
  const yearAgo = `${Number(month.slice(0, 4)) - 1}${month.slice(4)}`;
  const queries: [string, Client, string][] = [
    ['managers’ home (supervisor, all districts)', zhuguan, `/api/dashboard/manager?projectId=${p}`],
    ['managers’ home (account manager, his district)', jingli, `/api/dashboard/manager?projectId=${p}`],
    ['complaint analysis (a month)', zhuguan, `/api/complaints/analysis?projectId=${p}&month=${month}`],
    ['visit statistics (12 months)', zhuguan, `/api/visits/stats/monthly?projectId=${p}&from=${yearAgo}&to=${month}`],
  ];
  console.log(`# manager-home bench · ${KIND} · SCALE ${SCALE}: ${CALLS} calls, ${COMPLAINTS} complaints, ${VISITS} visits (loaded in ${Math.round(loaded / 1000)} s)\n`);
  console.log('| query | p50 ms | p95 ms | max ms |\n|---|---|---|---|');
  for (const [name, c, url] of queries) {
    const first = await c.get(url);
    if (first.statusCode !== 200) throw new Error(`${url}: ${first.statusCode} ${first.body.slice(0, 200)}`);
    const ms: number[] = [];
    for (let i = 0; i < REPEAT; i++) {
      const s = performance.now();
      const res = await c.get(url);
      ms.push(performance.now() - s);
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`);
    }
    ms.sort((a, b) => a - b);
    const r = (v: number) => Math.round(v * 10) / 10;
    console.log(`| ${name} | ${r(percentile(ms, 50))} | ${r(percentile(ms, 95))} | ${r(ms.at(-1)!)} |`);
  }
  if (process.env.EXPLAIN === '1') {
    const plans: [string, string][] = [
      ['open calls by district', `SELECT district_id, count(*) FROM call_records WHERE project_id = '${p}' AND status IN ('open','in_progress','resolved') GROUP BY district_id`],
      ['calls resolved this month', `SELECT count(*) FROM call_records WHERE project_id = '${p}' AND resolved_at >= date_trunc('month', now()) AND due_at IS NOT NULL`],
      ['unfinished complaints', `SELECT level, count(*) FROM complaints WHERE project_id = '${p}' AND status NOT IN ('closed','invalid') GROUP BY level`],
      ['complaints returned this month', `SELECT count(*) FROM complaints WHERE project_id = '${p}' AND returned_at >= date_trunc('month', now()) AND due_at IS NOT NULL`],
      ['visits due', `SELECT count(*) FROM visits WHERE project_id = '${p}' AND status = 'due'`],
    ];
    for (const [name, q] of plans) {
      const plan = await rows<Record<string, string>>(db, sql.raw(`EXPLAIN ${q}`));
      const scans = plan.map((x) => Object.values(x)[0]).filter((l) => /Scan/.test(l)).map((l) => l.trim().replace(/\s+\(cost.*$/, ''));
      console.log(`\n${name}: ${scans.join(' · ')}`);
    }
  }
  await t.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
