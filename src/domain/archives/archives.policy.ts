import { definePolicy, type Scoped } from '../shared/policy';
import { CS_ROLES } from '../shared/roles';

/**
 * 业户档案: the customer-service centre collects, bags and files each household's documents (ARC-4). Like the
 * register (ARC-10), nobody outside customer service (and the administrator) reaches it.
 */
export const archivePolicy = definePolicy<Scoped, 'read' | 'record' | 'editTemplate'>('archives', {
  read: { roles: [...CS_ROLES, 'admin'], scope: 'project' },
  record: { roles: ['cs_specialist', 'cs_assistant', 'front_desk', 'account_manager', 'cs_supervisor'], scope: 'project' },
  editTemplate: { roles: ['cs_supervisor', 'centre_manager', 'admin'], scope: 'project' },
});
