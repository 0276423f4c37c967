import type { WorkOrderStatus } from './work-orders.table';

export const WORK_ORDER_EVENTS = ['accept', 'arrive', 'complete', 'verify', 'reject', 'reassign', 'cancel'] as const;
export type WorkOrderEvent = (typeof WORK_ORDER_EVENTS)[number];

/**
 * 报修单 state machine. The doer accepts, arrives, completes with a result; customer service verifies
 * (CALL-2's write-back, CALL-5's check) or sends it back; reassignment restarts at `assigned`.
 */
export const WORK_ORDER_TRANSITIONS: Record<WorkOrderStatus, Partial<Record<WorkOrderEvent, WorkOrderStatus>>> = {
  assigned: { accept: 'accepted', arrive: 'on_site', complete: 'done', reassign: 'assigned', cancel: 'cancelled' },
  accepted: { arrive: 'on_site', complete: 'done', reassign: 'assigned', cancel: 'cancelled' },
  on_site: { complete: 'done', reassign: 'assigned', cancel: 'cancelled' },
  done: { verify: 'verified', reject: 'on_site' },
  verified: {},
  cancelled: {},
};

export function nextWorkOrderStatus(from: WorkOrderStatus, event: WorkOrderEvent): WorkOrderStatus | null {
  return WORK_ORDER_TRANSITIONS[from][event] ?? null;
}

const STATUSES = Object.keys(WORK_ORDER_TRANSITIONS) as WorkOrderStatus[];
/** The event after which the doer's work is done and his deadline stops. */
const WORK_DONE_EVENT: WorkOrderEvent = 'complete';

/** Statuses without any outgoing transition (verified, cancelled). */
export const TERMINAL_WORK_ORDER_STATUSES: readonly WorkOrderStatus[] = STATUSES.filter((s) => Object.keys(WORK_ORDER_TRANSITIONS[s]).length === 0);
/** Not terminal: assigned, accepted, on site, done (awaiting verification). */
export const OPEN_WORK_ORDER_STATUSES: readonly WorkOrderStatus[] = STATUSES.filter((s) => !TERMINAL_WORK_ORDER_STATUSES.includes(s));
/** The work is done (the target of `complete`) or the order is terminal: no deadline runs for the doer. */
export const DONE_WORK_ORDER_STATUSES: readonly WorkOrderStatus[] = STATUSES.filter(
  (s) => TERMINAL_WORK_ORDER_STATUSES.includes(s) || STATUSES.some((f) => WORK_ORDER_TRANSITIONS[f][WORK_DONE_EVENT] === s),
);
/** Open and not done: the doer is still at work (assigned, accepted, on site). */
export const ACTIVE_WORK_ORDER_STATUSES: readonly WorkOrderStatus[] = OPEN_WORK_ORDER_STATUSES.filter((s) => !DONE_WORK_ORDER_STATUSES.includes(s));

export const isWorkOrderOpen = (s: WorkOrderStatus) => OPEN_WORK_ORDER_STATUSES.includes(s);
export const isWorkOrderDone = (s: WorkOrderStatus) => DONE_WORK_ORDER_STATUSES.includes(s);
export const isWorkOrderActive = (s: WorkOrderStatus) => ACTIVE_WORK_ORDER_STATUSES.includes(s);
/** Whether the table allows `event` from `status` (the state condition of a policy grant). */
export const workOrderAllows = (status: WorkOrderStatus, event: WorkOrderEvent) => nextWorkOrderStatus(status, event) !== null;
