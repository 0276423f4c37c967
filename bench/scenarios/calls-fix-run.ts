/**
 * The candidate fixes for the call list (calls-fixes.ts), measured on the scratch copy: the captured
 * requests' SQL replayed through the raw driver, 10 concurrent (each request: its page of rows, then its
 * subtotals, like the app) — as the app sends it (measured on the cache by listSqlLoad), with trigram
 * indexes (PostgreSQL), and with search subtotals bounded — and EXPLAIN ANALYZE of the search statements
 * with each. Runs first on the scratch copy (before the writing scenarios add rows) and removes what it built.
 */
import type { Store, StoreKind } from '../../src/server/db/store';
import type { Captured } from '../lib/capture';
import { closedLoop } from '../lib/closed-loop';
import { figureList, loadFigures, type LoadFigures } from '../lib/figures';
import type { BenchOptions } from '../lib/options';
import { log } from '../lib/progress';
import { rawDriver, type RawDriver } from '../lib/raw';
import type { Entry } from '../lib/report';
import { explainAll, report, type CapturedRequest } from './calls-explain';
import { BENCH_USER } from '../data/estate';
import { checkOutcome } from '../lib/figures';
import { runLoad } from '../lib/load';
import { startApp } from '../lib/servers';
import { signIn } from '../lib/session';
import { boundedCount, fixCleanup, fixSetup } from './calls-fixes';

/** Closed-loop replay of list requests' SQL (no ledger), rotating over them. */
export async function listSqlLoad(opts: BenchOptions, raw: RawDriver, requests: CapturedRequest[], rewrite?: (s: Captured) => Captured) {
  const list = requests.filter((r) => r.kind !== 'ledger');
  let i = 0;
  const op = async () => {
    const r = list[i++ % list.length];
    for (const s of r.statements) {
      const q = rewrite ? rewrite(s) : s;
      await raw.query(q.text, q.params);
    }
  };
  return closedLoop(op, opts.connections, 1, Math.max(3, Math.round(opts.durationSeconds / 2)));
}

export const sqlName = (label: string, size: string, what: string) => `[${label}] call list SQL only (raw driver, 10 concurrent) @${size}, mixed filters, ${what}`;

export async function fixRun(opts: BenchOptions, label: string, kind: StoreKind, store: Store, size: string, requests: CapturedRequest[], asIs: LoadFigures | undefined, notes: string[]): Promise<{ entries: Entry[]; markdown: string }> {
  const raw = rawDriver(store);
  const hadTrgm = (await raw.query(`SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'`)).rows.length > 0;
  try {
    return await measureFixes(opts, label, kind, store, raw, size, requests, asIs, notes);
  } finally {
    for (const stmt of fixCleanup(hadTrgm)) await raw.query(stmt);
  }
}

/** The mixed list through the full app on the copy with the fix in place (the app's SQL unchanged). */
async function httpMixed(opts: BenchOptions, label: string, store: Store, size: string, requests: CapturedRequest[], notes: string[]): Promise<Entry[]> {
  const server = await startApp(store);
  try {
    const { cookie } = await signIn(server.url, BENCH_USER.username, BENCH_USER.password);
    const paths = requests.filter((r) => r.kind !== 'ledger').map((r) => r.path);
    log(`${label}: GET /api/calls, mixed filters, with pg_trgm GIN indexes, ${opts.durationSeconds} s`);
    const o = await runLoad({ url: server.url, requests: paths.map((path) => ({ method: 'GET', path })), headers: { cookie }, connections: opts.connections, warmupSeconds: opts.warmupSeconds, durationSeconds: opts.durationSeconds });
    await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(300_000) });
    checkOutcome(`${label} list mix with pg_trgm`, o, notes);
    const f = loadFigures(`[${label}] GET /api/calls @${size} calls, mixed filters, on a copy with pg_trgm GIN on content and number`, o);
    notes.push(`[${label}] list p95 ≤ 100 ms at ${size} with pg_trgm GIN indexes (copy, app unchanged): mixed filters p95 ${f.p95.value} ms — ${o.latency.p95 <= 100 ? 'met' : 'still missed'}`);
    return figureList(f);
  } finally {
    await server.close();
  }
}

async function measureFixes(opts: BenchOptions, label: string, kind: StoreKind, store: Store, raw: RawDriver, size: string, requests: CapturedRequest[], asIs: LoadFigures | undefined, notes: string[]) {
  const entries: Entry[] = [];
  const md: string[] = [];
  const searches = requests.filter((r) => r.kind === 'search');
  const setup = fixSetup(kind);
  const trgm = setup.length > 0;
  if (trgm) {
    const t0 = performance.now();
    for (const stmt of setup) await raw.query(stmt);
    notes.push(`[${label}] pg_trgm GIN indexes on content and number built on the scratch copy in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    log(`${label}: list SQL with pg_trgm indexes`);
    entries.push(...figureList(loadFigures(sqlName(label, size, 'with pg_trgm GIN on content and number'), await listSqlLoad(opts, raw, requests), asIs)));
    const r = report(`## ${label}, ${size} calls, search with pg_trgm GIN on content and number (app SQL unchanged)`, await explainAll(raw.query, searches));
    md.push(r.markdown);
    notes.push(`[${label}] search SQL alone with pg_trgm GIN indexes: ${r.summary}`);
    entries.push(...(await httpMixed(opts, label, store, size, requests, notes)));
  }
  if (!searches.some((r) => r.statements.some((st) => boundedCount(st) !== st))) {
    notes.push(`[${label}] the app already bounds a search's subtotals: no bounded-count rewrite to measure`);
    return { entries, markdown: md.join('\n') };
  }
  const what = `${trgm ? 'with pg_trgm GIN and ' : 'with '}search subtotals over ≤ 1,001 matches`;
  log(`${label}: list SQL ${what}`);
  entries.push(...figureList(loadFigures(sqlName(label, size, what), await listSqlLoad(opts, raw, requests, boundedCount), asIs)));
  const r = report(`## ${label}, ${size} calls, search ${what}`, await explainAll(raw.query, searches, (_r, s) => boundedCount(s)));
  md.push(r.markdown);
  notes.push(`[${label}] search SQL alone ${what}: ${r.summary}`);
  return { entries, markdown: md.join('\n') };
}
