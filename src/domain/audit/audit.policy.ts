import { definePolicy, inProject, type Scoped } from '../shared/policy';

/**
 * The audit trail is read by managers. The administrator reads all of it; supervisors and the
 * service-centre manager read entries of their own projects.
 */
export const auditPolicy = definePolicy<Scoped, 'read'>('audit', {
  read: {
    roles: ['admin', 'cs_supervisor', 'centre_manager'],
    scope: 'global',
    owns: (actor, rec) => actor.roles.has('admin') || inProject(actor, rec),
  },
});
