/**
 * The feature benchmarks that run as scripts of their own (they build their data inside the database), wired into
 * `npm run bench`: each is spawned per store and its printed figures become judged entries.
 * - `home`: the managers' home and the monthly analyses at 1M calls / 100k complaints / 100k visits (issue 12:
 *   p95 ≤ 200 ms per query); --quick runs 1/20 of the volume.
 * - `helpclocks`: first-response clocks of 10,000 open help requests falling due together (issue 10): lateness p99
 *   judged against the timers' goal (≤ 1 s); --quick runs 1,000.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StoreKind } from '../../src/server/db/store';
import type { BenchOptions } from '../lib/options';
import { STORE_LABEL } from '../lib/figures';
import { entry, judge, type Entry } from '../lib/report';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function runScript(script: string, env: NodeJS.ProcessEnv): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${script} exited with ${r.status}: ${(r.stderr || r.stdout).slice(-2000)}`);
  return r.stdout;
}

/** Issue 12: p95 of each query of the managers' home and the monthly analyses, per store. */
export function managerHomeScenario(opts: BenchOptions, notes: string[]): Entry[] {
  const scale = opts.quick ? 0.05 : 1;
  const entries: Entry[] = [];
  for (const kind of opts.stores) {
    const env: NodeJS.ProcessEnv = { SCALE: String(scale), BENCH_STORE: kind, REPEAT: opts.quick ? '10' : '20' };
    if (kind === 'postgres') env.TEST_DATABASE_URL = opts.pgUrl;
    const out = runScript('bench/scenarios/manager-home.ts', env);
    notes.push(`[${STORE_LABEL[kind]}] ${out.split('\n').find((l) => l.startsWith('# manager-home')) ?? 'manager-home'}`);
    for (const line of out.split('\n')) {
      const m = /^\| (.+?) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \|$/.exec(line);
      if (!m) continue;
      entries.push(judge({ name: `${STORE_LABEL[kind]} ${m[1]} p95 (${scale === 1 ? '1M calls' : `${scale}× of 1M calls`})`, value: Number(m[3]), unit: 'ms' }, { of: 'value', op: '<=', target: 200 }));
    }
  }
  return entries;
}

/** Issue 10: lateness p99 of first-response clocks, every timer fired exactly once, per store. */
export function helpClocksScenario(opts: BenchOptions, notes: string[]): Entry[] {
  const scale = opts.quick ? 1000 : 10_000;
  const entries: Entry[] = [];
  // 60 s: every clock of `scale` requests due within a minute (dense); 300 s: the steady state, `scale` requests taken
  // within five minutes under a five-minute limit, so their clocks fall due spread over five minutes.
  const windows = (process.env.HELPCLOCKS_WINDOWS ?? '60,300').split(',').map(Number);
  for (const kind of opts.stores as StoreKind[]) {
    // One store per spawn (BENCH_STORE): the embedded one, or PostgreSQL at TEST_DATABASE_URL.
    const env: NodeJS.ProcessEnv = { SCALE: String(scale), WINDOWS: windows.join(','), BENCH_STORE: kind, TEST_DATABASE_URL: kind === 'postgres' ? opts.pgUrl : '' };
    type Figures = { p50: number; p99: number; max: number };
    type Line = { store: StoreKind; mode: 'help' | 'engine-only'; windowSeconds: number; timers: number; fired: number; exactlyOnce: boolean; drainedSeconds: number; handlerMsPerClock: { warn: number; escalate: number }; latenessMs: Figures; claimLatenessMs: Figures; load1: number };
    const lines = runScript('bench/scenarios/help-clocks.ts', env)
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Line);
    for (const w of windows) {
      const r = lines.find((l) => l.store === kind && l.mode === 'help' && l.windowSeconds === w);
      if (!r) throw new Error(`help-clocks printed no figure for ${kind} over ${w} s`);
      const base = lines.find((l) => l.store === kind && l.mode === 'engine-only' && l.windowSeconds === w);
      const spread = `due over ${w} s${w >= 300 ? ' (steady state)' : ' (dense)'}`;
      notes.push(
        `[${STORE_LABEL[kind]}] help clocks ${spread}: ${scale} open requests, ${r.timers} timers, ${r.fired} fired in ${r.drainedSeconds} s, exactly once: ${r.exactlyOnce}; lateness until commit p50 ${Math.round(r.latenessMs.p50)} / p99 ${Math.round(r.latenessMs.p99)} / max ${Math.round(r.latenessMs.max)} ms (until the claim p99 ${Math.round(r.claimLatenessMs.p99)} ms); help handlers ${r.handlerMsPerClock.warn} ms per warning, ${r.handlerMsPerClock.escalate} ms per escalation; load ${r.load1}` +
          (base ? `; the engine alone (handlers doing nothing): lateness until commit p50 ${Math.round(base.latenessMs.p50)} / p99 ${Math.round(base.latenessMs.p99)} ms, drained in ${base.drainedSeconds} s, load ${base.load1}` : ''),
      );
      const baseline = base ? entry(`${STORE_LABEL[kind]} the deadline engine alone at ${scale} open help requests, ${spread} (no-op handlers): lateness p99`, base.latenessMs.p99, 'ms') : undefined;
      if (baseline) entries.push(baseline);
      entries.push(judge(entry(`${STORE_LABEL[kind]} first-response clocks at ${scale} open help requests, ${spread}: lateness p99`, r.latenessMs.p99, 'ms', baseline), { of: 'value', op: '<=', target: 1000 }, r.exactlyOnce ? undefined : 'a timer did not fire exactly once'));
    }
  }
  return entries;
}
