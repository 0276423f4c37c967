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


export const OPEN_WORK_ORDER_STATUSES: readonly WorkOrderStatus[] = ['assigned', 'accepted', 'on_site', 'done'];
