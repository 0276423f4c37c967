/** Scenario 1: B0, a bare Fastify JSON route, then GET /api/health on the full app, same process. */
import type { Store } from '../../src/server/db/store';
import { runLoad } from '../lib/load';
import { checkOutcome, figureList, loadFigures, type LoadFigures } from '../lib/figures';
import type { BenchOptions } from '../lib/options';
import type { Entry } from '../lib/report';
import { startApp, startBare } from '../lib/servers';
import { log } from '../lib/progress';

export async function measureB0(opts: BenchOptions, label: string, notes: string[]): Promise<LoadFigures> {
  const server = await startBare();
  try {
    log(`${label}: B0 bare Fastify route, ${opts.durationSeconds} s`);
    const o = await runLoad({ url: `${server.url}/`, connections: opts.connections, warmupSeconds: opts.warmupSeconds, durationSeconds: opts.durationSeconds });
    checkOutcome(`${label} B0`, o, notes);
    return loadFigures(`[${label}] B0 bare Fastify {ok:true}`, o);
  } finally {
    await server.close();
  }
}

export async function healthScenario(opts: BenchOptions, label: string, store: Store, b0: LoadFigures, notes: string[]): Promise<Entry[]> {
  const server = await startApp(store);
  try {
    log(`${label}: GET /api/health on the full app, ${opts.durationSeconds} s`);
    const o = await runLoad({ url: `${server.url}/api/health`, connections: opts.connections, warmupSeconds: opts.warmupSeconds, durationSeconds: opts.durationSeconds });
    checkOutcome(`${label} /api/health`, o, notes);
    return figureList(loadFigures(`[${label}] GET /api/health (full app)`, o, b0));
  } finally {
    await server.close();
  }
}
