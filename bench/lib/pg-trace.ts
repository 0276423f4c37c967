/**
 * Where a request's database time goes, on PostgreSQL: wraps pg.Client#query in this process (bench
 * only) and records each statement's kind, count and round-trip time, and per transaction the time from
 * the first statement that takes a lock every writer needs (the day counter of the numbering, the audit
 * chain's advisory lock) to COMMIT — the part of the transaction no two requests can run together.
 */
import pg from 'pg';
import { round } from './stats';

interface ClientState {
  txStart?: number;
  /** When this transaction first took a project- or instance-wide lock. */
  serialFrom?: number;
  serialBy?: string;
  statements: number;
}

export interface TraceReport {
  transactions: number;
  statements: number;
  byKind: { kind: string; count: number; ms: number }[];
  txMs: number[];
  /** Per transaction: ms from the first global lock to the end of COMMIT. */
  serialMs: number[];
  serialBy: Record<string, number>;
  statementsPerTx: number[];
}

/** A short, stable label for a statement: its verb and table, or what a known raw statement does. */
export function statementKind(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (/^(begin|commit|rollback)/i.test(t)) return t.split(' ')[0].toUpperCase();
  if (t.includes('pg_advisory_xact_lock')) return 'audit: pg_advisory_xact_lock (its chain, until commit)';
  if (t.includes('FROM audit_log ORDER BY seq DESC')) return 'audit: read chain head';
  if (t.includes('nextval(pg_get_serial_sequence')) return 'audit: nextval';
  if (t.includes('number_counters')) return 'numbering: upsert day counter (row lock until commit)';
  if (t.includes('pg_notify')) return 'notify: pg_notify';
  if (t.includes('FROM sessions s JOIN users')) return 'session: load';
  if (t.includes('call_day_counts')) return 'per-day summary';
  const m = /^(select|insert into|update|delete from)\b(?:.*? from)? "?([a-z_]+)"?/i.exec(t);
  if (!m) return t.slice(0, 60);
  const verb = m[1].split(' ')[0].toLowerCase();
  const table = verb === 'select' ? (/ from "?([a-z_]+)"?/i.exec(t)?.[1] ?? '?') : m[2];
  return `${verb} ${table}`;
}

const GLOBAL_LOCKS = ['numbering: upsert day counter (row lock until commit)', 'audit: pg_advisory_xact_lock (its chain, until commit)'];

type QueryFn = (this: pg.Client, ...args: unknown[]) => unknown;

export class PgTrace {
  private original: QueryFn | null = null;
  private states = new WeakMap<object, ClientState>();
  private kinds = new Map<string, { count: number; ms: number }>();
  private report: TraceReport = this.empty();

  private empty(): TraceReport {
    return { transactions: 0, statements: 0, byKind: [], txMs: [], serialMs: [], serialBy: {}, statementsPerTx: [] };
  }

  start(): void {
    if (this.original) return;
    const proto = pg.Client.prototype as unknown as { query: QueryFn };
    const original = proto.query;
    this.original = original;
    const self = this;
    proto.query = function (this: pg.Client, ...args: unknown[]) {
      const first = args[0];
      const text = typeof first === 'string' ? first : typeof first === 'object' && first && 'text' in first ? String((first as { text: unknown }).text) : '';
      const t0 = performance.now();
      const done = () => self.record(this, text, t0, performance.now());
      const cbIndex = args.findIndex((a) => typeof a === 'function');
      if (cbIndex >= 0) {
        const cb = args[cbIndex] as (...r: unknown[]) => void;
        args[cbIndex] = (...r: unknown[]) => (done(), cb(...r));
        return original.apply(this, args);
      }
      const res = original.apply(this, args);
      if (res && typeof (res as Promise<unknown>).then === 'function') (res as Promise<unknown>).then(done, done);
      return res;
    };
  }

  stop(): TraceReport {
    if (this.original) (pg.Client.prototype as unknown as { query: QueryFn }).query = this.original;
    this.original = null;
    const r = this.report;
    r.byKind = [...this.kinds.entries()].map(([kind, v]) => ({ kind, count: v.count, ms: round(v.ms) })).sort((a, b) => b.ms - a.ms);
    this.kinds.clear();
    this.report = this.empty();
    return r;
  }

  private record(client: object, text: string, t0: number, t1: number): void {
    const kind = statementKind(text);
    const k = this.kinds.get(kind) ?? { count: 0, ms: 0 };
    k.count++;
    k.ms += t1 - t0;
    this.kinds.set(kind, k);
    this.report.statements++;
    const s = this.states.get(client) ?? { statements: 0 };
    this.states.set(client, s);
    if (kind === 'BEGIN') {
      s.txStart = t0;
      s.serialFrom = undefined;
      s.serialBy = undefined;
      s.statements = 0;
    }
    s.statements++;
    if (s.txStart !== undefined && s.serialFrom === undefined && GLOBAL_LOCKS.includes(kind)) {
      // The lock is held from the moment it is granted: the end of that statement.
      s.serialFrom = t1;
      s.serialBy = kind;
    }
    if ((kind === 'COMMIT' || kind === 'ROLLBACK') && s.txStart !== undefined) {
      this.report.transactions++;
      this.report.txMs.push(t1 - s.txStart);
      this.report.statementsPerTx.push(s.statements);
      if (s.serialFrom !== undefined) {
        this.report.serialMs.push(t1 - s.serialFrom);
        this.report.serialBy[s.serialBy!] = (this.report.serialBy[s.serialBy!] ?? 0) + 1;
      }
      s.txStart = undefined;
    }
  }
}
