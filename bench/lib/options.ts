import type { StoreKind } from '../../src/server/db/store';

export const SCENARIOS = ['baseline', 'startup', 'search', 'web', 'explain'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export interface BenchOptions {
  quick: boolean;
  /** Scenarios to run; all when --only is not given. */
  scenarios: ScenarioName[];
  warmupSeconds: number;
  durationSeconds: number;
  /** Households in the search data set. */
  households: number;
  connections: number;
  pgUrl?: string;
  stores: StoreKind[];
}

const USAGE = `usage: npm run bench -- [--quick] [--only ${SCENARIOS.join('|')}[,…]]
  env BENCH_DURATION   seconds per measured load step (default 10, --quick 5)
  env BENCH_HOUSEHOLDS households in the search data set (default 100000, --quick 10000)
  env BENCH_DATABASE_URL postgres://… also run every scenario on that PostgreSQL server`;

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
  return {
    quick,
    scenarios: only.length ? only : [...SCENARIOS],
    warmupSeconds: quick ? 2 : 3,
    durationSeconds: positive(env.BENCH_DURATION, quick ? 5 : 10, 'BENCH_DURATION'),
    households: Math.round(positive(env.BENCH_HOUSEHOLDS, quick ? 10_000 : 100_000, 'BENCH_HOUSEHOLDS')),
    connections: 10,
    pgUrl,
    stores: pgUrl ? ['embedded', 'postgres'] : ['embedded'],
  };
}
