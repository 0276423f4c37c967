import { randomBytes } from 'node:crypto';
import { and, asc, eq, gt, inArray, lte, not, or, sql, type SQL } from 'drizzle-orm';
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
 * Fires a whole round of timers of one kind inside the claiming transaction, with set-based statements (one
 * insert of all notifications, not one per timer). Returns each timer's outcome, in the order given. Throwing
 * rolls the round back: every timer of it stays pending and fires in a later round.
 */
export type TimerBatchHandler<P = Record<string, unknown>> = (tx: Tx, timers: TypedTimer<P>[], now: Date) => Promise<(Record<string, unknown> | void)[]>;

/**
 * The handlers of one subject kind, one per timer kind, each with its payload type (the map `M`: timer kind
 * -> payload). Built with `subjectTimers<M>()(subject, handlers, batch?)`: a handler missing or misspelt is a
 * type error. `batch` optionally gives a kind a round-level handler; the engine then fires that kind in large
 * rounds through it (the single handler stays the kind's reference behaviour, and what `on` registers).
 */
export interface SubjectTimers<M extends { [K in keyof M]: object }> {
  subject: TimerSubject;
  handlers: { [K in keyof M & string]: TimerHandler<M[K]> };
  batch?: { [K in keyof M & string]?: TimerBatchHandler<M[K]> };
}
export const subjectTimers =
  <M extends { [K in keyof M]: object }>() =>
  (subject: TimerSubject, handlers: { [K in keyof M & string]: TimerHandler<M[K]> }, batch?: { [K in keyof M & string]?: TimerBatchHandler<M[K]> }): SubjectTimers<M> => ({
    subject,
    handlers,
    batch,
  });

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
 * How many timers one claim round takes of the kinds that have a batch handler. Such a round costs a handful of
 * set-based statements whatever its size (not a few per timer), so it stays short at this size too, and when
 * many clocks fall due together (10,000 open help requests) the backlog drains in few commits.
 */
export const TIMER_BATCH_MANY = 500;

/**
 * The claim loop: every `pollMs` it takes due timers with FOR UPDATE SKIP LOCKED, fires each through its
 * handler and marks it fired in the same transaction, `batch` at a time, and keeps claiming while full
 * rounds come back. Kinds with a batch handler are claimed apart, `batchMany` a round, and fired a kind's
 * round at a time through that handler, then marked fired by one statement. Two instances never fire one
 * timer twice; a crash before commit leaves the timer pending for the next tick. Lateness (`stats`) is measured at the round's commit.
 *
 * It claims only the (subject kind, timer kind) pairs it has handlers for: a timer of a kind this instance
 * does not know (a newer feature's, during a rolling deploy) stays pending for an instance that knows it,
 * never consumed here, and is logged once per kind (at most one look a minute).
 */
