import { definePolicy, type Scoped } from '../shared/policy';
import { CS_ROLES } from '../shared/roles';

/**
 * The property register (projects, districts, buildings, units, households and their people).
 * ARC-10: household data is reachable only by customer-service staff of the project (and the
 * administrator who maintains the register). Field staff, guards and vendors get nothing here;
 * what their tasks need reaches them masked through the task itself.
 */
export const registerPolicy = definePolicy<Scoped, 'read' | 'update' | 'import' | 'revealContact' | 'seeFullName' | 'accompany'>('register', {
  read: { roles: [...CS_ROLES, 'admin'], scope: 'project' },
  update: { roles: ['cs_specialist', 'cs_assistant', 'front_desk', 'account_manager', 'cs_supervisor'], scope: 'project' },
  import: { roles: ['admin', 'front_desk', 'cs_supervisor'], scope: 'project' },
  // ARC-11/12: the front desk and CS staff contact households; every reveal is audited.
  revealContact: { roles: CS_ROLES, scope: 'project' },
  seeFullName: { roles: [...CS_ROLES, 'admin'], scope: 'project' },
  // ARC-8: a department lead looks at household data only on a CS staff member's screen, with them present.
  accompany: { roles: ['cs_specialist', 'cs_assistant', 'front_desk', 'account_manager'], scope: 'project' },
});
