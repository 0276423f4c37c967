/**
 * Create call record: POST /api/calls on the full app (a plain inquiry; a broadband call, class Q, which
 * also creates a work order, notifies the vendor and sets five timers), beside B1 — the same call_records
 * row inserted through the raw driver in the same process and concurrency — and B2, a bare Fastify route
 * doing B1's insert. On PostgreSQL a traced run then counts statements and times the serial part.
 */
import type { Store } from '../../src/server/db/store';
import type { DeskIds } from '../data/desk-seed';
import { DESK_PASSWORD, agentName } from '../data/desk-seed';
import { closedLoop } from '../lib/closed-loop';
import { checkOutcome, failedAnswers, figureList, loadFigures, type LoadFigures } from '../lib/figures';
import { REPLICA_LABEL, replicaCreate, SEQUENCE_SETUP, type ReplicaShape } from '../lib/intake-replica';
import { b1Insert, createB2App, intakeFixture, intakeRequests, type IntakeFixture, type IntakeKind } from '../lib/intake';
import { runLoad } from '../lib/load';
import type { BenchOptions } from '../lib/options';
import { PgTrace, type TraceReport } from '../lib/pg-trace';
import { log } from '../lib/progress';
import { rawDriver, type RawDriver } from '../lib/raw';
import { entry, judge, type Entry } from '../lib/report';
import { startApp } from '../lib/servers';
import { signIn } from '../lib/session';
import { median, round } from '../lib/stats';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { cpuSnapshot, cpuPer } from '../lib/cpu';

const KIND_LABEL: Record<IntakeKind, string> = { inquiry: 'plain inquiry', broadband: 'Q broadband (+ work order, 5 timers, notification)' };

async function measureB2(opts: BenchOptions, label: string, store: Store, f: IntakeFixture, notes: string[]): Promise<LoadFigures> {
  const app = createB2App(rawDriver(store), f);
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    log(`${label}: B2 bare Fastify route doing B1's insert, ${opts.durationSeconds} s`);
    const o = await runLoad({ url, requests: intakeRequests(f, 'inquiry'), idReplacement: true, headers: { 'content-type': 'application/json' }, connections: opts.connections, warmupSeconds: opts.warmupSeconds, durationSeconds: opts.durationSeconds });
    checkOutcome(`${label} B2`, o, notes);
    return loadFigures(`[${label}] B2 bare Fastify route + B1's insert`, o);
  } finally {
    await app.close();
  }
}

/**
 * What the table's own triggers (the per-day subtotals of migration 0003: one summary row per day,
 * district, class and status, updated by every insert) cost B1: the same insert with them disabled on
 * the scratch copy, then enabled again.
 */
async function withoutTriggers(opts: BenchOptions, label: string, raw: RawDriver, f: IntakeFixture, b1: LoadFigures): Promise<Entry[]> {
  const [{ n }] = (await raw.query(`SELECT count(*)::int AS n FROM pg_trigger WHERE tgrelid = 'call_records'::regclass AND NOT tgisinternal`)).rows;
  if (!Number(n)) return [];
  log(`${label}: B1 with call_records' ${n} trigger(s) disabled`);
  await raw.query('ALTER TABLE call_records DISABLE TRIGGER USER');
  try {
    const o = await closedLoop(b1Insert(raw, f), opts.connections, 1, Math.max(3, Math.round(opts.durationSeconds / 2)));
    const fig = loadFigures(`[${label}] B1 with call_records' triggers disabled (no per-day summary upkeep)`, o, b1);
    return [fig.rps, fig.p50, fig.p95];
  } finally {
    await raw.query('ALTER TABLE call_records ENABLE TRIGGER USER');
  }
}

/** One line on where a create's time goes, from a traced run. */
function traceNote(label: string, kind: IntakeKind, requests: number, t: TraceReport): string {
  const perReq = (n: number) => round(n / Math.max(1, requests));
  const serial = median(t.serialMs);
  const top = t.byKind
    .slice(0, 8)
    .map((k) => `${k.kind} ${perReq(k.ms)} ms × ${perReq(k.count)}`)
    .join('; ');
  return (
    `[${label}] create ${kind}, traced (${requests} requests, ${t.transactions} transactions): ${perReq(t.statements)} statements per request ` +
    `(${median(t.statementsPerTx)} inside the transaction, BEGIN/COMMIT included); transaction median ${round(median(t.txMs))} ms; ` +
    `serial part (from the first global lock — ${Object.keys(t.serialBy).join(' / ')} — to the end of COMMIT) median ${round(serial)} ms, ` +
    `so at most ~${Math.round(1000 / serial)} creates/s whatever the concurrency. Statement time per request, largest first: ${top}`
  );
}

