import type { StoreKind } from '../../src/server/db/store';

export const SCENARIOS = ['baseline', 'startup', 'search', 'web', 'explain', 'create', 'list', 'list10m', 'timers', 'sse', 'home', 'helpclocks', 'ackpage'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export interface BenchOptions {
  quick: boolean;
  /** Scenarios to run; all when --only is not given. */
  scenarios: ScenarioName[];
  warmupSeconds: number;
  durationSeconds: number;
  /** Households in the search data set. */
  households: number;
  /** Call records in the service-desk data set (list/ledger). */
  calls: number;
  /** Live timers in the lateness scenario (baseline: 100). */
  timers: number;
  /** Seconds over which those timers fall due. */
  timerWindowSeconds: number;
  /** SSE connections in the fan-out scenario (baseline: 20). */
  sseConnections: number;
  /** Streams spread over two instances on PostgreSQL (issue 14 goal 3: 10,000). */
  sseAcross: number;
  connections: number;
  /** Concurrent desks of the paired create figures (issue 14: 10 and 32 both reported). */
  concurrency: number[];
  /** Alternating (baseline, figure) pairs per ratio; the median and spread are printed. */
  pairs: number;
  pgUrl?: string;
  stores: StoreKind[];
}

const USAGE = `usage: npm run bench -- [--quick] [--only ${SCENARIOS.join('|')}[,…]]
  env BENCH_DURATION   seconds per measured load step (default 10, --quick 5)
  env BENCH_HOUSEHOLDS households in the search data set (default 100000, --quick 10000)
  env BENCH_CALLS      call records in the list data set (default 1000000, --quick 50000)
  env BENCH_TIMERS     live timers in the lateness scenario (default 10000, --quick 1000)
  env BENCH_SSE        SSE connections in the fan-out scenario (default 2000, --quick 200)
  env BENCH_CONCURRENCY concurrent desks of the paired create figures, comma-separated (default 10,32)
  env BENCH_PAIRS      alternating baseline/figure pairs per ratio (default 3, --quick 2)
  env BENCH_DATABASE_URL postgres://… also run every scenario on that PostgreSQL server
  env BENCH_STORES     pglite, postgres or both (default: both when BENCH_DATABASE_URL is set)`;

function isScenario(s: string): s is ScenarioName {
  return (SCENARIOS as readonly string[]).includes(s);
}

function positive(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got ${raw}`);
  return n;
}

export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv): BenchOptions {
  let quick = false;
  const only: ScenarioName[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') quick = true;
    else if (a === '--only' || a.startsWith('--only=')) {
      const value = a === '--only' ? argv[++i] : a.slice('--only='.length);
      for (const s of (value ?? '').split(',').filter(Boolean)) {
        if (!isScenario(s)) throw new Error(`unknown scenario "${s}"\n${USAGE}`);
        only.push(s);
      }
      if (only.length === 0) throw new Error(`--only needs a scenario\n${USAGE}`);
    } else if (a === '--help' || a === '-h') {
      process.stdout.write(USAGE + '\n');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}\n${USAGE}`);
  }
  const pgUrl = env.BENCH_DATABASE_URL || undefined;
  let stores: StoreKind[] = pgUrl ? ['embedded', 'postgres'] : ['embedded'];
  if (env.BENCH_STORES) {
    const names = env.BENCH_STORES.split(',').map((x) => x.trim());
    stores = stores.filter((k) => names.includes(k === 'embedded' ? 'pglite' : 'postgres'));
    if (stores.length === 0) throw new Error(`BENCH_STORES=${env.BENCH_STORES} selects no store${pgUrl ? '' : ' (postgres needs BENCH_DATABASE_URL)'}\n${USAGE}`);
  }
  return {
    quick,
    scenarios: only.length ? only : [...SCENARIOS],
    warmupSeconds: quick ? 2 : 3,
    durationSeconds: positive(env.BENCH_DURATION, quick ? 5 : 10, 'BENCH_DURATION'),
    households: Math.round(positive(env.BENCH_HOUSEHOLDS, quick ? 10_000 : 100_000, 'BENCH_HOUSEHOLDS')),
    calls: Math.round(positive(env.BENCH_CALLS, quick ? 50_000 : 1_000_000, 'BENCH_CALLS')),
    timers: Math.round(positive(env.BENCH_TIMERS, quick ? 1000 : 10_000, 'BENCH_TIMERS')),
    timerWindowSeconds: quick ? 20 : 60,
    sseConnections: Math.round(positive(env.BENCH_SSE, quick ? 200 : 2000, 'BENCH_SSE')),
    sseAcross: Math.round(positive(env.BENCH_SSE_ACROSS, quick ? 1000 : 10_000, 'BENCH_SSE_ACROSS')),
    connections: 10,
    concurrency: (env.BENCH_CONCURRENCY ?? '10,32').split(',').filter(Boolean).map((c) => Math.round(positive(c, 10, 'BENCH_CONCURRENCY'))),
    pairs: Math.round(positive(env.BENCH_PAIRS, quick ? 2 : 3, 'BENCH_PAIRS')),
    pgUrl,
    stores,
  };
}