export class TimerRunner {
  readonly id = `inst-${randomBytes(4).toString('hex')}`;
  readonly stats: RunnerStats = { fired: 0, lateness: [] };
  /** How many lateness figures `stats` keeps at most (it then drops the older half); a bench raises it. */
  keepLateness = 20000;
  private handle: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private handlers = new Map<string, { subject: string; kind: string; handler: TimerHandler; many?: TimerBatchHandler }>();
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
    private batchMany = TIMER_BATCH_MANY,
  ) {}

  /** Registers the handlers of one subject kind (and the batch handlers it has). */
  register<M extends { [K in keyof M]: object }>(timersOf: SubjectTimers<M>): this {
    // The payload was written for this kind by its own feature (scheduleTimers): the typed handler reads it as such.
    const batch = (timersOf.batch ?? {}) as Record<string, TimerBatchHandler | undefined>;
    for (const [kind, handler] of Object.entries(timersOf.handlers) as [string, TimerHandler][]) this.on(timersOf.subject, kind, handler, batch[kind]);
    return this;
  }

  /**
   * One handler (untyped payload); prefer `register` with `subjectTimers`. With `many`, the kind is fired in
   * rounds of up to `batchMany` timers through it instead of one by one through `handler`.
   */
  on(subject: TimerSubject, kind: string, handler: TimerHandler, many?: TimerBatchHandler): this {
    this.handlers.set(`${subject}:${kind}`, { subject, kind, handler, many });
    return this;
  }

  /** The (subject, kind) pairs this instance fires (all, or only those with / without a batch handler), as a condition on timers. */
  private known(which: 'all' | 'many' | 'single' = 'all'): SQL | undefined {
    const hs = [...this.handlers.values()].filter((h) => which === 'all' || (which === 'many') === !!h.many);
    return or(...hs.map((h) => and(eq(timers.subjectType, h.subject), eq(timers.kind, h.kind))));
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
   * Fires everything due, in rounds of `batch` timers (`batchMany` for the kinds with a batch handler; those
   * rounds are separate transactions), each its own transaction, until the rounds come back short; returns how
   * many fired. Tests call it directly with an injected clock.
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
    const many = this.known('many');
    const single = this.known('single');
    let total = 0;
    for (;;) {
      const m = many ? await this.roundMany(many) : 0;
      // The single kinds' round only when one of them is due: a look is one statement, an empty round three.
      const n = single && (await this.anyDue(single)) ? await this.round(single) : 0;
      total += m + n;
      if (m < this.batchMany && n < this.batch) return total;
    }
  }

  /** Whether a timer of these kinds is due (one another instance's round holds counts too: the round then takes none). */
  private async anyDue(known: SQL): Promise<boolean> {
    const [one] = await this.db
      .select({ id: timers.id })
      .from(timers)
      .where(and(eq(timers.status, 'pending'), lte(timers.fireAt, this.now()), known))
      .limit(1);
    return !!one;
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
      const due = await claimDue(tx, known, now, this.batch);
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
    this.record(fireAts);
    return n;
  }

  /**
   * One claim round of the kinds with a batch handler, in one transaction: at most `batchMany` due timers,
   * claimed with FOR UPDATE SKIP LOCKED as single rounds are (two instances never take the same timer), each
   * kind's timers handed to its batch handler together (kinds in the order they fell due), then all marked
   * fired by one UPDATE. A handler that throws rolls the whole round back: its timers stay pending.
   */
  protected async roundMany(known: SQL): Promise<number> {
    const now = this.now();
    const fireAts: number[] = [];
    const n = await this.db.transaction(async (tx) => {
      const due = await claimDue(tx, known, now, this.batchMany);
      if (due.length === 0) return 0;
      const groups = new Map<string, TimerRow[]>();
      for (const t of due) {
        const key = `${t.subjectType}:${t.kind}`;
        let g = groups.get(key);
        if (!g) groups.set(key, (g = []));
        g.push(t);
      }
      const marks: { id: string; outcome: Record<string, unknown> | null }[] = [];
      for (const [key, group] of groups) {
        const outcomes = await this.handlers.get(key)!.many!(tx, group, now);
        if (outcomes.length !== group.length) throw new Error(`batch handler of ${key} returned ${outcomes.length} outcomes for ${group.length} timers`);
        group.forEach((t, i) => marks.push({ id: t.id, outcome: outcomes[i] ?? null }));
      }
      // One statement for the round: each timer fired, by this instance, its outcome kept beside its payload.
      await tx.execute(sql`
        UPDATE timers SET status = 'fired', fired_at = ${now.toISOString()}::timestamptz, fired_by = ${this.id},
          payload = coalesce(timers.payload, '{}'::jsonb) || jsonb_build_object('outcome', o.outcome)
        FROM jsonb_to_recordset(${JSON.stringify(marks)}::jsonb) AS o(id uuid, outcome jsonb)
        WHERE timers.id = o.id`);
      for (const t of due) fireAts.push(t.fireAt.getTime());
      return due.length;
    });
    this.record(fireAts);
    return n;
  }

  /** Committed: what the round did is visible now, so this is when each timer's lateness ends. */
  private record(fireAts: number[]): void {
    const committed = this.now().getTime();
    this.stats.fired += fireAts.length;
    for (const at of fireAts) this.stats.lateness.push(committed - at);
    if (this.stats.lateness.length > this.keepLateness) this.stats.lateness.splice(0, this.stats.lateness.length - Math.floor(this.keepLateness / 2));
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

/** Claims up to `limit` pending timers due by `now` of the known kinds, oldest first; SKIP LOCKED: another instance's claims are left to it. */
function claimDue(tx: Tx, known: SQL, now: Date, limit: number) {
  return tx
    .select()
    .from(timers)
    .where(and(eq(timers.status, 'pending'), lte(timers.fireAt, now), known))
    .orderBy(asc(timers.fireAt))
    .limit(limit)
    .for('update', { skipLocked: true });
}
