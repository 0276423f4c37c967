/**
 * The app's own work per request, independent of the machine's load: the full app built in this process
 * (no HTTP socket: Fastify's inject), N requests one after another per route, and for each route
 *  - CPU ms per request of this process (process.cpuUsage: routing, hooks, validation, presenters,
 *    serialization, the driver's own parsing — everything but the database server);
 *  - SQL round trips per request and their kinds (pg.Client#query wrapped on PostgreSQL; on PGlite the
 *    instance's query/exec/transaction), and the statements of one request;
 *  - wall ms per request (one at a time, so the database's own time is in it).
 * Beside them the same for a bare Fastify route and GET /api/live (no database) as the floor.
 *
 *   BENCH_STORE=postgres TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test SCALE=quick N=200 npx tsx bench/scenarios/overhead.ts
 *   SCALE: quick (10k households, 50k calls; default) or full (100k, 1M) — the bench's cached desk data sets.
 *   ONLY=day,ledger1,create … to pick routes; SHOW=1 prints each route's statements of one request.
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';
import Fastify from 'fastify';
import { buildApp } from '../../src/server/app';
import { openDeskStore, scratchCopy } from '../data/desk-store';
import { BENCH_USER } from '../data/estate';
import { DESK_PASSWORD, agentName } from '../data/desk-seed';
import { listQueries, ledgerQueries, type ListKind } from '../data/list-queries';
import { searchSamples } from './calls-list';
import { benchConfig } from '../lib/servers';
import { intakeFixture, intakeRequests } from '../lib/intake';
import { statementKind } from '../lib/pg-trace';
import type { Store, StoreKind } from '../../src/server/db/store';
import type { FastifyInstance } from 'fastify';

const kind = (process.env.BENCH_STORE ?? 'embedded') as StoreKind;
const pgUrl = process.env.TEST_DATABASE_URL ?? process.env.BENCH_DATABASE_URL;
const full = process.env.SCALE === 'full';
const households = full ? 100_000 : 10_000;
const calls = full ? 1_000_000 : 50_000;
const N = Number(process.env.N ?? 200);
const only = process.env.ONLY ? new Set(process.env.ONLY.split(',')) : null;
const show = process.env.SHOW === '1';

// ---- statement counting -------------------------------------------------------------------------------
let statements: string[] = [];
type QueryFn = (...args: unknown[]) => unknown;
const textOf = (a: unknown): string => (typeof a === 'string' ? a : a && typeof a === 'object' && 'text' in a ? String((a as { text: string }).text) : '?');
function wrap(target: object, name: string, label: (args: unknown[]) => string) {
  const t = target as Record<string, QueryFn>;
  const original = t[name];
  t[name] = function (this: unknown, ...args: unknown[]) {
    statements.push(label(args));
    return original.apply(this, args);
  };
}
if (kind === 'postgres') wrap(pg.Client.prototype, 'query', (a) => textOf(a[0]));
function tracePglite(store: Store) {
  const client = (store.db as unknown as { $client: object }).$client;
  wrap(client, 'query', (a) => textOf(a[0]));
  wrap(client, 'exec', (a) => textOf(a[0]));
  wrap(client, 'transaction', () => 'BEGIN (transaction)');
}

interface Req {
  method: 'GET' | 'POST';
  url: string;
  body?: string;
  headers?: Record<string, string>;
}
interface Figure {
  route: string;
  cpuMs: number;
  /** CPU of the PostgreSQL backends serving this process's pool (from /proc), ms per request. */
  dbCpuMs?: number;
  wallMs: number;
  trips: number;
  kinds: string;
}

/** The pool whose backends' CPU is read (PostgreSQL on this host only). */
let dbPool: { _clients?: { processID?: number }[] } | null = null;
function backendCpuMs(): number | undefined {
  if (!dbPool?._clients?.length) return undefined;
  let ticks = 0;
  for (const c of dbPool._clients) {
    try {
      const f = readFileSync(`/proc/${c.processID}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(f[11]) + Number(f[12]);
    } catch {
      return undefined;
    }
  }
  return (ticks * 1000) / 100;
}

async function measure(app: FastifyInstance, route: string, reqs: () => Req, n: number): Promise<Figure> {
  // Warm-up: JIT, caches (policies, references), the pool's connections.
  for (let i = 0; i < Math.min(30, n); i++) {
    const r = reqs();
    const res = await app.inject({ method: r.method, url: r.url, payload: r.body, headers: r.headers });
    if (res.statusCode >= 300) throw new Error(`${route}: ${r.method} ${r.url} answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
  }
  statements = [];
  const kinds = new Map<string, number>();
  let first: string[] | null = null;
  const d0 = backendCpuMs();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const r = reqs();
    const before = statements.length;
    const res = await app.inject({ method: r.method, url: r.url, payload: r.body, headers: r.headers });
    if (res.statusCode >= 300) throw new Error(`${route}: ${r.method} ${r.url} answered ${res.statusCode}`);
    if (!first) first = statements.slice(before);
  }
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const d1 = backendCpuMs();
  const kindOf = (s: string) => (/^select ("call_records"\.)?"id", ("call_records"\.)?"number"/.test(s) ? 'select call_records (page of rows)' : statementKind(s));
  for (const s of statements) kinds.set(kindOf(s), (kinds.get(kindOf(s)) ?? 0) + 1);
  const fig: Figure = {
    route,
    cpuMs: (c.user + c.system) / 1000 / n,
    dbCpuMs: d0 !== undefined && d1 !== undefined ? (d1 - d0) / n : undefined,
    wallMs: wall / n,
    trips: statements.length / n,
    kinds: [...kinds].map(([k, v]) => `${k} ×${+(v / n).toFixed(2)}`).join('; '),
  };
  if (show && first) console.log(`--- ${route}: the statements of one request\n${first.map((s) => '  ' + s.replace(/\s+/g, ' ').slice(0, 400)).join('\n')}`);
  return fig;
}

const fmt = (f: Figure) => `| ${f.route} | ${f.cpuMs.toFixed(2)} | ${f.dbCpuMs === undefined ? '' : f.dbCpuMs.toFixed(2)} | ${f.wallMs.toFixed(2)} | ${f.trips.toFixed(1)} | ${f.kinds} |`;

async function signIn(app: FastifyInstance, username: string, password: string) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'wd_session')!;
  return { cookie: `wd_session=${cookie.value}`, csrf: (res.json() as { csrfToken: string }).csrfToken };
}

