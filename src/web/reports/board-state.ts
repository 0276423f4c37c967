import { DEFAULT_SLA_POLICIES, pickPolicy, slaState, type SlaState } from '../../domain/deadlines/sla';
import { OPEN_WORK_ORDER_STATUSES } from '../../domain/work-orders/work-orders.status';
import type { BoardItem } from '../../domain/work-orders/call-views.contract';
import type { BoardWorkOrder } from '../../domain/work-orders/work-orders.contract';

/**
 * The countdown state of a board item at `now`: overdue from the server's reading or once the local clock
 * passes the deadline; warning inside the warn window of the class's default SLA policy (the board does
 * not carry the project's own window — see the report's API wish).
 */
export function boardState(item: BoardItem, now: number): SlaState {
  if (item.overdue) return 'overdue';
  const policy = pickPolicy(DEFAULT_SLA_POLICIES, item.class, item.urgency);
  return slaState(item.dueAt ? new Date(item.dueAt) : null, policy?.warnBeforeMinutes ?? 0, new Date(now), item.status === 'resolved');
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
  const chasable = item.workOrders.some((w) => OPEN_WORK_ORDER_STATUSES.includes(w.status) && w.status !== 'done');
  return {
    chase: chasable && item.abilities.chase,
    // Reassigning goes to a technician or a warranty engineer; an outside unit's order is chased, not reassigned.
    reassign: Boolean(wo) && wo!.kind !== 'Q' && wo!.abilities.reassign,
  };
}
