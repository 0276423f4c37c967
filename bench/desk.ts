/**
 * The service-desk scenarios of one store: the call list and ledger over the cached ledger (read-only),
 * then — on a scratch copy of it, so the cache stays as it was — creating calls, timer lateness, the SSE
 * fan-out (whose server runs in a process of its own, so the bench's store is closed meanwhile); the
 * candidate fixes for the list are measured on that copy first, before the writing scenarios add rows.
 */
import type { StoreKind } from '../src/server/db/store';
import { openDeskStore, scratchCopy, type DeskStore, type Scratch } from './data/desk-store';
import type { DeskIds } from './data/desk-seed';
import { attempt, type Collected } from './lib/collect';
import { STORE_LABEL, loadFigures, type LoadFigures } from './lib/figures';
import type { BenchOptions, ScenarioName } from './lib/options';
import { log } from './lib/progress';
import { rawDriver } from './lib/raw';
import { explainCalls, type CapturedRequest } from './scenarios/calls-explain';
import { fixRun, listSqlLoad, sqlName } from './scenarios/calls-fix-run';
import { listReasons, listScenario, searchSamples } from './scenarios/calls-list';
import { createScenario } from './scenarios/create';
import { sseScenario } from './scenarios/sse';
import { timersScenario } from './scenarios/timers';
import { ensureTenProjects, TEN_PROJECTS } from './data/ten-projects';
import { openStore } from '../src/server/db/store';

type Want = (s: ScenarioName) => boolean;
const sizeOf = (calls: number) => (calls >= 1_000_000 ? `${calls / 1_000_000}M` : `${Math.round(calls / 1000)}k`);

interface ListState {
  requests?: CapturedRequest[];
  sqlAsIs?: LoadFigures;
}

async function readOnly(desk: DeskStore, kind: StoreKind, opts: BenchOptions, want: Want, b0: LoadFigures | undefined, out: Collected): Promise<ListState> {
  const label = STORE_LABEL[kind];
  const state: ListState = {};
  if (want('list')) {
    const got = await attempt(`${label} call list / ledger`, out, () => listScenario(opts, label, desk, b0, out.notes));
    if (got) out.entries.push(...got);
  }
  if (want('list') || want('explain')) {
    const got = await attempt(`${label} EXPLAIN of the call list`, out, async () => explainCalls(desk, label, await searchSamples(desk)));
    if (got) {
      out.callExplains.push(got.markdown);
      out.notes.push(...got.notes);
      state.requests = got.requests;
      listReasons(out.entries, got.times, label, sizeOf(desk.calls));
    }
  }
  if (want('list') && state.requests) {
    const requests = state.requests;
    log(`${label}: list SQL alone through the raw driver, as the app sends it`);
    const o = await attempt(`${label} list SQL load`, out, () => listSqlLoad(opts, rawDriver(desk.bench.store), requests));
    if (o) {
      state.sqlAsIs = loadFigures(sqlName(label, sizeOf(desk.calls), 'as the app sends it'), o);
      out.entries.push(state.sqlAsIs.rps, state.sqlAsIs.p50, state.sqlAsIs.p95, state.sqlAsIs.p99);
    }
  }
  return state;
}

/**
 * The candidate list fixes (pg_trgm on a scratch copy) came before the gram index of ADR 0019; they are
 * measured again only when asked: BENCH_LIST_FIXES=1.
 */
const listFixesWanted = (want: Want) => want('list') && process.env.BENCH_LIST_FIXES === '1';