const want = (r: string) => !only || only.has(r);

async function main() {
  const out: Figure[] = [];
  // The floor: a bare Fastify route and the app's GET /api/live.
  const bare = Fastify({ logger: false });
  bare.get('/x', async () => ({ ok: true }));
  await bare.ready();
  out.push(await measure(bare, 'bare Fastify GET (floor)', () => ({ method: 'GET', url: '/x' }), N * 5));

  const desk = await openDeskStore(kind, households, calls, pgUrl);
  const store = desk.bench.store;
  if (kind === 'embedded') tracePglite(store);
  const app = await buildApp({ store, config: benchConfig() });
  await app.ready();
  if (kind === 'postgres') dbPool = (store.db as unknown as { $client: typeof dbPool }).$client;
  try {
    out.push(await measure(app, 'GET /api/live', () => ({ method: 'GET', url: '/api/live' }), N * 5));
    const s = await signIn(app, BENCH_USER.username, BENCH_USER.password);
    const headers = { cookie: s.cookie };
    const qs = listQueries(desk.ids, await searchSamples(desk));
    const cycle = (paths: string[]) => {
      let i = 0;
      return (): Req => ({ method: 'GET', url: paths[i++ % paths.length], headers });
    };
    const of = (k: ListKind) => qs.filter((q) => q.kind === k).map((q) => q.path);
    if (want('health')) out.push(await measure(app, 'GET /api/health', () => ({ method: 'GET', url: '/api/health' }), N));
    if (want('day')) out.push(await measure(app, 'GET /api/calls, a day', cycle(of('day')), N));
    if (want('month')) out.push(await measure(app, 'GET /api/calls, a month', cycle(of('month')), N));
    if (want('search')) out.push(await measure(app, 'GET /api/calls, a search', cycle(of('search')), Math.max(16, Math.round(N / 4))));
    if (want('mixed')) out.push(await measure(app, 'GET /api/calls, mixed filters', cycle(qs.map((q) => q.path)), N));
    if (want('ledger1')) out.push(await measure(app, 'GET /api/calls/ledger, one page of 20', cycle(ledgerQueries(desk.ids, 1)), N));
    if (want('ledger5')) out.push(await measure(app, 'GET /api/calls/ledger, 5 pages of 20', cycle(ledgerQueries(desk.ids)), Math.round(N / 2)));
  } finally {
    await app.close();
    await store.close();
  }

  if (want('create')) {
    // Creates write: on a scratch copy of the data set.
    const scratch = await scratchCopy(kind, households, pgUrl);
    const ws = await scratch.open();
    if (kind === 'embedded') tracePglite(ws);
    const wapp = await buildApp({ store: ws, config: benchConfig() });
    await wapp.ready();
    if (kind === 'postgres') dbPool = (ws.db as unknown as { $client: typeof dbPool }).$client;
    try {
      const f = await intakeFixture(ws, desk.ids);
      const s = await signIn(wapp, agentName(0), DESK_PASSWORD);
      const headers = { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' };
      let id = 0;
      for (const k of ['inquiry', 'broadband'] as const) {
        const bodies = intakeRequests(f, k);
        out.push(
          await measure(wapp, `POST /api/calls (${k})`, () => {
            const b = bodies[id % bodies.length];
            return { method: 'POST', url: '/api/calls', headers, body: String(b.body).replace('[<id>]', `${process.pid}-${id++}`) };
          }, Math.round(N / 2)),
        );
      }
    } finally {
      await wapp.close();
      await ws.close();
      await scratch.drop();
    }
  }
  console.log(`\n${kind} ${households} households, ${calls} calls, N=${N}; load average ${(await import('node:os')).loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  console.log('| route | CPU ms/request (app process) | CPU ms/request (its PostgreSQL backends) | wall ms/request (sequential) | SQL round trips/request | statements per request by kind |\n|---|---:|---:|---:|---:|---|');
  for (const f of out) console.log(fmt(f));
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
