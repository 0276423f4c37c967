import { and, eq, inArray } from 'drizzle-orm';
import { timers } from '../../domain/deadlines/deadlines.table';
import { pickPolicy, planDeadline, type SlaPolicy, type TimerPlan } from '../../domain/deadlines/sla';
import type { ComplaintLevel } from '../../domain/complaints/complaints.table';
import { localDayEnd } from '../../domain/shared/business-time';
import type { Executor } from '../db/store';
import { cancelTimers, scheduleTimers } from '../deadlines/timers';

/**
 * COMP-2's deadline of a complaint judged (or reopened) at `start`, from its project's policies: major by the end
 * of the local day, serious within the hour, minor in two days or by the household's own date. The COMP-5 check
 * (still open a month after recording → major) counts from the complaint's recording, not from `start`.
 */
export function planComplaint(policies: readonly SlaPolicy[], level: ComplaintLevel, start: Date, createdAt: Date, wantedBy: Date | null) {
  let policy = pickPolicy(policies, 'complaint', null, level);
  let promised: number | null = null;
  if (policy && policy.dueMinutes === null) promised = Math.max(1, Math.round((localDayEnd(start).getTime() - start.getTime()) / 60_000));
  if (policy && level === 'minor' && wantedBy && wantedBy > start) {
    policy = { ...policy, dueMinutes: null };
    promised = Math.max(1, Math.round((wantedBy.getTime() - start.getTime()) / 60_000));
  }
  const plan = planDeadline(policy, start, promised);
  if (!plan) return null;
  const reclass = policy?.reclassAfterMinutes;
  const timersOut: TimerPlan[] = plan.timers.map((t) => (t.kind === 'gt_check' && reclass != null ? { ...t, at: new Date(Math.max(start.getTime(), createdAt.getTime() + reclass * 60_000)) } : t));
  return { dueAt: plan.dueAt, timers: timersOut };
}

/** Replaces a complaint's pending deadline timers by a new plan. */
export async function replanComplaintTimers(tx: Executor, projectId: string, complaintId: string, plans: TimerPlan[]) {
  await cancelTimers(tx, 'complaint', complaintId, ['warn', 'escalate', 'gt_check']);
  await scheduleTimers(tx, projectId, 'complaint', complaintId, plans);
}

/** COMP-4: a check at the end of the day the department returned it: was the household told? */
export async function scheduleInformCheck(tx: Executor, projectId: string, complaintId: string, returnedAt: Date) {
  await tx.insert(timers).values({ projectId, subjectType: 'complaint', subjectId: complaintId, kind: 'inform_check', level: 0, fireAt: new Date(localDayEnd(returnedAt).getTime() - 60 * 60_000), payload: {} });
}

/** Pending timers of a complaint, for tests and the detail. */
export async function pendingComplaintTimers(ex: Executor, complaintId: string) {
  return ex
    .select({ kind: timers.kind, fireAt: timers.fireAt })
    .from(timers)
    .where(and(eq(timers.subjectType, 'complaint'), eq(timers.subjectId, complaintId), inArray(timers.status, ['pending'])));
}
