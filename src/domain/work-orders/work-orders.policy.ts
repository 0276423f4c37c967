import { definePolicy, type Actor, type Scoped } from '../shared/policy';
import type { WorkOrderKind, WorkOrderStatus } from './work-orders.table';
import { isWorkOrderActive, isWorkOrderOpen, workOrderAllows } from './work-orders.status';

export interface WorkOrderRec extends Scoped {
  kind: WorkOrderKind;
  status: WorkOrderStatus;
  assigneeId: string | null;
  /** Users acting for the work order's vendor. */
  vendorMemberIds: readonly string[];
}

const CS = ['cs_specialist', 'cs_assistant', 'front_desk', 'account_manager', 'cs_supervisor', 'centre_manager'] as const;
const DOERS = ['technician', 'warranty_engineer', 'vendor', 'eng_lead'] as const;

/** The doer of a work order: its assignee, or a member of its vendor. */
export const isDoer = (a: Actor, r: WorkOrderRec) => r.assigneeId === a.userId || r.vendorMemberIds.includes(a.userId);
const csOrLead = (a: Actor) => CS.some((r) => a.roles.has(r)) || a.roles.has('eng_lead');
const REASSIGNERS_CS = ['cs_specialist', 'cs_assistant', 'account_manager', 'cs_supervisor'] as const;
/** The engineering lead dispatches his own team's jobs only: normal repairs, not the developer's (Z) or a vendor's (Q). */
const mayReassign = (a: Actor, r: WorkOrderRec) => REASSIGNERS_CS.some((x) => a.roles.has(x)) || r.kind === 'normal';

/**
 * 报修单. Customer service and the engineering lead see every work order of their projects; a technician,
 * warranty engineer or vendor sees only their own, and only they report its steps. `owns` is whose order it
 * is (404 otherwise), `when` the state it must be in (409 otherwise); the state sets come from the table.
 */
export const workOrderPolicy = definePolicy<WorkOrderRec, 'read' | 'act' | 'verify' | 'reassign' | 'chase' | 'requestCall' | 'recordCall'>('workOrder', {
  read: { roles: [...CS, ...DOERS], scope: 'project', owns: (a, r) => csOrLead(a) || isDoer(a, r) },
  act: { roles: DOERS, scope: 'project', owns: isDoer },
  verify: { roles: ['cs_specialist', 'cs_assistant', 'cs_supervisor'], scope: 'project', when: (r) => workOrderAllows(r.status, 'verify') },
  reassign: { roles: [...REASSIGNERS_CS, 'eng_lead'], scope: 'project', owns: mayReassign, when: (r) => isWorkOrderActive(r.status) },
  chase: { roles: ['cs_specialist', 'cs_assistant', 'account_manager', 'cs_supervisor', 'front_desk'], scope: 'project', when: (r) => isWorkOrderOpen(r.status) },
  // ARC-11: the doer never gets the household's number; he asks the front desk to call on his behalf.
  requestCall: { roles: DOERS, scope: 'project', owns: isDoer, when: (r) => isWorkOrderOpen(r.status) },
  // ARC-11: the front desk (and CS staff at the desk) record that they placed the call, and its outcome.
  recordCall: { roles: ['front_desk', 'cs_specialist', 'cs_assistant'], scope: 'project' },
});
