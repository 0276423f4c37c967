import { describe, expect, it } from 'vitest';
import { expectRow, who } from '../shared/policy-matrix.testkit';
import { archivePolicy } from './archives.policy';

/*
 * 业户档案 (ARC-4): the customer-service centre collects, bags and files each household's documents; like the
 * register, nobody outside customer service and the administrator reaches it (ARC-10). The checklist template
 * is the supervisors' and the administrator's.
 */
const TABLE: Record<keyof typeof archivePolicy.grants, [clause: string, row: string]> = {
  //                                adm spc ast acm sup ctr dsk tec wen eld grd gld gat ven
  read: /*         */ ['ARC-10', '  Y   Y   Y   Y   Y   Y   Y   .   .   .   .   .   .   . '],
  record: /*       */ ['ARC-4', '   .   Y   Y   Y   Y   .   Y   .   .   .   .   .   .   . '],
  editTemplate: /* */ ['ARC-4', '   Y   .   .   .   Y   Y   .   .   .   .   .   .   .   . '],
};

describe('household archive policy, by hand', () => {
  for (const [action, [clause, row]] of Object.entries(TABLE) as [keyof typeof TABLE, [string, string]][]) {
    it(`${clause} archives.${action}: ${who(row)}; everyone else refused; another project's archive out of scope`, () => {
      expectRow(archivePolicy, action, row, { projectId: 'p1' });
    });
  }
  it('ARC-4 the policy has exactly the actions of the table', () => {
    expect(Object.keys(archivePolicy.grants).sort()).toEqual(Object.keys(TABLE).sort());
    expect(archivePolicy.resource).toBe('archives');
  });
});
