/**
 * Scenario 3: POST /api/households/search on the full app over the benchmark estate, signed in as a
 * customer-service specialist, with a rotating mix of what agents type; then each kind of query alone.
 */
import { BENCH_USER, QUERY_KINDS, sampleQueries, type QueryKind, type SearchQuery } from '../data/estate';
import type { BenchStore } from '../data/bench-store';
import { checkOutcome, figureList, loadFigures, type LoadFigures } from '../lib/figures';
import { runLoad } from '../lib/load';
import type { BenchOptions } from '../lib/options';
import { entry, type Entry } from '../lib/report';
import { startApp } from '../lib/servers';
import { log } from '../lib/progress';
import { signIn } from '../lib/session';

const KIND_LABEL: Record<QueryKind, string> = {
  room: 'room code (17-2-1502)',
  tail4: 'phone last 4 digits',
  phone: 'full phone',
  name: 'name prefix (2 chars)',
};

/**
 * The register and the call intake search with POST /api/households/search, the query in the body: a phone or ID
 * number never travels in a URL (ARC-12), so the GET form refuses them.
 */
const SEARCH_PATH = '/api/households/search';
const searchBody = (q: string) => JSON.stringify({ q });

/** One request per query before loading: every answer must be 200; the hit counts go into the notes. */
async function probe(baseUrl: string, headers: Record<string, string>, queries: SearchQuery[]): Promise<string> {
  const hits = new Map<QueryKind, number[]>();
  for (const { kind, q } of queries) {
    const res = await fetch(baseUrl + SEARCH_PATH, { method: 'POST', headers, body: searchBody(q) });
    if (res.status !== 200) throw new Error(`search ${kind} "${q}" answered ${res.status}: ${await res.text()}`);
    const body = (await res.json()) as { items: unknown[] };
    hits.set(kind, [...(hits.get(kind) ?? []), body.items.length]);
  }
  return QUERY_KINDS.map((k) => {
    const h = hits.get(k) ?? [];
    return `${k} ${h.length} queries, ${(h.reduce((a, b) => a + b, 0) / Math.max(1, h.length)).toFixed(1)} hits avg (max ${Math.max(0, ...h)})`;
  }).join('; ');
}

export async function searchScenario(opts: BenchOptions, label: string, bench: BenchStore, b0: LoadFigures, notes: string[]): Promise<Entry[]> {
  const size = `${Math.round(opts.households / 1000)}k`;
  const server = await startApp(bench.store);
  try {
    const { headers } = await signIn(server.url, BENCH_USER.username, BENCH_USER.password);
    const queries = sampleQueries(opts.households, 25);
    notes.push(`[${label}] search queries at ${size} (limit 30): ${await probe(server.url, headers, queries)}`);
    const load = (qs: SearchQuery[], seconds: number) =>
      runLoad({
        url: server.url,
        requests: qs.map((x) => ({ method: 'POST', path: SEARCH_PATH, body: searchBody(x.q) })),
        headers,
        connections: opts.connections,
        warmupSeconds: opts.warmupSeconds,
        durationSeconds: seconds,
      });

    log(`${label}: household search at ${size}, mixed queries, ${opts.durationSeconds} s`);
    const mix = await load(queries, opts.durationSeconds);
    checkOutcome(`${label} search mix`, mix, notes);
    const out = figureList(loadFigures(`[${label}] household search @${size}, mixed queries`, mix, b0));

    const perKind = Math.max(3, Math.round(opts.durationSeconds / 2));
    for (const kind of QUERY_KINDS) {
      log(`${label}: household search at ${size}, ${KIND_LABEL[kind]} only, ${perKind} s`);
      const o = await load(queries.filter((x) => x.kind === kind), perKind);
      checkOutcome(`${label} search ${kind}`, o, notes);
      const f = loadFigures(`[${label}] household search @${size}, ${KIND_LABEL[kind]} only`, o, b0);
      out.push(f.rps, f.p95);
    }
    if (bench.generatedSeconds > 0) out.push(entry(`[${label}] generating the ${size} estate (this run; cached after)`, bench.generatedSeconds, 's'));
    return out;
  } finally {
    await server.close();
  }
}
