import { definePolicy, type Scoped } from '../shared/policy';
import type { Role } from '../shared/roles';

/** ARC-8: department staff at lead level (engineering, security) who have no register of their own. */
export const ACCOMPANIED_LEAD_ROLES: readonly Role[] = ['eng_lead', 'guard_leader'];
/** The customer-service staff who may sit beside a lead and confirm with their own password. */
export const ACCOMPANYING_CS_ROLES: readonly Role[] = ['cs_specialist', 'cs_assistant', 'front_desk', 'account_manager'];

/**
 * The supervised session of ARC-8..10. A lead asks (with the CS staff member's confirmation); the two of them
 * read the one household's file for the session's length; supervisors read the report of who saw what, with whom.
 * Nobody else reaches any of it (ARC-10).
 */
export const accompaniedPolicy = definePolicy<Scoped, 'ask' | 'read' | 'report'>('accompanied', {
  ask: { roles: ACCOMPANIED_LEAD_ROLES, scope: 'project' },
  read: { roles: [...ACCOMPANIED_LEAD_ROLES, ...ACCOMPANYING_CS_ROLES], scope: 'project' },
  report: { roles: ['cs_supervisor', 'centre_manager', 'admin'], scope: 'project' },
});
