import type { Role } from '../shared/roles';

/**
 * The kinds of record a deadline can watch. Each kind has its own class and level vocabulary (a call's
 * class and urgency, a work order's kind and urgency, …); policies match on them as plain text.
 */
export const SUBJECT_KINDS = ['call', 'work_order', 'help_request', 'complaint', 'key_loan', 'contact_form'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export interface LadderStep {
  /** Minutes after the deadline. */
  afterMinutes: number;
  roles: Role[];
}

export interface SlaPolicy {
  subjectKind: SubjectKind;
  /** The kind's class (a call's class, a work order's kind); null matches any. */
  class: string | null;
  /** The kind's level (a call's urgency); null matches any. */
  level: string | null;
  /** null: the deadline comes from elsewhere (a vendor's promised time for Q; the call's deadline for a work order). */
  dueMinutes: number | null;
  /** The warn window: the record turns amber (and its doers are warned) this many minutes before the deadline. */
  warnBeforeMinutes: number;
  ladder: LadderStep[];
  /**
   * Minutes after the start when a still-open record is checked for re-classing (a `gt_check` timer; for calls,
   * CALL-7: it becomes GT). Also the deadline when `dueMinutes` yields none. null: no check.
   */
  reclassAfterMinutes: number | null;
}

export interface TimerPlan {
  kind: 'warn' | 'escalate' | 'gt_check';
  level: number;
  at: Date;
  roles?: Role[];
}

export interface DeadlinePlan {
  dueAt: Date;
  timers: TimerPlan[];
}

/** Two days, after which any open call becomes GT (CALL-7): the default of the call policies' `reclassAfterMinutes`. */
export const GT_AFTER_MINUTES = 2 * 24 * 60;
/** COMP-5: a valid complaint still open after a month (30 days) becomes major. */
export const COMPLAINT_MAJOR_AFTER_MINUTES = 30 * 24 * 60;

/** First match wins: same subject kind, class and level equal or null (any). The list is in priority order. */
export function pickPolicy(policies: readonly SlaPolicy[], subjectKind: SubjectKind, cls: string | null, level: string | null): SlaPolicy | null {
  return (
    policies.find((p) => p.subjectKind === subjectKind && (p.class === null || p.class === cls) && (p.level === null || p.level === level)) ?? null
  );
}

const addMinutes = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);

/**
 * The deadline of a record started at `start` and the timers that watch it: the re-class check, a warning
 * before the deadline, one escalation per ladder step after. Every number comes from the policy.
 * Pure: the same function drives the server's timers and the reading sent to every screen.
 */
export function planDeadline(policy: SlaPolicy | null, start: Date, promisedMinutes?: number | null): DeadlinePlan | null {
  if (!policy) return null;
  const timers: TimerPlan[] = [];
  if (policy.reclassAfterMinutes !== null) timers.push({ kind: 'gt_check', level: 0, at: addMinutes(start, policy.reclassAfterMinutes) });
  const minutes = policy.dueMinutes ?? promisedMinutes ?? null;
  if (minutes === null) return policy.reclassAfterMinutes !== null ? { dueAt: addMinutes(start, policy.reclassAfterMinutes), timers } : null;
  const dueAt = addMinutes(start, minutes);
  const warnAt = addMinutes(dueAt, -policy.warnBeforeMinutes);
  if (policy.warnBeforeMinutes > 0 && warnAt > start) timers.push({ kind: 'warn', level: 0, at: warnAt });
  policy.ladder.forEach((step, i) => timers.push({ kind: 'escalate', level: i + 1, at: addMinutes(dueAt, step.afterMinutes), roles: step.roles }));
  return { dueAt, timers };
}

export type SlaState = 'none' | 'ok' | 'warning' | 'overdue';

/** What every screen shows of a record's deadline: computed once, by the server, and sent with the record. */
export interface SlaReading {
  dueAt: Date | null;
  /** When the record turns amber; null when it has no deadline or no warn window. */
  warnAt: Date | null;
  state: SlaState;
}

/**
 * The SLA reading of a record at `now`: none when it has no deadline or is done, overdue after the deadline,
 * warning from `warnAt` (the deadline less the policy's warn window), ok before.
 */
export function slaReading(dueAt: Date | null, policy: Pick<SlaPolicy, 'warnBeforeMinutes'> | null, now: Date, done: boolean): SlaReading {
  const warnAt = dueAt && policy && policy.warnBeforeMinutes > 0 ? addMinutes(dueAt, -policy.warnBeforeMinutes) : null;
  if (!dueAt || done) return { dueAt, warnAt, state: 'none' };
  if (now >= dueAt) return { dueAt, warnAt, state: 'overdue' };
  if (warnAt && now >= warnAt) return { dueAt, warnAt, state: 'warning' };
  return { dueAt, warnAt, state: 'ok' };
}

const CS_LADDER: LadderStep[] = [
  { afterMinutes: 0, roles: ['cs_assistant', 'account_manager'] },
  { afterMinutes: 60, roles: ['cs_supervisor'] },
  { afterMinutes: 240, roles: ['centre_manager'] },
];

