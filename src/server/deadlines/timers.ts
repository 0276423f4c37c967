import { randomBytes } from 'node:crypto';
import { and, asc, eq, gt, inArray, lte, not, or, type SQL } from 'drizzle-orm';
import { timers } from '../../domain/deadlines/deadlines.table';
import type { SubjectKind, TimerPlan } from '../../domain/deadlines/sla';
import type { Db, Executor, Tx } from '../db/store';

export type TimerRow = typeof timers.$inferSelect;
/** What a timer watches: a record of one subject kind, or a project (weekly summaries). */
export type TimerSubject = SubjectKind | 'project';
/** A timer as its handler sees it: the payload typed for its kind. */
export type TypedTimer<P> = Omit<TimerRow, 'payload'> & { payload: P | null };
/** Fires one timer inside the claiming transaction. Returns what it did, for the timer's record. */
export type TimerHandler<P = Record<string, unknown>> = (tx: Tx, timer: TypedTimer<P>, now: Date) => Promise<Record<string, unknown> | void>;

/**
 * The handlers of one subject kind, one per timer kind, each with its payload type (the map `M`: timer kind
 * -> payload). Built with `subjectTimers<M>()(subject, handlers)`: a handler missing or misspelt is a type error.
 */
export interface SubjectTimers<M extends { [K in keyof M]: object }> {
  subject: TimerSubject;
  handlers: { [K in keyof M & string]: TimerHandler<M[K]> };
}
export const subjectTimers =
  <M extends { [K in keyof M]: object }>() =>
  (subject: TimerSubject, handlers: { [K in keyof M & string]: TimerHandler<M[K]> }): SubjectTimers<M> => ({ subject, handlers });

/** Something to tell the operators (pino's shape). */
export interface TimerLog {
  warn(obj: Record<string, unknown>, msg: string): void;
}

export async function scheduleTimers(tx: Executor, projectId: string, subjectType: TimerSubject, subjectId: string, plans: TimerPlan[], payload?: Record<string, unknown>): Promise<void> {
  if (plans.length === 0) return;
  await tx.insert(timers).values(
    plans.map((p) => ({ projectId, subjectType, subjectId, kind: p.kind, level: p.level, fireAt: p.at, payload: { ...payload, roles: p.roles } })),
  );
}

/** Stops every pending timer of a record (it was finished, or re-planned). */
export async function cancelTimers(tx: Executor, subjectType: TimerSubject, subjectId: string, kinds?: string[]): Promise<void> {
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
 * How many timers one claim round fires in its transaction. Small: a round holds its timers' row locks (a
 * desk closing the record waits on them) and whatever its handlers lock (an escalation appends to its
 * project's audit chain, which that project's desks append to) until it commits, and each timer's lateness
 * counts until that commit, when people can see what it did. The loop drains in rounds of this size.
 */
export const TIMER_BATCH = 10;

/**
 * The claim loop: every `pollMs` it takes due timers with FOR UPDATE SKIP LOCKED, fires each through its
 * handler and marks it fired in the same transaction, `batch` at a time, and keeps claiming while full
 * rounds come back. Two instances never fire one timer twice; a crash before commit leaves the timer
 * pending for the next tick. Lateness (`stats`) is measured at the round's commit.
 *
 * It claims only the (subject kind, timer kind) pairs it has handlers for: a timer of a kind this instance
 * does not know (a newer feature's, during a rolling deploy) stays pending for an instance that knows it,
 * never consumed here, and is logged once per kind (at most one look a minute).
 */
export class TimerRunner {
  readonly id = `inst-${randomBytes(4).toString('hex')}`;
  readonly stats: RunnerStats = { fired: 0, lateness: [] };
  private handle: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private handlers = new Map<string, { subject: string; kind: string; handler: TimerHandler }>();
  /** Unknown kinds already logged, and when we last looked for them. */
  private unknownLogged = new Set<string>();
  private unknownCheckedAt = -Infinity;

  constructor(
    private db: Db,
    private now: () => Date,
    private pollMs = 1000,
    private batch = TIMER_BATCH,
    private onError: (err: unknown) => void = () => {},
    private log: TimerLog = { warn: () => {} },
  ) {}

  /** Registers the handlers of one subject kind. */
  register<M extends { [K in keyof M]: object }>(timersOf: SubjectTimers<M>): this {
    // The payload was written for this kind by its own feature (scheduleTimers): the typed handler reads it as such.
    for (const [kind, handler] of Object.entries(timersOf.handlers) as [string, TimerHandler][]) this.on(timersOf.subject, kind, handler);
    return this;
  }