async function writing(kind: StoreKind, opts: BenchOptions, want: Want, ids: DeskIds, list: ListState, scratch: Scratch, out: Collected): Promise<void> {
  const label = STORE_LABEL[kind];
  const fixes = listFixesWanted(want) && list.requests ? list.requests : undefined;
  if (fixes || want('create') || want('timers')) {
    const store = await attempt(`${label} opening the scratch copy`, out, () => scratch.open());
    if (store) {
      try {
        // First, while the copy still holds exactly the cached calls; it removes what it builds.
        if (fixes) {
          const got = await attempt(`${label} candidate list fixes`, out, () => fixRun(opts, label, kind, store, sizeOf(opts.calls), fixes, list.sqlAsIs, out.notes));
          if (got) {
            out.entries.push(...got.entries);
            out.callExplains.push(got.markdown);
          }
        }
        if (want('create')) out.entries.push(...((await attempt(`${label} create call`, out, () => createScenario(opts, label, store, ids, out.notes))) ?? []));
        // On PostgreSQL the goal's own shape: two instances' runners on one database (the embedded store is one process).
        const second = kind === 'postgres' ? () => scratch.open() : undefined;
        if (want('timers')) out.entries.push(...((await attempt(`${label} timer lateness`, out, () => timersScenario(opts, label, store, ids, out.notes, second))) ?? []));
      } finally {
        await store.close();
      }
    }
  }
  if (want('sse')) out.entries.push(...((await attempt(`${label} SSE fan-out`, out, () => sseScenario(opts, label, scratch.location, ids, out.notes))) ?? []));
}

/**
 * Issue 14 goal 2 at 10M records over 10 projects (PostgreSQL only): the first estate's list and ledger, as
 * at 1M, over a database holding nine more estates of the same size (built once from the 1M database and
 * cached: see data/ten-projects.ts). The desk database must be closed (it is the template).
 */
async function tenProjects(opts: BenchOptions, ids: DeskIds, b0: LoadFigures | undefined, out: Collected): Promise<void> {
  if (!opts.pgUrl) return;
  const pgUrl = opts.pgUrl;
  const label = STORE_LABEL.postgres;
  const built = await attempt(`${label} 10 projects data`, out, () => ensureTenProjects(pgUrl, opts.households, opts.calls));
  if (!built) return;
  const store = await attempt(`${label} opening the 10-project data`, out, () => openStore({ databaseUrl: built.url }));
  if (!store) return;
  try {
    const size = `${sizeOf(built.calls)} (${TEN_PROJECTS} projects)`;
    const desk: DeskStore = { bench: { store, location: built.url, generatedSeconds: built.builtSeconds }, ids, calls: built.calls, generatedSeconds: built.builtSeconds };
    const got = await attempt(`${label} call list at ${size}`, out, () => listScenario(opts, label, desk, b0, out.notes, { size, listGoalMs: 150, ledgerGoalMs: 150 }));
    if (!got) return;
    const explained = await attempt(`${label} EXPLAIN of the call list at ${size}`, out, async () => explainCalls(desk, label, await searchSamples(desk), size));
    if (explained) {
      out.callExplains.push(explained.markdown);
      out.notes.push(...explained.notes);
      listReasons(got, explained.times, label, size);
    }
    out.entries.push(...got);
  } finally {
    await store.close();
  }
}

export async function deskBlock(kind: StoreKind, opts: BenchOptions, want: Want, b0: LoadFigures | undefined, out: Collected): Promise<void> {
  const label = STORE_LABEL[kind];
  const writes = want('create') || want('timers') || want('sse') || listFixesWanted(want);
  const tenM = want('list10m') && kind === 'postgres';
  if (want('list10m') && kind !== 'postgres') out.notes.push(`[${label}] the list at 10M records over 10 projects is a PostgreSQL goal: not run on this store`);
  if (!writes && !want('explain') && !want('list') && !tenM) return;
  const desk = await attempt(`${label} service-desk data`, out, () => openDeskStore(kind, opts.households, opts.calls, opts.pgUrl));
  if (!desk) return;
  let list: ListState = {};
  try {
    list = await readOnly(desk, kind, opts, want, b0, out);
  } finally {
    await desk.bench.store.close();
  }
  if (tenM) await tenProjects(opts, desk.ids, b0, out);
  if (!writes) return;
  log(`${label}: scratch copy of the service-desk data for the writing scenarios`);
  const scratch = await attempt(`${label} scratch copy`, out, () => scratchCopy(kind, opts.households, opts.pgUrl));
  if (!scratch) return;
  try {
    await writing(kind, opts, want, desk.ids, list, scratch, out);
  } finally {
    await scratch.drop();
  }
}
