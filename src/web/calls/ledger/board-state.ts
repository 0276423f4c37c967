import type { SlaState } from '../../../domain/deadlines/sla';
import { ACTIVE_WORK_ORDER_STATUSES } from '../../../domain/work-orders/work-orders.status';
import { liveState } from '../../components/countdown';
import type { BoardItem } from '../../../domain/work-orders/call-views.contract';
import type { BoardWorkOrder } from '../../../domain/work-orders/work-orders.contract';

/**
 * The countdown state of a board item at `now`: the server's SLA reading (with the project's own warn
 * window), moved on by the local clock past its warn-at and due instants.
 */
export function boardState(item: BoardItem, now: number): SlaState {
  return liveState(item.sla, now);
}

const RANK: Record<SlaState, number> = { overdue: 0, warning: 1, ok: 2, none: 2 };

/** Overdue first, then warnings, keeping the server's order (by deadline) inside each group. */
export function sortBoard(items: BoardItem[], now: number): { item: BoardItem; state: SlaState }[] {
  return items
    .map((item, i) => ({ item, state: boardState(item, now), i }))
    .sort((a, b) => RANK[a.state] - RANK[b.state] || a.i - b.i)
    .map(({ item, state }) => ({ item, state }));
}

/** The work order the board shows: the latest one (numbers grow with time). */
export const latestWorkOrder = (item: BoardItem): BoardWorkOrder | undefined => [...item.workOrders].sort((a, b) => b.number.localeCompare(a.number))[0];

/**
 * Which board actions to offer: the server's abilities on the record and on its latest work order (the
 * server still decides on every request).
 */
export function boardAbilities(item: BoardItem) {
  const wo = latestWorkOrder(item);
  // The server chases the call's open work orders (not yet done); without one there is nothing to chase.
  const chasable = item.workOrders.some((w) => ACTIVE_WORK_ORDER_STATUSES.includes(w.status));
  return {
    chase: chasable && item.abilities.chase,
    // Reassigning goes to a technician or a warranty engineer; an outside unit's order is chased, not reassigned.
    reassign: Boolean(wo) && wo!.kind !== 'Q' && wo!.abilities.reassign,
  };
}
