/**
 * First-response clocks at scale (issue 10): SCALE open help requests (default 10,000), each with its
 * five-minute clock's warn and escalate timers, fall due over WINDOW seconds (default 60) on the real clock; the
 * app's TimerRunner (pollMs 1000, TIMER_BATCH a transaction, the help handlers) fires them. Reports lateness p50/p99/max
 * (fired_at − fire_at as the runner records it) and that each timer fired exactly once, on both stores
 * (PostgreSQL when TEST_DATABASE_URL is set). Standalone, not yet wired into bench/run.ts:
 *   SCALE=500 WINDOW=20 npx tsx bench/scenarios/help-clocks.ts
 */
import { sql } from 'drizzle-orm';
import { rows } from '../../src/server/db/store';
import { timers } from '../../src/domain/deadlines/deadlines.table';
import { helpRequests } from '../../src/domain/help/help.table';
import { TIMER_BATCH, TimerRunner } from '../../src/server/deadlines/timers';
import { registerHelpTimers } from '../../src/server/help/help-timers';
import { openTestStore, STORE_KINDS } from '../../src/server/testing/harness';
import { seedDemo } from '../../src/server/seed/demo-seed';
import { summarize } from '../lib/stats';

const SCALE = Number(process.env.SCALE ?? 10_000);
const WINDOW = Number(process.env.WINDOW ?? 60);
const LEAD_MS = 3000;

async function run(kind: (typeof STORE_KINDS)[number]) {
  const store = await openTestStore(kind);
  try {
    await seedDemo(store);
    const [p] = await rows<{ id: string }>(store.db, sql`SELECT id FROM projects WHERE code = 'JHHY'`);
    const [u] = await rows<{ id: string }>(store.db, sql`SELECT id FROM users WHERE username = 'qiantai'`);
    const t0 = Date.now() + LEAD_MS;
    const tag = `help-bench-${process.pid}`;
    for (let i = 0; i < SCALE; i += 1000) {
      const batch = Array.from({ length: Math.min(1000, SCALE - i) }, (_, j) => {
        const n = i + j;
        return { projectId: p.id, number: `QZBENCH-${n}`, category: 'other' as const, receivedAt: new Date(t0), recordedBy: u.id, requesterName: '压测', need: `压测求助 ${n}`, status: 'open' as const, dueAt: new Date(t0 + 5 * 60_000) };
      });
      const made = await store.db.insert(helpRequests).values(batch).returning({ id: helpRequests.id });
      // Each request's clock: its warning and its first escalation fall due within the window (compressed time).
      await store.db.insert(timers).values(
        made.flatMap((r, j) => {
          const at = t0 + Math.floor(((i + j) * WINDOW * 1000) / SCALE);
          return [
            { projectId: p.id, subjectType: 'help_request', subjectId: r.id, kind: 'warn', level: 0, fireAt: new Date(at), payload: { bench: tag } },
            { projectId: p.id, subjectType: 'help_request', subjectId: r.id, kind: 'escalate', level: 1, fireAt: new Date(at + 500), payload: { bench: tag, roles: ['cs_supervisor'] } },
          ];
        }),
      );
    }
    const runner = new TimerRunner(store.db, () => new Date(), 1000, TIMER_BATCH, (err) => console.error(err));
    registerHelpTimers(runner);
    runner.start();
    const total = SCALE * 2;
    const deadline = t0 + WINDOW * 1000 + 300_000;
    for (;;) {
      const [{ n }] = await rows<{ n: number }>(store.db, sql`SELECT count(*)::int AS n FROM timers WHERE payload->>'bench' = ${tag} AND status = 'fired'`);
      if (n >= total || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    await runner.stop();
    const fired = await rows<{ late: number }>(store.db, sql`SELECT (extract(epoch FROM fired_at - fire_at) * 1000)::float8 AS late FROM timers WHERE payload->>'bench' = ${tag} AND status = 'fired'`);
    const s = summarize(fired.map((f) => Number(f.late)));
    console.log(JSON.stringify({ store: kind, openRequests: SCALE, timers: total, fired: fired.length, exactlyOnce: fired.length === total && runner.stats.fired === total, windowSeconds: WINDOW, latenessMs: s }));
  } finally {
    await store.drop();
  }
}

for (const kind of STORE_KINDS) await run(kind);
