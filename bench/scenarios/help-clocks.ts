/**
 * First-response clocks at scale (issue 10): SCALE open help requests (default 10,000), each with its
 * five-minute clock's warn and escalate timers, fall due over WINDOW seconds on the real clock; the app's
 * TimerRunner (pollMs 1000, the help handlers as the app registers them: the clocks a round at a time through
 * their batch handlers, TIMER_BATCH_MANY a round) fires them. WINDOWS lists the windows to run (default
 * "60,300"): 60 s is the dense case (every clock of 10,000 requests due within one minute), 300 s the steady
 * state (10,000 requests taken within five minutes, a five-minute limit: their clocks fall due spread over
 * five minutes). Reports lateness until the round's commit (when people can see what the clock did; the judged
 * figure) and fired_at − fire_at (until the claim), that each timer fired exactly once, on both stores
 * (PostgreSQL when TEST_DATABASE_URL is set), and how long the handlers took per clock.
 * Baseline (BASELINE=0 to skip): the same clocks fired by the same engine with handlers that do nothing — what
 * the deadline engine itself costs (claim, mark fired), so a miss can be put on the engine or on the help handlers.
 * SINGLE=1: the clocks fired one by one through the single handlers (the engine before its batch path).
 * Wired into `npm run bench -- --only helpclocks` (scenarios/standalone.ts); alone:
 *   SCALE=10000 WINDOWS=60,300 npx tsx bench/scenarios/help-clocks.ts
 */
import { sql } from 'drizzle-orm';
import { rows } from '../../src/server/db/store';
import { timers } from '../../src/domain/deadlines/deadlines.table';
import { helpRequests } from '../../src/domain/help/help.table';
import { TIMER_BATCH, TIMER_BATCH_MANY, TimerRunner, type TimerBatchHandler, type TimerHandler } from '../../src/server/deadlines/timers';
import { helpTimers } from '../../src/server/help/help-timers';
import { openTestStore, STORE_KINDS } from '../../src/server/testing/harness';
import { seedDemo } from '../../src/server/seed/demo-seed';
import { summarize } from '../lib/stats';

const SCALE = Number(process.env.SCALE ?? 10_000);
const WINDOWS = (process.env.WINDOWS ?? process.env.WINDOW ?? '60,300').split(',').map(Number);
const SINGLE = process.env.SINGLE === '1';
/** The clocks start this long after the data is in place (the shift below runs in it). */
const LEAD_MS = 5000;
/** Where the clocks are written first: far ahead, so none falls due while 10,000 requests are still being inserted. */
const PARKED_MS = 24 * 3600_000;
const BASELINE = process.env.BASELINE !== '0';

type Mode = 'help' | 'engine-only';
const noop: TimerHandler = async () => ({ baseline: true });
const noopMany: TimerBatchHandler = async (_tx, ts) => ts.map(() => ({ baseline: true }));