export async function createScenario(opts: BenchOptions, label: string, store: Store, ids: DeskIds, notes: string[]): Promise<Entry[]> {
  const f = await intakeFixture(store, ids);
  const raw = rawDriver(store);
  log(`${label}: B1 raw ${raw.kind} insert of a call_records row, ${opts.connections} concurrent, ${opts.durationSeconds} s`);
  const b1o = await closedLoop(b1Insert(raw, f), opts.connections, opts.warmupSeconds, opts.durationSeconds);
  if (b1o.errors) notes.push(`WARNING [${label}] B1: ${b1o.errors} errors, first: ${b1o.firstError}`);
  const b1 = loadFigures(`[${label}] B1 raw ${raw.kind} INSERT call_records`, b1o);
  const out: Entry[] = [...figureList(b1), ...(await withoutTriggers(opts, label, raw, f, b1))];
  const b2 = await measureB2(opts, label, store, f, notes);
  out.push(...figureList(b2));

  const server = await startApp(store);
  try {
    const session = await signIn(server.url, agentName(0), DESK_PASSWORD);
    const load = (kind: IntakeKind, warmupSeconds: number, durationSeconds: number) =>
      runLoad({ url: server.url, requests: intakeRequests(f, kind), idReplacement: true, headers: session.headers, connections: opts.connections, warmupSeconds, durationSeconds });
    out.push(...(await pairedCreate(opts, label, raw, f, server.url, session.headers, notes)));
    for (const kind of ['inquiry', 'broadband'] as const) {
      log(`${label}: POST /api/calls, ${KIND_LABEL[kind]}, ${opts.durationSeconds} s`);
      const o = await load(kind, opts.warmupSeconds, opts.durationSeconds);
      checkOutcome(`${label} create ${kind}`, o, notes);
      const name = `[${label}] POST /api/calls, ${KIND_LABEL[kind]}`;
      out.push(...figureList(loadFigures(name, o, b1)));
      const vsB2 = loadFigures(`${name}, vs B2`, o, b2);
      out.push(vsB2.rps, vsB2.p95);
      if (kind === 'inquiry' && raw.kind === 'pg') {
        const ratio = o.rps / b1o.rps;
        notes.push(`[${label}] goal create ≥ 0.5 × B1 throughput: ${round(ratio)}× — ${ratio >= 0.5 ? 'met' : 'MISSED'}`);
      }
    }
    if (raw.kind === 'pg') {
      const seconds = Math.min(3, opts.durationSeconds);
      for (const kind of ['inquiry', 'broadband'] as const) {
        log(`${label}: traced POST /api/calls (${kind}), ${seconds} s`);
        const trace = new PgTrace();
        trace.start();
        let o;
        try {
          o = await load(kind, 0, seconds);
        } finally {
          const t = trace.stop();
          if (o) notes.push(traceNote(label, kind, o.responses, t));
        }
        if (o) out.push(entry(`[${label}] POST /api/calls ${kind}: throughput while traced`, o.rps, 'req/s'));
      }
    }
  } finally {
    await server.close();
  }
  out.push(...(await replicas(opts, label, store, f, b1, notes)));
  return out;
}

/**
 * Issue 14's create goals, at each concurrency of BENCH_CONCURRENCY: alternating pairs (B1 at that concurrency,
 * then POST /api/calls at it), the ratio's median and spread, and the create's p99 (goal at 32 desks).
 * Any non-2xx answer, error or timeout fails the figure.
 */
