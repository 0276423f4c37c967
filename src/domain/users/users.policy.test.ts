import { describe, expect, it } from 'vitest';
import { can } from '../shared/policy';
import { actor, expectRow, who } from '../shared/policy-matrix.testkit';
import { userPolicy } from './users.policy';

/* User accounts: the administrator alone keeps them (access table: the admin's user list); users belong to no project. */
const TABLE: Record<keyof typeof userPolicy.grants, string> = {
  //                adm spc ast acm sup ctr dsk tec wen eld grd gld gat ven
  read: /*   */ '   Y   .   .   .   .   .   .   .   .   .   .   .   .   . ',
  create: /* */ '   Y   .   .   .   .   .   .   .   .   .   .   .   .   . ',
  update: /* */ '   Y   .   .   .   .   .   .   .   .   .   .   .   .   . ',
};

describe('user policy: every role × action, by hand', () => {
  for (const [action, row] of Object.entries(TABLE) as [keyof typeof TABLE, string][]) {
    it(`ARC-10 user.${action}: ${who(row)}; everyone else refused; accounts are global (no project needed)`, () => {
      expectRow(userPolicy, action, row, { projectId: null }, 'global');
      // The administrator needs no project assignment to keep accounts.
      expect(can(userPolicy, actor(['admin'], []), action, { projectId: null })).toBe(true);
    });
  }
  it('ARC-10 the policy has exactly the actions of the table', () => {
    expect(Object.keys(userPolicy.grants).sort()).toEqual(Object.keys(TABLE).sort());
    expect(userPolicy.resource).toBe('user');
  });
});
