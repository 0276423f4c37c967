import type { Actor } from '../../domain/shared/policy';
import { hookPoint } from '../core/hooks';

/** The record a routed help request became (HELP-1): its kind, id and number, stored on the request. */
export interface LinkedRecord {
  kind: 'call' | 'complaint';
  id: string;
  number: string;
}

/**
 * A help request of category b (repair) or c (complaint) taken at the desk (HELP-1): it becomes a record of its
 * own. Run inside the transaction that records the request; the handler makes the record and puts it in
 * `linked`. If no handler does (or one fails), the request is not recorded either: no half-written pair.
 */
export interface HelpRouted {
  request: {
    id: string;
    projectId: string;
    number: string;
    requesterName: string;
    householdId: string | null;
    unitId: string | null;
    phone: string | null;
    need: string;
  };
  actor: Actor;
  ip: string;
  at: Date;
  /** Set by the handler that made the record. */
  linked?: LinkedRecord;
}

/** A repair (b) becomes a 来电来访记录 that the calls feature classifies and dispatches as usual. */
export const helpRepairRouted = hookPoint<HelpRouted>('help.repair_routed', { required: true });
/** A complaint (c) becomes a complaint record (COMP-1). */
export const helpComplaintRouted = hookPoint<HelpRouted>('help.complaint_routed', { required: true });
