import { describe, expect, it } from 'vitest';
import { expectRow, who } from '../shared/policy-matrix.testkit';
import { KEY_APPROVER_ROLES, KEY_DESK_ROLES, keyPolicy } from './keys.policy';

/*
 * 钥匙台, from SPEC.md and src/server/access-table.ts: the front desk and the guards keep the cabinet and lend
 * (KEY-2); supervisors and the administrator look on; the unit keys go to the owner at the CS centre's renovation
 * procedure (KEY-1: front desk, supervisor); old records are purged only by the administrator (KEY-5).
 */
const TABLE: Record<keyof typeof keyPolicy.grants, [clause: string, row: string]> = {
  //                            adm spc ast acm sup ctr dsk tec wen eld grd gld gat ven
  read: /*     */ ['KEY-2', '   Y   .   .   .   Y   Y   Y   .   .   .   Y   Y   Y   . '],
  manage: /*   */ ['KEY-2', '   Y   .   .   .   Y   .   Y   .   .   .   .   Y   .   . '],
  lend: /*     */ ['KEY-2', '   .   .   .   .   Y   .   Y   .   .   .   Y   Y   Y   . '],
  handover: /* */ ['KEY-1', '   .   .   .   .   Y   .   Y   .   .   .   .   .   .   . '],
  purge: /*    */ ['KEY-5', '   Y   .   .   .   .   .   .   .   .   .   .   .   .   . '],
};

describe('key policy, by hand', () => {
  for (const [action, [clause, row]] of Object.entries(TABLE) as [keyof typeof TABLE, [string, string]][]) {
    it(`${clause} keys.${action}: ${who(row)}; everyone else refused; another project's cabinet out of scope`, () => {
      expectRow(keyPolicy, action, row, { projectId: 'p1' });
    });
  }
  it('KEY-2 the key desk is the front desk and the three guard roles; approvers are front desk, shift leader and the two managers', () => {
    expect([...KEY_DESK_ROLES].sort()).toEqual(['front_desk', 'gate_guard', 'guard', 'guard_leader']);
    expect([...KEY_APPROVER_ROLES].sort()).toEqual(['centre_manager', 'cs_supervisor', 'front_desk', 'guard_leader']);
    expect(Object.keys(keyPolicy.grants).sort()).toEqual(Object.keys(TABLE).sort());
    expect(keyPolicy.resource).toBe('keys');
  });
});
