/**
 * npm run bench [-- --quick] [-- --only baseline,startup,search,web,explain]
 * Every speed figure is printed beside a baseline measured in the same run (DESIGN.md "Measuring speed here").
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore, type Store, type StoreKind } from '../src/server/db/store';
import { openBenchStore, statisticsColumns, type BenchStore } from './data/bench-store';
import { figureList, STORE_LABEL, type LoadFigures } from './lib/figures';
import { parseOptions, type BenchOptions, type ScenarioName } from './lib/options';
import { createDatabase, dropDatabase, withDatabase } from './lib/pg-admin';
import { log } from './lib/progress';
import { markdownTable, writeResults, type Entry } from './lib/report';
import { healthScenario, measureB0 } from './scenarios/baseline';
import { explainSearch, type ExplainReport, type KindTiming } from './scenarios/explain';

const timingText = (ts: KindTiming[]) => ts.map((t) => `${t.kind} median ${t.medianMs} ms / max ${t.maxMs} ms`).join('; ');
import { searchScenario } from './scenarios/search';
import { startupScenario } from './scenarios/startup';
import { webSizeScenario } from './scenarios/web-size';

const RESULTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');
/** A hard stop far above a normal run, in case something hangs. */
const WATCHDOG_MS = 40 * 60_000;

/** A throw-away store for /api/health: in-memory PGlite, or a scratch database dropped afterwards. */
async function scratchStore(kind: StoreKind, pgUrl: string | undefined): Promise<{ store: Store; drop(): Promise<void> }> {
  if (kind === 'embedded' || !pgUrl) {
    const store = await openStore({ dataDir: 'memory://' });
    return { store, drop: () => store.close() };
  }
  const name = `wd_bench_health_${process.pid}`;
  await createDatabase(pgUrl, name);
  const store = await openStore({ databaseUrl: withDatabase(pgUrl, name) });
  return { store, drop: async () => (await store.close(), await dropDatabase(pgUrl, name)) };
}

/** PGlite has no autovacuum: if the cached copy has no planner statistics, also explain a copy after ANALYZE. */
async function explainAnalyzedCopy(dir: string, opts: BenchOptions): Promise<ExplainReport> {
  const copy = mkdtempSync(path.join(os.tmpdir(), 'wd-bench-analyzed-'));
  try {
    cpSync(dir, copy, { recursive: true });
    const store = await openStore({ dataDir: copy });
    try {
      await store.exec('ANALYZE');
      return await explainSearch(store, 'PGlite, copy of the cache after ANALYZE', opts.households);
    } finally {
      await store.close();
    }
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

async function storeBlock(kind: StoreKind, opts: BenchOptions, want: (s: ScenarioName) => boolean, entries: Entry[], notes: string[], explains: string[]) {
  const label = STORE_LABEL[kind];
  let b0: LoadFigures | undefined;
  if (want('baseline') || want('search')) {
    b0 = await measureB0(opts, label, notes);
    entries.push(...figureList(b0));
  }
  if (want('baseline') && b0) {
    const scratch = await scratchStore(kind, opts.pgUrl);
    try {
      entries.push(...(await healthScenario(opts, label, scratch.store, b0, notes)));
    } finally {
      await scratch.drop();
    }
  }
  if (!want('search') && !want('explain')) return;
  const bench: BenchStore = await openBenchStore(kind, opts.households, opts.pgUrl);
  const statsColumns = await statisticsColumns(bench.store);
  const hasStats = statsColumns > 0;
  notes.push(
    hasStats
      ? `[${label}] the search data has planner statistics (${statsColumns} columns)${kind === 'postgres' ? ': ANALYZEd after the bulk load, as autovacuum would' : ''}`
      : `[${label}] the search data has NO planner statistics: PGlite runs no autovacuum and nothing in the app runs ANALYZE, so this is how a real embedded store plans`,
  );
  try {
    if (want('search') && b0) entries.push(...(await searchScenario(opts, label, bench, b0, notes)));
    if (want('explain')) {
      log(`${label}: EXPLAIN ANALYZE of the searchHouseholds queries`);
      const r = await explainSearch(bench.store, `${label}, as benchmarked`, opts.households);
      explains.push(r.markdown);
      notes.push(`[${label}] searchHouseholds SQL alone (EXPLAIN ANALYZE execution time): ${timingText(r.timings)}`);
    }
  } finally {
    await bench.store.close();
  }
  if (want('explain') && kind === 'embedded' && !hasStats) {
    log(`${label}: the cached store has no planner statistics; explaining an ANALYZEd copy too`);
    const copy = await explainAnalyzedCopy(bench.location, opts);
    explains.push(copy.markdown);
    notes.push(`[${label}, ANALYZEd copy] searchHouseholds SQL alone: ${timingText(copy.timings)}`);
  }
}

function gitCommit(): string {
  const r = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' });
  if (r.status !== 0) return 'unknown';
  // Others edit the tree while the bench runs: say when what was measured is not exactly the commit.
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no', '--', 'src', 'drizzle', 'package.json'], { encoding: 'utf8' });
  return r.stdout.trim() + (dirty.stdout.trim() ? ' + uncommitted changes in src/drizzle' : '');
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2), process.env);
  const startedAt = new Date();
  const t0 = performance.now();
  setTimeout(() => {
    log(`watchdog: still running after ${WATCHDOG_MS / 60_000} min, giving up`);
    process.exit(2);
  }, WATCHDOG_MS).unref();
  const want = (s: ScenarioName) => opts.scenarios.includes(s);
  const entries: Entry[] = [];
  const notes: string[] = [];
  const explains: string[] = [];
  log(`scenarios ${opts.scenarios.join(', ')}; stores ${opts.stores.map((k) => STORE_LABEL[k]).join(' + ')}; ${opts.durationSeconds} s per load step after ${opts.warmupSeconds} s warm-up; ${opts.households} households`);

  for (const kind of opts.stores) await storeBlock(kind, opts, want, entries, notes, explains);
  if (want('startup')) entries.push(...(await startupScenario(opts, opts.stores)));
  if (want('web')) entries.push(...webSizeScenario(notes));

  const meta = {
    startedAt: startedAt.toISOString(),
    seconds: (performance.now() - t0) / 1000,
    command: `npm run bench${process.argv.length > 2 ? ' -- ' + process.argv.slice(2).join(' ') : ''}${opts.pgUrl ? ' (BENCH_DATABASE_URL set)' : ''}`,
    node: process.version,
    cpus: os.cpus().length,
    commit: gitCommit(),
    settings: `${opts.durationSeconds} s per load step after ${opts.warmupSeconds} s warm-up, ${opts.connections} connections, ${opts.households} households`,
  };
  writeResults(RESULTS, entries, meta, notes);
  if (explains.length) writeFileSync(path.join(RESULTS, 'explain.md'), `# EXPLAIN ANALYZE of searchHouseholds (${meta.startedAt})\n\n${explains.join('\n')}\n`);
  process.stdout.write(markdownTable(entries) + '\n\n' + notes.map((n) => `- ${n}`).join('\n') + '\n');
  log(`done in ${Math.round(meta.seconds)} s; results in bench/results/latest.{json,md}`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`[bench] failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
