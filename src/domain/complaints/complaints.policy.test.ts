import { describe, expect, it } from 'vitest';
import { can, refusal } from '../shared/policy';
import { actor, expectRow, who } from '../shared/policy-matrix.testkit';
import type { Department } from '../shared/departments';
import { complaintPolicy, isHandler, type ComplaintRec } from './complaints.policy';
import type { ComplaintStatus } from './complaints.table';

/*
 * 投诉, from SPEC.md (COMP-1..4) and src/server/access-table.ts: customer service sees every complaint of its
 * projects, records it (COMP-1), the assistant and the two managers judge it; the head of the department
 * complained about (工程部 → 工程部领班, 保安部 → 保安班长, 客服部 → 客服部主管, 环境部 → 服务中心经理; the centre
 * manager acts for any) signs for it and returns it (COMP-3); customer service tells the household (COMP-4).
 * A head of another department gets a 404 (`o`). Rows are for a complaint about the engineering department.
 */
const TABLE: Record<keyof typeof complaintPolicy.grants, [clause: string, status: ComplaintStatus, row: string]> = {
  //                                       adm spc ast acm sup ctr dsk tec wen eld grd gld gat ven
  read: /*   */ ['COMP-1', 'recorded', '     .   Y   Y   Y   Y   Y   Y   .   .   Y   .   o   .   . '],
  record: /* */ ['COMP-1', 'recorded', '     .   Y   Y   Y   Y   Y   Y   .   .   .   .   .   .   . '],
  judge: /*  */ ['COMP-1', 'recorded', '     .   .   Y   .   Y   Y   .   .   .   .   .   .   .   . '],
  sign: /*   */ ['COMP-3', 'assigned', '     .   .   .   .   o   Y   .   .   .   Y   .   o   .   . '],
  return: /* */ ['COMP-3', 'in_progress', '  .   .   .   .   o   Y   .   .   .   Y   .   o   .   . '],
  inform: /* */ ['COMP-4', 'returned', '     .   Y   Y   Y   Y   Y   Y   .   .   .   .   .   .   . '],
};

const about = (department: Department, status: ComplaintStatus = 'assigned'): ComplaintRec => ({ projectId: 'p1', status, department, version: 1 });

describe('complaint policy: every role × action on a complaint about engineering, by hand', () => {
  for (const [action, [clause, status, row]] of Object.entries(TABLE) as [keyof typeof TABLE, (typeof TABLE)[keyof typeof TABLE]][]) {
    it(`${clause} complaint.${action} (${status}): ${who(row)}; heads of other departments 404; everyone else refused`, () => {
      expectRow(complaintPolicy, action, row, about('engineering', status));
    });
  }
  it('COMP-3 the policy has exactly the actions of the table', () => {
    expect(Object.keys(complaintPolicy.grants).sort()).toEqual(Object.keys(TABLE).sort());
    expect(complaintPolicy.resource).toBe('complaint');
  });
});

describe('complaint policy: which head handles which department (COMP-3)', () => {
  const HANDLERS: Record<Department, string[]> = {
    customer_service: ['cs_supervisor', 'centre_manager'],
    engineering: ['eng_lead', 'centre_manager'],
    security: ['guard_leader', 'centre_manager'],
    environment: ['centre_manager'],
  };
  for (const [dept, heads] of Object.entries(HANDLERS) as [Department, string[]][]) {
    it(`COMP-3 a complaint about ${dept} is signed only by ${heads.join(', ')}`, () => {
      const got = (['cs_supervisor', 'eng_lead', 'guard_leader', 'centre_manager'] as const).filter((r) => can(complaintPolicy, actor([r]), 'sign', about(dept)));
      expect(got).toEqual(heads);
      for (const r of ['cs_supervisor', 'eng_lead', 'guard_leader', 'centre_manager'] as const) expect([r, isHandler(actor([r]), about(dept))]).toEqual([r, heads.includes(r)]);
    });
  }
  it('COMP-3 the security shift leader reads complaints about security but not about engineering (404)', () => {
    expect(can(complaintPolicy, actor(['guard_leader']), 'read', about('security'))).toBe(true);
    expect(refusal(complaintPolicy, actor(['guard_leader']), 'read', about('engineering'))).toBe('scope');
  });
});

/* By state (COMP-1, 3, 4): written per status. */
const STATUSES: ComplaintStatus[] = ['recorded', 'assigned', 'in_progress', 'returned', 'informed', 'closed', 'invalid'];
const STATES: [action: keyof typeof TABLE, allowedIn: ComplaintStatus[]][] = [
  ['judge', ['recorded']],
  ['sign', ['assigned']],
  ['return', ['in_progress']],
  ['inform', ['returned']],
  ['read', STATUSES],
  ['record', STATUSES],
];
describe('complaint policy: state conditions, both sides', () => {
  for (const [action, allowed] of STATES) {
    it(`COMP-3 complaint.${action} (centre manager) allowed in ${allowed.join(', ')}; a state conflict otherwise`, () => {
      const a = actor(['centre_manager']);
      const got = Object.fromEntries(STATUSES.map((s) => [s, refusal(complaintPolicy, a, action, about('engineering', s))]));
      const want = Object.fromEntries(STATUSES.map((s) => [s, allowed.includes(s) ? 'none' : 'state']));
      expect(got).toEqual(want);
    });
  }
});
