/**
 * npm run bench [-- --quick] [-- --only baseline,startup,search,web,explain,create,list,list10m,timers,sse,home,helpclocks,ackpage]
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
import { markdownTable, verdictLines, writeResults } from './lib/report';
import { attempt, type Collected } from './lib/collect';
import { deskBlock } from './desk';
import { healthScenario, measureB0 } from './scenarios/baseline';
import { explainSearch, type ExplainReport, type KindTiming } from './scenarios/explain';
import { searchScenario } from './scenarios/search';
import { startupScenario } from './scenarios/startup';
import { webSizeScenario } from './scenarios/web-size';
import { helpClocksScenario, managerHomeScenario } from './scenarios/standalone';
import { ackPageScenario } from './scenarios/ack-page';

const timingText = (ts: KindTiming[]) => ts.map((t) => `${t.kind} median ${t.medianMs} ms / max ${t.maxMs} ms`).join('; ');
const RESULTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');
/**
 * A hard stop far above a normal run, in case something hangs; longer when the 10-project data set may have to be
 * built first (~1 h on two cores, once: its gram index runs a function per row over 10M rows).
 */
const watchdogMs = (opts: BenchOptions) => (opts.pgUrl && opts.scenarios.includes('list10m') ? 150 : 25) * 60_000;

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

async function searchAndExplain(kind: StoreKind, opts: BenchOptions, want: (s: ScenarioName) => boolean, b0: LoadFigures | undefined, out: Collected) {
  const label = STORE_LABEL[kind];
  const bench: BenchStore = await openBenchStore(kind, opts.households, opts.pgUrl);
  let hasStats = true;
  try {
    const statsColumns = await statisticsColumns(bench.store);
    hasStats = statsColumns > 0;
    out.notes.push(
      hasStats
        ? `[${label}] the search data has planner statistics (${statsColumns} columns)${kind === 'postgres' ? ': ANALYZEd after the bulk load, as autovacuum would' : ''}`
        : `[${label}] the search data has NO planner statistics: PGlite runs no autovacuum and the app does not run ANALYZE, so this is how a real embedded store plans`,
    );
    if (want('search') && b0) {
      const found = await attempt(`${label} household search`, out, () => searchScenario(opts, label, bench, b0, out.notes));
      if (found) out.entries.push(...found);
    }
    if (want('explain')) {
      log(`${label}: EXPLAIN ANALYZE of the searchHouseholds queries`);
      const r = await explainSearch(bench.store, `${label}, as benchmarked`, opts.households);
      out.explains.push(r.markdown);
      out.notes.push(`[${label}] searchHouseholds SQL alone (EXPLAIN ANALYZE execution time): ${timingText(r.timings)}`);
    }
  } finally {
    await bench.store.close();
  }
  if (want('explain') && kind === 'embedded' && !hasStats) {
    log(`${label}: the cached store has no planner statistics; explaining an ANALYZEd copy too`);
    const copy = await explainAnalyzedCopy(bench.location, opts);
    out.explains.push(copy.markdown);
    out.notes.push(`[${label}, ANALYZEd copy] searchHouseholds SQL alone: ${timingText(copy.timings)}`);
  }
}

async function storeBlock(kind: StoreKind, opts: BenchOptions, want: (s: ScenarioName) => boolean, out: Collected) {
  const label = STORE_LABEL[kind];
  let b0: LoadFigures | undefined;
  if (want('baseline') || want('search') || want('list') || want('list10m')) {
    b0 = await attempt(`${label} B0`, out, () => measureB0(opts, label, out.notes));
    if (b0) out.entries.push(...figureList(b0));
  }
  if (want('baseline') && b0) {
    const base = b0;
    const health = await attempt(`${label} /api/health`, out, async () => {
      const scratch = await scratchStore(kind, opts.pgUrl);
      try {
        return await healthScenario(opts, label, scratch.store, base, out.notes);
      } finally {
        await scratch.drop();
      }
    });
    if (health) out.entries.push(...health);
  }
  if (want('search') || want('explain')) await attempt(`${label} search data / explain`, out, () => searchAndExplain(kind, opts, want, b0, out));
  await deskBlock(kind, opts, want, b0, out);
}

