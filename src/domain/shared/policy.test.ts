import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { abilities, can, definePolicy, type Actor } from './policy';
import { ROLES, type Role } from './roles';
import { registerPolicy } from '../property/property.policy';
import { userPolicy } from '../users/users.policy';
import { auditPolicy } from '../audit/audit.policy';

const actor = (roles: Role[], projectIds: string[]): Actor => ({
  userId: 'u',
  username: 'u',
  displayName: 'u',
  roles: new Set(roles),
  projectIds: new Set(projectIds),
});

const POLICIES = [registerPolicy, userPolicy, auditPolicy] as const;

describe('declarative policies', () => {
  it('deny by default: an action without a grant is refused', () => {
    const p = definePolicy<{ projectId: string | null }, 'read'>('x', { read: { roles: ['admin'], scope: 'project' } });
    expect(can(p, actor(['admin'], ['p1']), 'delete' as 'read', { projectId: 'p1' })).toBe(false);
  });

  // The role × action tables are written by hand per policy (src/domain/**/*.policy.test.ts); a matrix derived
  // from the grants could not fail on a wrong grant, so there is none here.

  it('ARC-10 field staff, guards and vendors cannot read the household register', () => {
    for (const role of ['technician', 'warranty_engineer', 'eng_lead', 'guard', 'guard_leader', 'gate_guard', 'vendor'] as Role[]) {
      expect(can(registerPolicy, actor([role], ['p']), 'read', { projectId: 'p' })).toBe(false);
    }
  });

  it('ARC-12 only customer-service roles may reveal contact data; the administrator may not', () => {
    expect(can(registerPolicy, actor(['front_desk'], ['p']), 'revealContact', { projectId: 'p' })).toBe(true);
    expect(can(registerPolicy, actor(['cs_specialist'], ['p']), 'revealContact', { projectId: 'p' })).toBe(true);
    expect(can(registerPolicy, actor(['admin'], ['p']), 'revealContact', { projectId: 'p' })).toBe(false);
  });

  it('a user holding several roles gets the union of their grants', () => {
    fc.assert(
      fc.property(fc.subarray([...ROLES], { minLength: 1 }), (roles) => {
        const a = actor(roles, ['p']);
        const ab = abilities(registerPolicy, a, { projectId: 'p' });
        for (const action of Object.keys(ab) as (keyof typeof ab)[]) {
          const any = roles.some((r) => can(registerPolicy, actor([r], ['p']), action, { projectId: 'p' }));
          expect(ab[action]).toBe(any);
        }
      }),
    );
  });
});

describe('rolesFor', () => {
  it('CALL-5 names the roles of one grant (menus and list scopes): markZ is the specialist\'s and the supervisor\'s', async () => {
    const { rolesFor } = await import('./policy');
    const { callPolicy } = await import('../calls/calls.policy');
    expect([...rolesFor(callPolicy, 'markZ')]).toEqual(['cs_specialist', 'cs_supervisor']);
    expect([...rolesFor(userPolicy, 'create')]).toEqual(['admin']);
  });
});
