/**
 * The candidate fixes for the call list (calls-fixes.ts), measured on the scratch copy: the captured
 * requests' SQL replayed through the raw driver, 10 concurrent (each request: its page of rows, then
 * its subtotals, like the app) — as the app sends it on the unchanged data (measured on the cache by
 * listSqlLoad), with the indexes only (the app's SQL unchanged), and with the indexes plus the count
 * rewrites and the per-day summary — and EXPLAIN ANALYZE of each statement with all fixes in place.
 */
import type { Store, StoreKind } from '../../src/server/db/store';
import type { Captured } from '../lib/capture';
import { closedLoop } from '../lib/closed-loop';
import { loadFigures, type LoadFigures } from '../lib/figures';
import type { BenchOptions } from '../lib/options';
import { log } from '../lib/progress';
import { rawDriver, type RawDriver } from '../lib/raw';
import type { Entry } from '../lib/report';
import { explainAll, report, type CapturedRequest } from './calls-explain';
import { boundedCount, fixSetup, rewriteJoin, summaryCount } from './calls-fixes';

/** The statements a request would send with every exact fix: rows (units.code as ANY(ARRAY(…))), then counts. */
export function fixedStatements(r: CapturedRequest, s: Captured): Captured {
  if (/count\(\*\)/.test(s.text)) return summaryCount(r.path) ?? rewriteJoin(s);
  return rewriteJoin(s);
}

/** The same, with a search's subtotals counted over at most 1,001 matches. */
export function boundedStatements(r: CapturedRequest, s: Captured): Captured {
  if (/count\(\*\)/.test(s.text)) return summaryCount(r.path) ?? boundedCount(s);
  return rewriteJoin(s);
}

/** Closed-loop replay of list requests' SQL (no ledger), rotating over them. */
export async function listSqlLoad(opts: BenchOptions, raw: RawDriver, requests: CapturedRequest[], rewrite?: (r: CapturedRequest, s: Captured) => Captured) {
  const list = requests.filter((r) => r.kind !== 'ledger');
  let i = 0;
  const op = async () => {
    const r = list[i++ % list.length];
    for (const s of r.statements) {
      const q = rewrite ? rewrite(r, s) : s;
      await raw.query(q.text, q.params);
    }
  };
  return closedLoop(op, opts.connections, 1, Math.max(3, Math.round(opts.durationSeconds / 2)));
}

export const sqlName = (label: string, size: string, what: string) => `[${label}] call list SQL only (raw driver, 10 concurrent) @${size}, mixed filters, ${what}`;

export async function fixRun(opts: BenchOptions, label: string, kind: StoreKind, store: Store, size: string, requests: CapturedRequest[], asIs: LoadFigures | undefined, notes: string[]): Promise<{ entries: Entry[]; markdown: string }> {
  const raw = rawDriver(store);
  const t0 = performance.now();
  for (const stmt of fixSetup(kind)) await raw.query(stmt);
  // Index-only scans need the visibility map: a server's autovacuum keeps it; PGlite needs an explicit VACUUM.
  await raw.query('VACUUM ANALYZE call_records');
  await raw.query('ANALYZE fix_call_day_counts');
  notes.push(`[${label}] candidate fixes built on the scratch copy in ${((performance.now() - t0) / 1000).toFixed(1)} s (${fixSetup(kind).length} statements + VACUUM ANALYZE)`);
  log(`${label}: list SQL with the candidate indexes only`);
  const idx = await listSqlLoad(opts, raw, requests);
  log(`${label}: list SQL with indexes, join-free counts and the per-day summary`);
  const all = await listSqlLoad(opts, raw, requests, fixedStatements);
  log(`${label}: list SQL with all that, and search subtotals counted over at most 1,001 matches`);
  const bounded = await listSqlLoad(opts, raw, requests, boundedStatements);
  const fi = loadFigures(sqlName(label, size, 'with the candidate indexes (app SQL unchanged)'), idx, asIs);
  const fa = loadFigures(sqlName(label, size, 'with indexes + join-free counts + per-day summary'), all, asIs);
  const fb = loadFigures(sqlName(label, size, 'with all that + search subtotals over ≤ 1,001 matches'), bounded, asIs);
  const explainedIdx = report(`## ${label}, ${size} calls, with the candidate indexes (app SQL unchanged)`, await explainAll(raw.query, requests));
  const explainedAll = report(`## ${label}, ${size} calls, with indexes + join-free counts + per-day summary`, await explainAll(raw.query, requests, fixedStatements));
  const searches = requests.filter((r) => r.kind === 'search');
  const explainedBounded = report(`## ${label}, ${size} calls, search with subtotals over ≤ 1,001 matches`, await explainAll(raw.query, searches, boundedStatements));
  notes.push(`[${label}] call list SQL alone with the candidate indexes: ${explainedIdx.summary}`);
  notes.push(`[${label}] call list SQL alone with indexes + join-free counts + per-day summary: ${explainedAll.summary}`);
  notes.push(`[${label}] search SQL alone with subtotals over ≤ 1,001 matches: ${explainedBounded.summary}`);
  return {
    entries: [fi.rps, fi.p50, fi.p95, fi.p99, fa.rps, fa.p50, fa.p95, fa.p99, fb.rps, fb.p50, fb.p95, fb.p99],
    markdown: `${explainedIdx.markdown}\n${explainedAll.markdown}\n${explainedBounded.markdown}`,
  };
}
