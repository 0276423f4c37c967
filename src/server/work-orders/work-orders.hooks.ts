import type { WorkOrderEvent } from '../../domain/work-orders/work-orders.status';
import { hookPoint } from '../core/hooks';
import type { WorkOrderRow } from './work-orders.repository';

/**
 * The work order's hook points (ADR 0011): the work-orders feature runs them inside its transaction and
 * `app.ts` wires the reactions of other features (the calls feature moves the call record).
 */

/** A work order was created and assigned for a call (CALL-2). `progress` is the line to write on the call. */
export interface WorkOrderAssigned {
  workOrder: WorkOrderRow;
  to: string;
  progress: string;
  actorId: string;
  at: Date;
}
export const workOrderAssigned = hookPoint<WorkOrderAssigned>('workOrder.assigned', { required: true });

/** A work order took one step; `workOrder` is the row after the step. */
export interface WorkOrderStepped {
  workOrder: WorkOrderRow;
  event: WorkOrderEvent;
  progress: string | undefined;
  actorId: string;
  at: Date;
}
export const workOrderStepped = hookPoint<WorkOrderStepped>('workOrder.stepped', { required: true });
