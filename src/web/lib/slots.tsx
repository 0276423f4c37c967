import { createContext, useContext, type ComponentType, type ReactNode } from 'react';
import type { WorkOrderBrief } from '../../domain/work-orders/work-orders.contract';

/**
 * Where one web feature shows a piece of another without importing it (ADR 0011): the feature that
 * owns the screen declares a slot here with the props it will pass; `app/` fills the slot with the
 * other feature's component. The browser's counterpart of the server's hooks.
 */

/** What a call's page knows of one of its work orders (its brief, from the contract). */
export type WorkOrderSummary = Pick<WorkOrderBrief, 'id' | 'number' | 'status' | 'version' | 'dueAt' | 'assigneeName' | 'vendorName' | 'chaseCount' | 'sla'>;

export interface Slots {
  /** A work order on its call's page (filled by the work-orders feature). */
  WorkOrderCard: ComponentType<{ summary: WorkOrderSummary }>;
  /** The key desk (keys out now, overdue first) on the guards' and the front desk's own pages (filled by the keys feature). */
  KeyDeskCard: ComponentType<{ projectId: string }>;
}

const SlotsContext = createContext<Partial<Slots>>({});

export function SlotsProvider({ slots, children }: { slots: Slots; children: ReactNode }) {
  return <SlotsContext.Provider value={slots}>{children}</SlotsContext.Provider>;
}

/** The component filling a slot; undefined when the app wires none (a test rendering one page alone). */
export const useSlot = <K extends keyof Slots>(name: K): Slots[K] | undefined => useContext(SlotsContext)[name];