  /** One handler (untyped payload); prefer `register` with `subjectTimers`. */
  on(subject: TimerSubject, kind: string, handler: TimerHandler): this {
    this.handlers.set(`${subject}:${kind}`, { subject, kind, handler });
    return this;
  }

  /** The (subject, kind) pairs this instance fires, as a condition on timers. */
  private known(): SQL | undefined {
    return or(...[...this.handlers.values()].map((h) => and(eq(timers.subjectType, h.subject), eq(timers.kind, h.kind))));
  }

  start(): void {
    if (this.handle) return;
    const loop = async () => {
      let wait = this.pollMs;
      try {
        await this.tick();
        wait = await this.untilNextDue();
      } catch (err) {
        this.onError(err);
      }
      if (this.handle) this.handle = setTimeout(loop, wait);
    };
    this.handle = setTimeout(loop, 0);
  }

  async stop(): Promise<void> {
    if (this.handle) clearTimeout(this.handle);
    this.handle = null;
    await this.running?.catch(() => {});
  }

  /**
   * Fires everything due, in rounds of `batch` timers, each its own transaction, until a round comes back
   * short; returns how many fired. Tests call it directly with an injected clock.
   */
  tick(): Promise<number> {
    const run = this.drain();
    this.running = run;
    return run;
  }

  private async drain(): Promise<number> {
    const known = this.known();
    const now = this.now();
    if (now.getTime() - this.unknownCheckedAt >= 60_000) {
      this.unknownCheckedAt = now.getTime();
      await this.logUnknown(now, known);
    }
    if (!known) return 0;
    let total = 0;
    for (;;) {
      const n = await this.round(known);
      total += n;
      if (n < this.batch) return total;
    }
  }

  /**
   * How long to sleep before the next tick: until the next pending timer this instance knows falls due, at
   * most `pollMs` (a timer scheduled meanwhile is found by then) and at least 10 ms. Waking at the due time
   * instead of the next poll takes up to a poll interval off each timer's lateness.
   */
  private async untilNextDue(): Promise<number> {
    const known = this.known();
    if (!known) return this.pollMs;
    const now = this.now();
    const [next] = await this.db
      .select({ at: timers.fireAt })
      .from(timers)
      .where(and(eq(timers.status, 'pending'), gt(timers.fireAt, now), known))
      .orderBy(asc(timers.fireAt))
      .limit(1);
    if (!next) return this.pollMs;
    return Math.min(this.pollMs, Math.max(10, next.at.getTime() - now.getTime()));
  }

  /** One claim round in one transaction: at most `batch` due timers; returns how many fired. */
  protected async round(known: SQL): Promise<number> {
    const now = this.now();
    const fireAts: number[] = [];
    const n = await this.db.transaction(async (tx) => {
      const due = await tx
        .select()
        .from(timers)
        .where(and(eq(timers.status, 'pending'), lte(timers.fireAt, now), known))
        .orderBy(asc(timers.fireAt))
        .limit(this.batch)
        .for('update', { skipLocked: true });
      for (const t of due) {
        const outcome = await this.handlers.get(`${t.subjectType}:${t.kind}`)!.handler(tx, t, now);
        await tx
          .update(timers)
          .set({ status: 'fired', firedAt: now, firedBy: this.id, payload: { ...(t.payload ?? {}), outcome: outcome ?? null } })
          .where(eq(timers.id, t.id));
        fireAts.push(t.fireAt.getTime());
      }
      return due.length;
    });
    // Committed: what the round did is visible now, so this is when each timer's lateness ends.
    const committed = this.now().getTime();
    this.stats.fired += fireAts.length;
    for (const at of fireAts) this.stats.lateness.push(committed - at);
    if (this.stats.lateness.length > 20000) this.stats.lateness.splice(0, this.stats.lateness.length - 10000);
    return n;
  }

  /** Due timers no handler here knows: left pending, logged once per (subject, kind). */
  private async logUnknown(now: Date, known: SQL | undefined): Promise<void> {
    const due = and(eq(timers.status, 'pending'), lte(timers.fireAt, now), known ? not(known) : undefined);
    const rows = await this.db.selectDistinct({ subject: timers.subjectType, kind: timers.kind }).from(timers).where(due).limit(50);
    for (const r of rows) {
      const key = `${r.subject}:${r.kind}`;
      if (this.unknownLogged.has(key)) continue;
      this.unknownLogged.add(key);
      this.log.warn({ runner: this.id, subject: r.subject, kind: r.kind }, 'timer kind unknown to this instance: left pending for an instance that knows it');
    }
  }
}
