import { definePolicy, type Actor, type Scoped } from '../shared/policy';
import { DEPARTMENT_HEADS, HEAD_ROLES, headsDepartment, type Department } from '../shared/departments';
import type { ComplaintStatus } from './complaints.table';
import { complaintAllows } from './complaints.status';

export interface ComplaintRec extends Scoped {
  status: ComplaintStatus;
  department: Department;
  version: number;
}

/** Who signs for a complaint about each department (COMP-3): its head. The centre manager may act for any. */
export const DEPARTMENT_ROLES = DEPARTMENT_HEADS;

const CS = ['cs_specialist', 'cs_assistant', 'front_desk', 'account_manager', 'cs_supervisor', 'centre_manager'] as const;
const HEADS = HEAD_ROLES;
const JUDGES = ['cs_assistant', 'cs_supervisor', 'centre_manager'] as const;

/** The actor manages the department the complaint is about (or is the centre manager). */
export const isHandler = (a: Actor, r: ComplaintRec) => headsDepartment(a.roles, r.department);
const isCs = (a: Actor) => CS.some((r) => a.roles.has(r));

/**
 * 投诉. Customer service sees every complaint of its projects, records and judges them and tells the
 * household; a department's manager sees only the complaints about his department and signs for them,
 * works and returns them. `owns` answers 404, `when` 409.
 */
export const complaintPolicy = definePolicy<ComplaintRec, 'read' | 'record' | 'judge' | 'sign' | 'return' | 'inform'>('complaint', {
  read: { roles: [...CS, ...HEADS], scope: 'project', owns: (a, r) => isCs(a) || isHandler(a, r) },
  record: { roles: CS, scope: 'project' },
  judge: { roles: JUDGES, scope: 'project', when: (r) => complaintAllows(r.status, 'judge_valid') },
  sign: { roles: HEADS, scope: 'project', owns: isHandler, when: (r) => complaintAllows(r.status, 'sign') },
  return: { roles: HEADS, scope: 'project', owns: isHandler, when: (r) => complaintAllows(r.status, 'return') },
  inform: { roles: CS, scope: 'project', when: (r) => complaintAllows(r.status, 'inform') },
});
