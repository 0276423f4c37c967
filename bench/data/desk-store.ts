/**
 * The service-desk data set: the cached estate (bench-store.ts) plus the desk layer (desk-seed.ts) and
 * two years of call records (calls-gen.ts), cached in the same PGlite folder / PostgreSQL database and
 * marked complete in bench_desk_meta. Scenarios that write (create, timers, SSE) get a scratch copy, so
 * the cache stays what it was and every run starts from the same rows.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore, type Store, type StoreKind } from '../../src/server/db/store';
import { copyDatabase, dropDatabase, withDatabase } from '../lib/pg-admin';
import { log } from '../lib/progress';
import { benchDatabaseName, CACHE_DIR, openBenchStore, type BenchStore } from './bench-store';
import { deskMetaGet, deskMetaSet, ensureDeskSeed, type DeskIds } from './desk-seed';
import { CALLS_VERSION } from './calls-gen';
import { loadCalls } from './calls-load';

export interface DeskStore {
  bench: BenchStore;
  ids: DeskIds;
  calls: number;
  /** Seconds spent seeding and loading calls in this run; 0 when the cache was complete. */
  generatedSeconds: number;
}

export async function openDeskStore(kind: StoreKind, households: number, calls: number, pgUrl?: string): Promise<DeskStore> {
  const bench = await openBenchStore(kind, households, pgUrl);
  try {
    const t0 = performance.now();
    const { ids, seeded } = await ensureDeskSeed(bench.store);
    const meta = await deskMetaGet(bench.store, 'calls');
    let loaded = false;
    if (seeded || meta?.n !== calls || meta.version !== CALLS_VERSION) {
      log(`${kind}: no complete cached call ledger of ${calls} records: generating it`);
      const seconds = await loadCalls(bench.store, { ids, households, total: calls }, kind === 'postgres' ? bench.location : undefined);
      await deskMetaSet(bench.store, 'calls', calls, CALLS_VERSION);
      log(`${kind}: ${calls} calls loaded in ${seconds.toFixed(0)} s`);
      loaded = true;
    }
    return { bench, ids, calls, generatedSeconds: seeded || loaded ? (performance.now() - t0) / 1000 : 0 };
  } catch (err) {
    await bench.store.close();
    throw err;
  }
}

/** Where a scratch copy lives, for a process of its own to open. */
export type StoreLocation = { dataDir: string } | { databaseUrl: string };

export interface Scratch {
  location: StoreLocation;
  open(): Promise<Store>;
  drop(): Promise<void>;
}

/**
 * A throw-away copy of the desk data set: a copied PGlite folder, or CREATE DATABASE … TEMPLATE on the
 * server. The desk store must be closed first (a template may have no other sessions).
 */
export async function scratchCopy(kind: StoreKind, households: number, pgUrl?: string): Promise<Scratch> {
  if (kind === 'embedded') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wd-bench-scratch-'));
    cpSync(path.join(CACHE_DIR, `pglite-${households}`), dir, { recursive: true });
    return { location: { dataDir: dir }, open: () => openStore({ dataDir: dir }), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  if (!pgUrl) throw new Error('a PostgreSQL scratch copy needs BENCH_DATABASE_URL');
  const name = `wd_bench_scratch_${process.pid}`;
  await dropDatabase(pgUrl, name);
  await copyDatabase(pgUrl, name, benchDatabaseName(households));
  const url = withDatabase(pgUrl, name);
  return { location: { databaseUrl: url }, open: () => openStore({ databaseUrl: url }), drop: () => dropDatabase(pgUrl, name) };
}
