import { describe, expect, it } from 'vitest';
import { can, refusal } from '../shared/policy';
import { actor, expectRow, who } from '../shared/policy-matrix.testkit';
import { isDoer, workOrderPolicy, type WorkOrderRec } from './work-orders.policy';
import type { WorkOrderStatus } from './work-orders.table';

/*
 * 报修单, from SPEC.md and src/server/access-table.ts: customer service and the engineering lead see every work
 * order of their projects (CALL-2, CALL-4); the technician, the warranty engineer and the vendor see and act on
 * their own only (ARC-10: they get nothing else); customer service verifies the write-back (CALL-2, CALL-5);
 * reassigning is for the desk's follow-up and the engineering lead; the doer never calls the household himself,
 * he asks the front desk, which records the call (ARC-11).
 * The rows are for a record whose doer is the acting user (u1) — the doers' own order.
 */
const TABLE: Record<keyof typeof workOrderPolicy.grants, [clause: string, status: WorkOrderStatus, row: string]> = {
  //                                      adm spc ast acm sup ctr dsk tec wen eld grd gld gat ven
  read: /*       */ ['ARC-10', 'assigned', ' .   Y   Y   Y   Y   Y   Y   Y   Y   Y   .   .   .   Y '],
  act: /*        */ ['CALL-2', 'assigned', ' .   .   .   .   .   .   .   Y   Y   Y   .   .   .   Y '],
  verify: /*     */ ['CALL-5', 'done', '     .   Y   Y   .   Y   .   .   .   .   .   .   .   .   . '],
  reassign: /*   */ ['CALL-4', 'on_site', '  .   Y   Y   Y   Y   .   .   .   .   Y   .   .   .   . '],
  chase: /*      */ ['CALL-9', 'done', '     .   Y   Y   Y   Y   .   Y   .   .   .   .   .   .   . '],
  requestCall: /**/ ['ARC-11', 'accepted', ' .   .   .   .   .   .   .   Y   Y   Y   .   .   .   Y '],
  recordCall: /* */ ['ARC-11', 'accepted', ' .   Y   Y   .   .   .   Y   .   .   .   .   .   .   . '],
};

const mine = (status: WorkOrderStatus, over: Partial<WorkOrderRec> = {}): WorkOrderRec => ({
  projectId: 'p1',
  kind: 'normal',
  status,
  assigneeId: 'u1',
  vendorMemberIds: [],
  ...over,
});

describe('work-order policy: every role × action on the doer\'s own order, by hand', () => {
  for (const [action, [clause, status, row]] of Object.entries(TABLE) as [keyof typeof TABLE, (typeof TABLE)[keyof typeof TABLE]][]) {
    it(`${clause} workOrder.${action} on a ${status} order: ${who(row)}; everyone else refused; another project's order out of scope`, () => {
      expectRow(workOrderPolicy, action, row, mine(status));
    });
  }
  it('ARC-10 the policy has exactly the actions of the table', () => {
    expect(Object.keys(workOrderPolicy.grants).sort()).toEqual(Object.keys(TABLE).sort());
    expect(workOrderPolicy.resource).toBe('workOrder');
  });
});

describe('work-order policy: whose order it is (CALL-2, ARC-10)', () => {
  const someoneElses = mine('assigned', { assigneeId: 'u2', vendorMemberIds: ['u3'] });
  it('CALL-2 a technician, warranty engineer or vendor neither reads nor acts on another\'s order (404, not 403)', () => {
    for (const role of ['technician', 'warranty_engineer', 'vendor'] as const) {
      const a = actor([role]);
      expect([role, can(workOrderPolicy, a, 'read', someoneElses), refusal(workOrderPolicy, a, 'read', someoneElses)]).toEqual([role, false, 'scope']);
      expect([role, refusal(workOrderPolicy, a, 'act', someoneElses), refusal(workOrderPolicy, a, 'requestCall', someoneElses)]).toEqual([role, 'scope', 'scope']);
    }
  });
  it('ARC-10 customer service and the engineering lead read every order of their project, whoever does it', () => {
    for (const role of ['cs_specialist', 'cs_assistant', 'account_manager', 'cs_supervisor', 'centre_manager', 'front_desk', 'eng_lead'] as const) {
      expect([role, can(workOrderPolicy, actor([role]), 'read', someoneElses)]).toEqual([role, true]);
    }
  });
  it('CALL-2 the engineering lead acts only on orders assigned to him', () => {
    expect(refusal(workOrderPolicy, actor(['eng_lead']), 'act', someoneElses)).toBe('scope');
    expect(can(workOrderPolicy, actor(['eng_lead']), 'act', mine('assigned'))).toBe(true);
  });
  it('CALL-6 a member of the order\'s vendor is its doer; a member of another vendor is not', () => {
    const vendorOrder = mine('assigned', { kind: 'Q', assigneeId: null, vendorMemberIds: ['u7', 'u1'] });
    expect(isDoer(actor(['vendor']), vendorOrder)).toBe(true);
    expect(can(workOrderPolicy, actor(['vendor']), 'read', vendorOrder)).toBe(true);
    expect(can(workOrderPolicy, actor(['vendor']), 'act', vendorOrder)).toBe(true);
    const other = mine('assigned', { kind: 'Q', assigneeId: null, vendorMemberIds: ['u7'] });
    expect(isDoer(actor(['vendor']), other)).toBe(false);
    expect(refusal(workOrderPolicy, actor(['vendor']), 'read', other)).toBe('scope');
    expect(isDoer(actor(['technician']), mine('assigned', { assigneeId: 'u1', vendorMemberIds: [] }))).toBe(true);
    expect(isDoer(actor(['technician']), mine('assigned', { assigneeId: null, vendorMemberIds: [] }))).toBe(false);
  });
});

/* By state, written per status (the supervisor or the doer acting). */
const STATUSES: WorkOrderStatus[] = ['assigned', 'accepted', 'on_site', 'done', 'verified', 'cancelled'];
const STATES: [action: keyof typeof TABLE, who: string, allowedIn: WorkOrderStatus[]][] = [
  ['verify', 'cs_supervisor', ['done']],
  ['reassign', 'cs_supervisor', ['assigned', 'accepted', 'on_site']],
  ['chase', 'cs_supervisor', ['assigned', 'accepted', 'on_site', 'done']],
  ['requestCall', 'technician', ['assigned', 'accepted', 'on_site', 'done']],
  ['act', 'technician', ['assigned', 'accepted', 'on_site', 'done', 'verified', 'cancelled']],
  ['read', 'technician', ['assigned', 'accepted', 'on_site', 'done', 'verified', 'cancelled']],
  ['recordCall', 'front_desk', ['assigned', 'accepted', 'on_site', 'done', 'verified', 'cancelled']],
];
describe('work-order policy: state conditions, both sides', () => {
  for (const [action, role, allowed] of STATES) {
    it(`CALL-2 workOrder.${action} (${role}) allowed in ${allowed.join(', ')}; a state conflict otherwise`, () => {
      const a = actor([role as never]);
      const got = Object.fromEntries(STATUSES.map((s) => [s, refusal(workOrderPolicy, a, action, mine(s))]));
      const want = Object.fromEntries(STATUSES.map((s) => [s, allowed.includes(s) ? 'none' : 'state']));
      expect(got).toEqual(want);
    });
  }
});
