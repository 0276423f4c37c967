/**
 * The service-desk scenarios of one store: the call list and ledger over the cached ledger (read-only),
 * then — on a scratch copy of it, so the cache stays as it was — creating calls, timer lateness and the
 * SSE fan-out (whose server runs in a process of its own, so the bench's store is closed first).
 */
import type { StoreKind } from '../src/server/db/store';
import { openDeskStore, scratchCopy, type DeskStore } from './data/desk-store';
import { attempt, type Collected } from './lib/collect';
import { STORE_LABEL, type LoadFigures } from './lib/figures';
import type { BenchOptions, ScenarioName } from './lib/options';
import { log } from './lib/progress';
import { explainCalls } from './scenarios/calls-explain';
import { listScenario, searchSamples } from './scenarios/calls-list';
import { createScenario } from './scenarios/create';
import { sseScenario } from './scenarios/sse';
import { timersScenario } from './scenarios/timers';

async function readOnly(desk: DeskStore, kind: StoreKind, opts: BenchOptions, want: (s: ScenarioName) => boolean, b0: LoadFigures | undefined, out: Collected): Promise<void> {
  const label = STORE_LABEL[kind];
  if (want('list')) {
    const got = await attempt(`${label} call list / ledger`, out, () => listScenario(opts, label, desk, b0, out.notes));
    if (got) out.entries.push(...got);
  }
  if (want('list') || want('explain')) {
    const got = await attempt(`${label} EXPLAIN of the call list`, out, async () => explainCalls(desk, label, await searchSamples(desk)));
    if (got) {
      out.callExplains.push(got.markdown);
      out.notes.push(...got.notes);
    }
  }
}

export async function deskBlock(kind: StoreKind, opts: BenchOptions, want: (s: ScenarioName) => boolean, b0: LoadFigures | undefined, out: Collected): Promise<void> {
  const label = STORE_LABEL[kind];
  const writes = want('create') || want('timers') || want('sse');
  if (!want('list') && !want('explain') && !writes) return;
  const desk = await attempt(`${label} service-desk data`, out, () => openDeskStore(kind, opts.households, opts.calls, opts.pgUrl));
  if (!desk) return;
  try {
    await readOnly(desk, kind, opts, want, b0, out);
  } finally {
    await desk.bench.store.close();
  }
  if (!writes) return;
  const ids = desk.ids;
  log(`${label}: scratch copy of the service-desk data for the writing scenarios`);
  const scratch = await attempt(`${label} scratch copy`, out, () => scratchCopy(kind, opts.households, opts.pgUrl));
  if (!scratch) return;
  try {
    const store = want('create') || want('timers') ? await attempt(`${label} opening the scratch copy`, out, () => scratch.open()) : undefined;
    if (store) {
      try {
        if (want('create')) out.entries.push(...((await attempt(`${label} create call`, out, () => createScenario(opts, label, store, ids, out.notes))) ?? []));
        if (want('timers')) out.entries.push(...((await attempt(`${label} timer lateness`, out, () => timersScenario(opts, label, store, ids, out.notes))) ?? []));
      } finally {
        await store.close();
      }
    }
    if (want('sse')) out.entries.push(...((await attempt(`${label} SSE fan-out`, out, () => sseScenario(opts, label, scratch.location, ids, out.notes))) ?? []));
  } finally {
    await scratch.drop();
  }
}
