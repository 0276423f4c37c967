import { and, eq, inArray, ne } from 'drizzle-orm';
import { workOrders } from '../../domain/work-orders/work-orders.table';
import { OPEN_WORK_ORDER_STATUSES } from '../../domain/work-orders/work-orders.status';
import { CALL_TERMINAL_STATUSES } from '../../domain/calls/calls.status';
import type { Tx } from '../db/store';
import { cancelTimers } from '../deadlines/timers';
import type { WorkOrderAssigned, WorkOrderStepped } from '../work-orders/work-orders.hooks';
import { findCall } from './calls.repository';
import { moveCall, writeProgress } from './call-state';

/**
 * How a call record follows its work orders (CALL-2, CALL-6), wired to the work-orders hook points in
 * `app.ts` (ADR 0011). The calls feature stays the only writer of a call's status.
 */

/** Dispatched: the call moves to in_progress with the assignment as its progress (a finished call stays as it is). */
export async function moveCallOnAssignment(tx: Tx, p: WorkOrderAssigned): Promise<void> {
  const call = (await findCall(tx, p.workOrder.callId))!;
  if (CALL_TERMINAL_STATUSES.includes(call.status)) return;
  await moveCall(tx, call, 'dispatch', { at: p.at, actorId: p.actorId, set: { progress: p.progress }, detail: { workOrder: p.workOrder.number, to: p.to } });
}

/** A step writes its progress line; verifying the last open work order resolves the call. */
export async function moveCallOnStep(tx: Tx, p: WorkOrderStepped): Promise<void> {
  const call = (await findCall(tx, p.workOrder.callId))!;
  const { progress, at, actorId } = p;
  if (p.event === 'verify') {
    const others = await tx
      .select({ id: workOrders.id })
      .from(workOrders)
      .where(and(eq(workOrders.callId, call.id), ne(workOrders.id, p.workOrder.id), inArray(workOrders.status, [...OPEN_WORK_ORDER_STATUSES])));
    if (others.length === 0 && call.status === 'in_progress') {
      await moveCall(tx, call, 'work_done', { at, actorId, set: { progress, resolvedAt: at }, detail: { workOrder: p.workOrder.number } });
    } else if (progress) await writeProgress(tx, call.id, progress);
  } else if (progress) await writeProgress(tx, call.id, progress);
  // The outside unit's promise is to be on site in time (CALL-6): once there, its timers stop.
  if (p.event === 'arrive' && p.workOrder.kind === 'Q') await cancelTimers(tx, 'call', call.id, ['warn', 'escalate']);
}
