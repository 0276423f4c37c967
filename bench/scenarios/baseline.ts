/** Scenario 1: B0, a bare Fastify JSON route, then GET /api/health on the full app, same process. */
import type { Store } from '../../src/server/db/store';
import { runLoad } from '../lib/load';
import { checkOutcome, failedAnswers, figureList, loadFigures, type LoadFigures } from '../lib/figures';
import type { BenchOptions } from '../lib/options';
import { judge, type Entry } from '../lib/report';
import { startApp, startBare, startBareWithHeaders } from '../lib/servers';
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
    const out = figureList(loadFigures(`[${label}] GET /api/health (full app, one database round trip)`, o, b0));
    // Issue 14: the full stack's own overhead, against bare Fastify (B0), on a route that touches no database.
    log(`${label}: GET /api/live on the full app (no database), ${opts.durationSeconds} s`);
    const l = await runLoad({ url: `${server.url}/api/live`, connections: opts.connections, warmupSeconds: opts.warmupSeconds, durationSeconds: opts.durationSeconds });
    checkOutcome(`${label} /api/live`, l, notes);
    const live = loadFigures(`[${label}] GET /api/live (full app, no database)`, l, b0);
    const bad = failedAnswers(l);
    out.push(judge(live.rps, { of: 'ratio', op: '>=', target: 0.85 }, bad ? `${bad} non-2xx answers, errors or timeouts` : undefined), live.p50, live.p95, live.p99);
    if (live.rps.verdict === 'missed') {
      // The measured reason: bare Fastify with only the app's security headers, the same route and answer.
      const headed = await startBareWithHeaders();
      try {
        log(`${label}: bare Fastify with the app's security headers only, ${opts.durationSeconds} s`);
        const h = await runLoad({ url: `${headed.url}/api/live`, connections: opts.connections, warmupSeconds: opts.warmupSeconds, durationSeconds: opts.durationSeconds });
        checkOutcome(`${label} bare + headers`, h, notes);
        const hf = loadFigures(`[${label}] bare Fastify + the app's security headers only, GET /api/live`, h, b0);
        out.push(hf.rps);
        live.rps.reason = `bare Fastify with only the app's security headers (its onSend hook: CSP, frame, referrer, cache and four more) answered ${hf.rps.ratio}× of B0; the rest is the hooks every API request runs (cookies and session, access, the response contract)`;
      } finally {
        await headed.close();
      }
    }
    return out;
  } finally {
    await server.close();
  }
}
