import { describe, expect, it } from 'vitest';
import { expectRow, who } from '../shared/policy-matrix.testkit';
import { ACCOMPANIED_LEAD_ROLES, ACCOMPANYING_CS_ROLES, accompaniedPolicy } from './accompanied.policy';

/*
 * ARC-8: department staff at lead level (工程部领班, 保安班长) look up household data only beside customer-service
 * staff of the centre (specialist, assistant, front desk, account manager) who confirm with their own password;
 * the supervisors read the report of who saw what with whom. ARC-10: nobody else reaches any of it.
 */
const TABLE: Record<keyof typeof accompaniedPolicy.grants, [clause: string, row: string]> = {
  //                          adm spc ast acm sup ctr dsk tec wen eld grd gld gat ven
  ask: /*    */ ['ARC-8', '   .   .   .   .   .   .   .   .   .   Y   .   Y   .   . '],
  read: /*   */ ['ARC-8', '   .   Y   Y   Y   .   .   Y   .   .   Y   .   Y   .   . '],
  report: /* */ ['ARC-9', '   Y   .   .   .   Y   Y   .   .   .   .   .   .   .   . '],
};

describe('accompanied view policy, by hand', () => {
  for (const [action, [clause, row]] of Object.entries(TABLE) as [keyof typeof TABLE, [string, string]][]) {
    it(`${clause} accompanied.${action}: ${who(row)}; everyone else refused; another project's household out of scope`, () => {
      expectRow(accompaniedPolicy, action, row, { projectId: 'p1' });
    });
  }
  it('ARC-8 the leads are the engineering lead and the security shift leader; the CS staff who may accompany are four', () => {
    expect([...ACCOMPANIED_LEAD_ROLES].sort()).toEqual(['eng_lead', 'guard_leader']);
    expect([...ACCOMPANYING_CS_ROLES].sort()).toEqual(['account_manager', 'cs_assistant', 'cs_specialist', 'front_desk']);
    expect(Object.keys(accompaniedPolicy.grants).sort()).toEqual(Object.keys(TABLE).sort());
    expect(accompaniedPolicy.resource).toBe('accompanied');
  });
});