async function pairedCreate(opts: BenchOptions, label: string, raw: RawDriver, f: IntakeFixture, url: string, headers: Record<string, string>, notes: string[]): Promise<Entry[]> {
  const pg = raw.kind === 'pg';
  const ratioGoal = pg ? 0.5 : 0.35;
  const p99Goal = pg ? 100 : 200;
  const out: Entry[] = [];
  const cores = os.cpus().length;
  for (const c of opts.concurrency) {
    const ratios: number[] = [];
    const p99s: number[] = [];
    const rpss: number[] = [];
    const b1s: number[] = [];
    const cpu = { b1App: [] as number[], b1Pg: [] as number[], createApp: [] as number[], createPg: [] as number[] };
    let bad = 0;
    for (let i = 0; i < opts.pairs; i++) {
      log(`${label}: pair ${i + 1}/${opts.pairs} at ${c} concurrent: B1, then POST /api/calls (inquiry), ${opts.durationSeconds} s each`);
      const s0 = cpuSnapshot();
      const b = await closedLoop(b1Insert(raw, f), c, 1, opts.durationSeconds);
      const s1 = cpuSnapshot();
      const o = await runLoad({ url, requests: intakeRequests(f, 'inquiry'), idReplacement: true, headers, connections: c, warmupSeconds: 1, durationSeconds: opts.durationSeconds });
      const s2 = cpuSnapshot();
      // Warm-up requests are not counted by the load run: at the measured rate over the whole time (≈).
      const perB1 = cpuPer(s0, s1, b.rps * (1 + opts.durationSeconds));
      const perCreate = cpuPer(s1, s2, o.rps * (1 + opts.durationSeconds));
      cpu.b1App.push(perB1.appMs);
      cpu.createApp.push(perCreate.appMs);
      // PGlite runs in this process: the host's PostgreSQL processes (other work) are not the store's.
      if (pg && perB1.postgresMs !== undefined && perCreate.postgresMs !== undefined) {
        cpu.b1Pg.push(perB1.postgresMs);
        cpu.createPg.push(perCreate.postgresMs);
      }
      checkOutcome(`${label} create inquiry at ${c} (pair ${i + 1})`, o, notes);
      bad += failedAnswers(o) + b.errors;
      ratios.push(o.rps / b.rps);
      p99s.push(o.latency.p99);
      rpss.push(o.rps);
      b1s.push(b.rps);
    }
    const spread = (xs: number[]): [number, number] => [round(Math.min(...xs)), round(Math.max(...xs))];
    const failed = bad ? `${bad} non-2xx answers, errors or timeouts` : undefined;
    const r = entry(`[${label}] POST /api/calls inquiry ÷ B1 throughput, ${c} concurrent (median of ${opts.pairs} alternating pairs, min–max)`, median(ratios), '×');
    r.spread = spread(ratios);
    out.push(judge(r, { of: 'value', op: '>=', target: ratioGoal }, failed));
    const db = cpu.createPg.length ? { b1: median(cpu.b1Pg), create: median(cpu.createPg) } : undefined;
    const createCpu = median(cpu.createApp) + (db?.create ?? 0);
    const b1Cpu = median(cpu.b1App) + (db?.b1 ?? 0);
    const where = (app: number, dbMs: number | undefined) => `${round(app)} ms in the app process${dbMs !== undefined ? ` + ${round(dbMs)} ms in the host's PostgreSQL processes` : raw.kind === 'pglite' ? ' (PGlite included)' : ''}`;
    if (r.verdict === 'missed')
      r.reason =
        `CPU per request (medians, ≈): create ${where(median(cpu.createApp), db?.create)}, B1 ${where(median(cpu.b1App), db?.b1)} — ${round(createCpu / Math.max(b1Cpu, 0.001))}× B1's work; ` +
        `on ${cores} cores that alone caps the create at ≈ ${Math.round((cores * 1000) / createCpu)}/s, measured ${round(median(rpss))}/s, while ${ratioGoal} × B1 is ${Math.round(ratioGoal * median(b1s))}/s`;
    const p = entry(`[${label}] POST /api/calls inquiry p99, ${c} concurrent desks (median of ${opts.pairs}, min–max)`, median(p99s), 'ms');
    p.spread = spread(p99s);
    if (c >= 32) {
      judge(p, { of: 'value', op: '<=', target: p99Goal }, failed);
      if (p.verdict === 'missed')
        p.reason = `${c} desks at ${round(median(rpss))} creates/s wait ${Math.round((c * 1000) / median(rpss))} ms on average (Little's law: desks ÷ throughput); a p99 of ${p99Goal} ms needs more than ${Math.round((c * 1000) / p99Goal)} creates/s`;
    }
    out.push(p);
  }
  return out;
}

/** The app's transaction in raw SQL, and reshaped: how much is the transaction's shape, and what would fix it. */
async function replicas(opts: BenchOptions, label: string, store: Store, f: IntakeFixture, b1: LoadFigures, notes: string[]): Promise<Entry[]> {
  const raw = rawDriver(store);
  await raw.query(SEQUENCE_SETUP);
  const seconds = Math.max(3, Math.round(opts.durationSeconds / 3));
  const out: Entry[] = [];
  for (const shape of ['R0', 'R2', 'R3', 'R4', 'R5'] as ReplicaShape[]) {
    log(`${label}: ${shape} raw transaction, ${opts.connections} concurrent, ${seconds} s`);
    const o = await closedLoop(replicaCreate(raw, f, shape), opts.connections, 1, seconds);
    if (o.errors) notes.push(`WARNING [${label}] ${shape}: ${o.errors} errors, first: ${o.firstError}`);
    const fig = loadFigures(`[${label}] ${REPLICA_LABEL[shape]}`, o, b1);
    out.push(fig.rps, fig.p50, fig.p95);
  }
  return out;
}