function gitCommit(): string {
  const r = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' });
  if (r.status !== 0) return 'unknown';
  // Others edit the tree while the bench runs: say when what was measured is not exactly the commit.
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no', '--', 'src', 'drizzle', 'package.json'], { encoding: 'utf8' });
  return r.stdout.trim() + (dirty.stdout.trim() ? ' + uncommitted changes in src/drizzle' : '');
}

async function main(): Promise<number> {
  const opts = parseOptions(process.argv.slice(2), process.env);
  const startedAt = new Date();
  const t0 = performance.now();
  setTimeout(() => {
    log(`watchdog: still running after ${watchdogMs(opts) / 60_000} min, giving up`);
    process.exit(2);
  }, watchdogMs(opts)).unref();
  const want = (s: ScenarioName) => opts.scenarios.includes(s);
  const out: Collected = { entries: [], notes: [], explains: [], callExplains: [], failures: 0 };
  const { entries, notes, explains } = out;
  log(`scenarios ${opts.scenarios.join(', ')}; stores ${opts.stores.map((k) => STORE_LABEL[k]).join(' + ')}; ${opts.durationSeconds} s per load step after ${opts.warmupSeconds} s warm-up; ${opts.households} households`);

  for (const kind of opts.stores) await storeBlock(kind, opts, want, out);
  if (want('startup')) entries.push(...((await attempt('start-to-ready', out, () => startupScenario(opts, opts.stores))) ?? []));
  if (want('web')) entries.push(...((await attempt('web build size', out, async () => webSizeScenario(notes))) ?? []));
  if (want('home')) entries.push(...((await attempt('managers’ home and monthly analyses', out, async () => managerHomeScenario(opts, notes))) ?? []));
  if (want('helpclocks')) entries.push(...((await attempt('first-response clocks', out, async () => helpClocksScenario(opts, notes))) ?? []));
  if (want('ackpage')) entries.push(...((await attempt('commit to the acknowledgement page on a phone', out, () => ackPageScenario(opts, notes))) ?? []));

  const meta = {
    startedAt: startedAt.toISOString(),
    seconds: (performance.now() - t0) / 1000,
    command: `npm run bench${process.argv.length > 2 ? ' -- ' + process.argv.slice(2).join(' ') : ''}${opts.pgUrl ? ' (BENCH_DATABASE_URL set)' : ''}`,
    node: process.version,
    cpus: os.cpus().length,
    commit: gitCommit(),
    settings: `${opts.durationSeconds} s per load step after ${opts.warmupSeconds} s warm-up, ${opts.connections} connections, ${opts.households} households, ${opts.calls} calls, ${opts.timers} timers, ${opts.sseConnections} SSE streams`,
  };
  writeResults(RESULTS, entries, meta, notes);
  if (explains.length) writeFileSync(path.join(RESULTS, 'explain.md'), `# EXPLAIN ANALYZE of searchHouseholds (${meta.startedAt})\n\n${explains.join('\n')}\n`);
  if (out.callExplains.length) writeFileSync(path.join(RESULTS, 'explain-calls.md'), `# EXPLAIN ANALYZE of the call list and ledger queries (${meta.startedAt})\n\n${out.callExplains.join('\n')}\n`);
  const verdicts = verdictLines(entries);
  process.stdout.write(markdownTable(entries) + '\n\n' + (verdicts.length ? verdicts.join('\n') + '\n\n' : '') + notes.map((n) => `- ${n}`).join('\n') + '\n');
  log(`done in ${Math.round(meta.seconds)} s; results in bench/results/latest.{json,md}${out.failures ? `; ${out.failures} scenario(s) FAILED` : ''}`);
  return out.failures ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`[bench] failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
