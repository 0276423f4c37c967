import { definePolicy, type Scoped } from '../shared/policy';
import type { Role } from '../shared/roles';

/** 钥匙台: the front desk and the guards keep the key cabinet (KEY-2); supervisors look on. */
export const KEY_DESK_ROLES: readonly Role[] = ['front_desk', 'guard', 'guard_leader', 'gate_guard'];
/** Who may approve a lending (审批人). */
export const KEY_APPROVER_ROLES: readonly Role[] = ['front_desk', 'guard_leader', 'cs_supervisor', 'centre_manager'];

export const keyPolicy = definePolicy<Scoped, 'read' | 'manage' | 'lend' | 'handover' | 'purge'>('keys', {
  read: { roles: [...KEY_DESK_ROLES, 'cs_supervisor', 'centre_manager', 'admin'], scope: 'project' },
  manage: { roles: ['front_desk', 'guard_leader', 'cs_supervisor', 'admin'], scope: 'project' },
  lend: { roles: [...KEY_DESK_ROLES, 'cs_supervisor'], scope: 'project' },
  // KEY-1: the unit keys go to the owner at the customer-service centre's renovation procedure.
  handover: { roles: ['front_desk', 'cs_supervisor'], scope: 'project' },
  // KEY-5: removing old lending records (only after two years) is the administrator's.
  purge: { roles: ['admin'], scope: 'project' },
});
