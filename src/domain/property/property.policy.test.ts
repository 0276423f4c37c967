import { describe, expect, it } from 'vitest';
import { expectRow, who } from '../shared/policy-matrix.testkit';
import { registerPolicy } from './property.policy';

/*
 * The property register (households and their people), from SPEC.md and src/server/access-table.ts:
 * ARC-10 only customer service of the project (and the administrator who keeps the register's master data) reads it;
 * ARC-12 only customer-service roles see contact data unmasked on request (the administrator does not call households);
 * ARC-8 the CS staff who may sit beside a lead are the specialist, the assistant, the front desk and the account manager.
 */
const TABLE: Record<keyof typeof registerPolicy.grants, [clause: string, row: string]> = {
  //                                  adm spc ast acm sup ctr dsk tec wen eld grd gld gat ven
  read: /*         */ ['ARC-10', '     Y   Y   Y   Y   Y   Y   Y   .   .   .   .   .   .   . '],
  update: /*       */ ['ARC-2', '      .   Y   Y   Y   Y   .   Y   .   .   .   .   .   .   . '],
  import: /*       */ ['ARC-2', '      Y   .   .   .   Y   .   Y   .   .   .   .   .   .   . '],
  revealContact: /**/ ['ARC-12', '     .   Y   Y   Y   Y   Y   Y   .   .   .   .   .   .   . '],
  seeFullName: /*  */ ['ARC-12', '     Y   Y   Y   Y   Y   Y   Y   .   .   .   .   .   .   . '],
  accompany: /*    */ ['ARC-8', '      .   Y   Y   Y   .   .   Y   .   .   .   .   .   .   . '],
};

describe('register policy: every role × action, by hand', () => {
  for (const [action, [clause, row]] of Object.entries(TABLE) as [keyof typeof TABLE, [string, string]][]) {
    it(`${clause} register.${action}: ${who(row)}; everyone else refused; another project's household out of scope`, () => {
      expectRow(registerPolicy, action, row, { projectId: 'p1' });
    });
  }
  it('ARC-10 the policy has exactly the actions of the table', () => {
    expect(Object.keys(registerPolicy.grants).sort()).toEqual(Object.keys(TABLE).sort());
    expect(registerPolicy.resource).toBe('register');
  });
});
