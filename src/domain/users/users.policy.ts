import { definePolicy, type Scoped } from '../shared/policy';

/** User accounts: only the administrator manages them. Users are global (projectId null). */
export const userPolicy = definePolicy<Scoped, 'read' | 'create' | 'update'>('user', {
  read: { roles: ['admin'], scope: 'global' },
  create: { roles: ['admin'], scope: 'global' },
  update: { roles: ['admin'], scope: 'global' },
});
