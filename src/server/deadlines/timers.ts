import { randomBytes } from 'node:crypto';
import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import { timers } from '../../domain/deadlines/deadlines.table';
import type { TimerPlan } from '../../domain/deadlines/sla';
import type { Db, Executor, Tx } from '../db/store';

export type TimerRow = typeof timers.$inferSelect;
/** Fires one timer inside the claiming transaction. Returns what it did, for the timer's record. */
export type TimerHandler = (tx: Tx, timer: TimerRow, now: Date) => Promise<Record<string, unknown> | void>;

export async function scheduleTimers(tx: Executor, projectId: string, subjectType: string, subjectId: string, plans: TimerPlan[], payload?: Record<string, unknown>): Promise<void> {
  if (plans.length === 0) return;
  await tx.insert(timers).values(
    plans.map((p) => ({ projectId, subjectType, subjectId, kind: p.kind, level: p.level, fireAt: p.at, payload: { ...payload, roles: p.roles } })),
  );
}

/** Stops every pending timer of a record (it was finished, or re-planned). */
export async function cancelTimers(tx: Executor, subjectType: string, subjectId: string, kinds?: string[]): Promise<void> {
  const conds = [eq(timers.subjectType, subjectType), eq(timers.subjectId, subjectId), eq(timers.status, 'pending')];
  if (kinds?.length) conds.push(inArray(timers.kind, kinds));
  await tx.update(timers).set({ status: 'cancelled' }).where(and(...conds));
}

export interface RunnerStats {
  fired: number;
  /** Lateness of each fired timer (ms), most recent last, capped. */
  lateness: number[];
}

/**
 * The claim loop: every `pollMs` it takes due timers with FOR UPDATE SKIP LOCKED, fires each through its
 * handler and marks it fired in the same transaction. Two instances never fire one timer twice; a crash
 * before commit leaves the timer pending for the next tick.
 */
export class TimerRunner {
  readonly id = `inst-${randomBytes(4).toString('hex')}`;
  readonly stats: RunnerStats = { fired: 0, lateness: [] };
  private handle: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private handlers = new Map<string, TimerHandler>();

  constructor(
    private db: Db,
    private now: () => Date,
    private pollMs = 1000,
    private batch = 200,
    private onError: (err: unknown) => void = () => {},
  ) {}

  on(subjectType: string, kind: string, handler: TimerHandler): this {
    this.handlers.set(`${subjectType}:${kind}`, handler);
    return this;
  }

  start(): void {
    if (this.handle) return;
    const loop = async () => {
      try {
        // Drain: keep claiming while full batches come back.
        while ((await this.tick()) === this.batch);
      } catch (err) {
        this.onError(err);
      }
      if (this.handle) this.handle = setTimeout(loop, this.pollMs);
    };
    this.handle = setTimeout(loop, 0);
  }

  async stop(): Promise<void> {
    if (this.handle) clearTimeout(this.handle);
    this.handle = null;
    await this.running?.catch(() => {});
  }

  /** One claim round; returns how many timers fired. Tests call it directly with an injected clock. */
  tick(): Promise<number> {
    const run = this.claim();
    this.running = run;
    return run;
  }

  private async claim(): Promise<number> {
    const now = this.now();
    return this.db.transaction(async (tx) => {
      const due = await tx
        .select()
        .from(timers)
        .where(and(eq(timers.status, 'pending'), lte(timers.fireAt, now)))
        .orderBy(asc(timers.fireAt))
        .limit(this.batch)
        .for('update', { skipLocked: true });
      for (const t of due) {
        const handler = this.handlers.get(`${t.subjectType}:${t.kind}`);
        const outcome = handler ? await handler(tx, t, now) : { skipped: 'no handler' };
        await tx
          .update(timers)
          .set({ status: 'fired', firedAt: now, firedBy: this.id, payload: { ...(t.payload ?? {}), outcome: outcome ?? null } })
          .where(eq(timers.id, t.id));
        this.stats.fired++;
        this.stats.lateness.push(now.getTime() - t.fireAt.getTime());
        if (this.stats.lateness.length > 20000) this.stats.lateness.splice(0, 10000);
      }
      return due.length;
    });
  }
}
