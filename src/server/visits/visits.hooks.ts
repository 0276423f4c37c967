import type { visits } from '../../domain/visits/visits.table';
import { hookPoint } from '../core/hooks';

export type VisitRow = typeof visits.$inferSelect;

/**
 * The return visit's hook point (ADR 0011): run inside the transaction that records a visit. The complaints
 * feature reacts (COMP-6, VISIT-4): a satisfied visit closes a complaint; an unsatisfied one reopens it one
 * level higher, or makes a new complaint of a repair. Required: an unsatisfied household must never be lost.
 */
export interface VisitRecorded {
  visit: VisitRow;
  actorId: string;
  at: Date;
}
export const visitRecorded = hookPoint<VisitRecorded>('visit.recorded', { required: true });
