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

  // The matrix: every policy × role × action × (own project / other project), derived from the grant table.
  for (const policy of POLICIES) {
    for (const role of ROLES) {
      for (const action of Object.keys(policy.grants) as (keyof typeof policy.grants)[]) {
        const grant = policy.grants[action];
        const granted = grant.roles.includes(role);
        it(`${policy.resource}.${String(action)} for ${role}: own project ${granted ? 'allowed' : 'denied'}, other project denied unless global`, () => {
          const a = actor([role], ['own']);
          const own = can(policy as never, a, action as never, { projectId: 'own' } as never);
          const other = can(policy as never, a, action as never, { projectId: 'other' } as never);
          const owns = 'owns' in grant && grant.owns ? grant.owns(a as never, { projectId: 'own' } as never) : true;
          const when = 'when' in grant && grant.when ? grant.when({ projectId: 'own' } as never) : true;
          expect(own).toBe(granted && owns && when);
          if (grant.scope === 'project') expect(other).toBe(false);
        });
      }
    }
  }

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