async function run(kind: (typeof STORE_KINDS)[number], mode: Mode, WINDOW: number) {
  const store = await openTestStore(kind);
  try {
    await seedDemo(store);
    const [p] = await rows<{ id: string }>(store.db, sql`SELECT id FROM projects WHERE code = 'JHHY'`);
    const [u] = await rows<{ id: string }>(store.db, sql`SELECT id FROM users WHERE username = 'qiantai'`);
    // Written parked a day ahead, then moved to the window in one statement once all are in: on a loaded machine the
    // inserts take longer than any lead, and a clock already due before the runner starts would count as late.
    const parked = Date.now() + PARKED_MS;
    const tag = `help-bench-${process.pid}`;
    for (let i = 0; i < SCALE; i += 1000) {
      const batch = Array.from({ length: Math.min(1000, SCALE - i) }, (_, j) => {
        const n = i + j;
        return { projectId: p.id, number: `QZBENCH-${n}`, category: 'other' as const, receivedAt: new Date(parked), recordedBy: u.id, requesterName: '压测', need: `压测求助 ${n}`, status: 'open' as const, dueAt: new Date(parked + 5 * 60_000) };
      });
      const made = await store.db.insert(helpRequests).values(batch).returning({ id: helpRequests.id });
      // Each request's clock: its warning and its first escalation fall due within the window (compressed time).
      await store.db.insert(timers).values(
        made.flatMap((r, j) => {
          const at = parked + Math.floor(((i + j) * WINDOW * 1000) / SCALE);
          return [
            { projectId: p.id, subjectType: 'help_request', subjectId: r.id, kind: 'warn', level: 0, fireAt: new Date(at), payload: { bench: tag } },
            { projectId: p.id, subjectType: 'help_request', subjectId: r.id, kind: 'escalate', level: 1, fireAt: new Date(at + 500), payload: { bench: tag, roles: ['cs_supervisor'] } },
          ];
        }),
      );
    }
    const t0 = Date.now() + LEAD_MS;
    const shift = parked - t0;
    await store.db.execute(sql`UPDATE timers SET fire_at = fire_at - make_interval(secs => ${shift / 1000}) WHERE payload->>'bench' = ${tag}`);
    await store.db.execute(sql`UPDATE help_requests SET received_at = received_at - make_interval(secs => ${shift / 1000}), due_at = due_at - make_interval(secs => ${shift / 1000}) WHERE number LIKE 'QZBENCH-%'`);
    const startLateMs = Math.max(0, Date.now() - t0);
    const runner = new TimerRunner(store.db, () => new Date(), 1000, TIMER_BATCH, (err) => console.error(err), undefined, TIMER_BATCH_MANY);
    runner.keepLateness = Infinity;
    // The first-response clocks' handlers, timed (their time per clock is the help feature's share of a round).
    const handlerMs = { warn: 0, escalate: 0 };
    for (const k of ['warn', 'escalate'] as const) {
      const h = mode === 'help' ? (helpTimers.handlers[k] as TimerHandler) : noop;
      const many = mode === 'help' ? (helpTimers.batch![k] as TimerBatchHandler) : noopMany;
      const timed =
        <A extends unknown[], R>(f: (...a: A) => Promise<R>) =>
        async (...a: A): Promise<R> => {
          const s0 = performance.now();
          try {
            return await f(...a);
          } finally {
            handlerMs[k] += performance.now() - s0;
          }
        };
      runner.on('help_request', k, timed(h), SINGLE ? undefined : timed(many));
    }
    const started = performance.now();
    runner.start();
    const total = SCALE * 2;
    const deadline = t0 + WINDOW * 1000 + 300_000;
    // Watched through the runner's own count (a query here would compete with it for the embedded store).
    while (runner.stats.fired < total && Date.now() <= deadline) await new Promise((r) => setTimeout(r, 500));
    await runner.stop();
    const drainedSeconds = (performance.now() - started) / 1000;
    const fired = await rows<{ late: number }>(store.db, sql`SELECT (extract(epoch FROM fired_at - fire_at) * 1000)::float8 AS late FROM timers WHERE payload->>'bench' = ${tag} AND status = 'fired'`);
    // Until the claim (fired_at is the round's clock reading when it claimed) and until the commit (the runner's own
    // figures: when people can see what the clock did — the judged one).
    const claimed = summarize(fired.map((f) => Number(f.late)));
    const committed = summarize(runner.stats.lateness);
    const [load1] = (await import('node:os')).loadavg();
    const per = (ms: number) => Math.round((ms / SCALE) * 100) / 100;
    console.log(
      JSON.stringify({ store: kind, mode, engine: SINGLE ? 'single' : 'batch', openRequests: SCALE, timers: total, fired: fired.length, exactlyOnce: fired.length === total && runner.stats.fired === total, windowSeconds: WINDOW, startLateMs, drainedSeconds: Math.round(drainedSeconds), handlerMsPerClock: { warn: per(handlerMs.warn), escalate: per(handlerMs.escalate) }, latenessMs: committed, claimLatenessMs: claimed, load1: Math.round(load1 * 10) / 10 }),
    );
  } finally {
    await store.drop();
  }
}

// BENCH_STORE=embedded|postgres runs one store only (as manager-home.ts).
const kinds = process.env.BENCH_STORE ? STORE_KINDS.filter((k) => k === process.env.BENCH_STORE) : STORE_KINDS;
for (const kind of kinds) {
  for (const window of WINDOWS) {
    if (BASELINE) await run(kind, 'engine-only', window);
    await run(kind, 'help', window);
  }
}
