import type { CallClass, Urgency } from '../calls/calls.table';
import type { Role } from '../shared/roles';

export interface LadderStep {
  /** Minutes after the deadline. */
  afterMinutes: number;
  roles: Role[];
}

export interface SlaPolicy {
  class: CallClass | null;
  urgency: Urgency | null;
  /** null: use the vendor's promised time (Q). */
  dueMinutes: number | null;
  warnBeforeMinutes: number;
  ladder: LadderStep[];
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

/** Two days, after which any open item becomes GT (CALL-7). */
export const GT_AFTER_MINUTES = 2 * 24 * 60;

/** First match wins: class and urgency equal or null (any). The list is in priority order. */
export function pickPolicy(policies: readonly SlaPolicy[], cls: CallClass, urgency: Urgency): SlaPolicy | null {
  return policies.find((p) => (p.class === null || p.class === cls) && (p.urgency === null || p.urgency === urgency)) ?? null;
}

const addMinutes = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);

/**
 * The deadline of an item received at `start` and the timers that watch it: a warning before, one
 * escalation per ladder step after, and (for anything not already GT) the two-day GT check.
 * Pure: the same function drives the server's timers and the countdown on screen.
 */
export function planDeadline(policy: SlaPolicy | null, cls: CallClass, start: Date, vendorPromisedMinutes?: number | null): DeadlinePlan | null {
  const timers: TimerPlan[] = [];
  if (cls !== 'GT' && cls !== 'inquiry') timers.push({ kind: 'gt_check', level: 0, at: addMinutes(start, GT_AFTER_MINUTES) });
  const minutes = policy ? (policy.dueMinutes ?? vendorPromisedMinutes ?? null) : null;
  if (!policy || minutes === null) return timers.length ? { dueAt: addMinutes(start, GT_AFTER_MINUTES), timers } : null;
  const dueAt = addMinutes(start, minutes);
  const warnAt = addMinutes(dueAt, -policy.warnBeforeMinutes);
  if (policy.warnBeforeMinutes > 0 && warnAt > start) timers.push({ kind: 'warn', level: 0, at: warnAt });
  policy.ladder.forEach((step, i) => timers.push({ kind: 'escalate', level: i + 1, at: addMinutes(dueAt, step.afterMinutes), roles: step.roles }));
  return { dueAt, timers };
}

export type SlaState = 'none' | 'ok' | 'warning' | 'overdue';

/** What the countdown shows: overdue after the deadline, warning inside the warn window. */
export function slaState(dueAt: Date | null, warnBeforeMinutes: number, now: Date, done: boolean): SlaState {
  if (!dueAt || done) return 'none';
  if (now >= dueAt) return 'overdue';
  if (now >= addMinutes(dueAt, -warnBeforeMinutes)) return 'warning';
  return 'ok';
}

const CS_LADDER: LadderStep[] = [
  { afterMinutes: 0, roles: ['cs_assistant', 'account_manager'] },
  { afterMinutes: 60, roles: ['cs_supervisor'] },
  { afterMinutes: 240, roles: ['centre_manager'] },
];

/** Defaults a new project gets; every value is configurable per project (table sla_policies). */
export const DEFAULT_SLA_POLICIES: SlaPolicy[] = [
  { class: 'Q', urgency: null, dueMinutes: null, warnBeforeMinutes: 30, ladder: CS_LADDER },
  { class: 'GT', urgency: null, dueMinutes: GT_AFTER_MINUTES, warnBeforeMinutes: 240, ladder: [{ afterMinutes: 0, roles: ['account_manager', 'cs_supervisor'] }, { afterMinutes: 1440, roles: ['centre_manager'] }] },
  { class: 'complaint', urgency: null, dueMinutes: 2 * 24 * 60, warnBeforeMinutes: 240, ladder: [{ afterMinutes: 0, roles: ['cs_supervisor'] }, { afterMinutes: 240, roles: ['centre_manager'] }] },
  { class: 'inquiry', urgency: null, dueMinutes: null, warnBeforeMinutes: 0, ladder: [] },
  { class: 'Z', urgency: null, dueMinutes: 3 * 24 * 60, warnBeforeMinutes: 240, ladder: CS_LADDER },
  { class: null, urgency: 'emergency', dueMinutes: 60, warnBeforeMinutes: 15, ladder: CS_LADDER },
  { class: null, urgency: 'urgent', dueMinutes: 4 * 60, warnBeforeMinutes: 30, ladder: CS_LADDER },
  { class: null, urgency: null, dueMinutes: 24 * 60, warnBeforeMinutes: 120, ladder: CS_LADDER },
];