const call = (p: Omit<SlaPolicy, 'subjectKind' | 'reclassAfterMinutes'> & { reclassAfterMinutes?: number | null }): SlaPolicy => ({
  subjectKind: 'call',
  reclassAfterMinutes: GT_AFTER_MINUTES,
  ...p,
});

/** Defaults a new project gets; every value is configurable per project (table sla_policies). */
export const DEFAULT_SLA_POLICIES: SlaPolicy[] = [
  call({ class: 'Q', level: null, dueMinutes: null, warnBeforeMinutes: 30, ladder: CS_LADDER }),
  call({ class: 'GT', level: null, dueMinutes: GT_AFTER_MINUTES, warnBeforeMinutes: 240, ladder: [{ afterMinutes: 0, roles: ['account_manager', 'cs_supervisor'] }, { afterMinutes: 1440, roles: ['centre_manager'] }], reclassAfterMinutes: null }),
  call({ class: 'complaint', level: null, dueMinutes: 2 * 24 * 60, warnBeforeMinutes: 240, ladder: [{ afterMinutes: 0, roles: ['cs_supervisor'] }, { afterMinutes: 240, roles: ['centre_manager'] }] }),
  call({ class: 'inquiry', level: null, dueMinutes: null, warnBeforeMinutes: 0, ladder: [], reclassAfterMinutes: null }),
  call({ class: 'Z', level: null, dueMinutes: 3 * 24 * 60, warnBeforeMinutes: 240, ladder: CS_LADDER }),
  call({ class: null, level: 'emergency', dueMinutes: 60, warnBeforeMinutes: 15, ladder: CS_LADDER }),
  call({ class: null, level: 'urgent', dueMinutes: 4 * 60, warnBeforeMinutes: 30, ladder: CS_LADDER }),
  call({ class: null, level: null, dueMinutes: 24 * 60, warnBeforeMinutes: 120, ladder: CS_LADDER }),
  // A work order carries its call's deadline (no timers of its own); its policy gives the doer's warn window.
  { subjectKind: 'work_order', class: null, level: null, dueMinutes: null, warnBeforeMinutes: 30, ladder: [], reclassAfterMinutes: null },
  // HELP-2: a help request is answered within five minutes; past it the CS supervisor, five minutes later the
  // service-centre manager. A service with its own limit keeps it: a row for its category (the class) first.
  { subjectKind: 'help_request', class: null, level: null, dueMinutes: 5, warnBeforeMinutes: 2, ladder: [{ afterMinutes: 0, roles: ['cs_supervisor'] }, { afterMinutes: 5, roles: ['centre_manager'] }], reclassAfterMinutes: null },
  // A lent key is due when the desk said (KEY-3): the lender is warned before, the key desk and then the supervisor after.
  {
    subjectKind: 'key_loan',
    class: null,
    level: null,
    dueMinutes: null,
    warnBeforeMinutes: 30,
    ladder: [{ afterMinutes: 0, roles: ['front_desk', 'guard_leader'] }, { afterMinutes: 120, roles: ['cs_supervisor'] }],
    reclassAfterMinutes: null,
  },
  // COMP-2: a complaint's deadline is its department's return. Major: the same (local) day — no fixed minutes, the
  // service passes the minutes left in the day — and the centre manager is told at once; serious: within 1 hour;
  // minor: 2 days, or the household's own date. COMP-5: still open after a month (the re-class check) it becomes major.
  { subjectKind: 'complaint', class: null, level: 'major', dueMinutes: null, warnBeforeMinutes: 60, ladder: [{ afterMinutes: 0, roles: ['centre_manager', 'cs_supervisor'] }], reclassAfterMinutes: null },
  { subjectKind: 'complaint', class: null, level: 'serious', dueMinutes: 60, warnBeforeMinutes: 15, ladder: [{ afterMinutes: 0, roles: ['cs_supervisor'] }, { afterMinutes: 60, roles: ['centre_manager'] }], reclassAfterMinutes: COMPLAINT_MAJOR_AFTER_MINUTES },
  { subjectKind: 'complaint', class: null, level: null, dueMinutes: 2 * 24 * 60, warnBeforeMinutes: 240, ladder: [{ afterMinutes: 0, roles: ['cs_supervisor'] }, { afterMinutes: 240, roles: ['centre_manager'] }], reclassAfterMinutes: COMPLAINT_MAJOR_AFTER_MINUTES },
  // LINK-2: a work contact form's deadline is set by its sender; overdue, both departments' heads are told, then the centre manager.
  { subjectKind: 'contact_form', class: null, level: null, dueMinutes: null, warnBeforeMinutes: 60, ladder: [{ afterMinutes: 0, roles: [] }, { afterMinutes: 24 * 60, roles: ['centre_manager'] }], reclassAfterMinutes: null },
];

/** The policies of one project: its own rows for a kind, or the defaults of that kind when it has none. */
export function withDefaults(rows: readonly SlaPolicy[]): SlaPolicy[] {
  const kinds = new Set(rows.map((r) => r.subjectKind));
  return [...rows, ...DEFAULT_SLA_POLICIES.filter((p) => !kinds.has(p.subjectKind))];
}
