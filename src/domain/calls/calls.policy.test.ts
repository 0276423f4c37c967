import { describe, expect, it } from 'vitest';
import { can, refusal } from '../shared/policy';
import { actor, expectRow, who } from '../shared/policy-matrix.testkit';
import { callPolicy, markActionFor, type CallRec } from './calls.policy';
import type { CallStatus } from './calls.table';

/*
 * 来电来访记录, written from SPEC.md's roles table and clauses, as in src/server/access-table.ts:
 * the desk (客服专员, 客服助理, 前台) records every call and visit (CALL-1), and so may the account manager and
 * the supervisor; the specialist marks Z (CALL-5), the assistant Q and GT (CALL-6, CALL-7), the supervisor any class;
 * account managers follow up their districts (CALL-4); the service-centre manager reads and counts (GT summaries)
 * but does not write; field staff, guards, vendors and the administrator never reach the register (ARC-10).
 */
const TABLE: Record<keyof typeof callPolicy.grants, [clause: string, status: CallStatus, row: string]> = {
  //                                 adm spc ast acm sup ctr dsk tec wen eld grd gld gat ven
  read: /*     */ ['ARC-10', 'open', ' .   Y   Y   Y   Y   Y   Y   .   .   .   .   .   .   . '],
  create: /*   */ ['CALL-1', 'open', ' .   Y   Y   Y   Y   .   Y   .   .   .   .   .   .   . '],
  markZ: /*    */ ['CALL-5', 'open', ' .   Y   .   .   Y   .   .   .   .   .   .   .   .   . '],
  markQGT: /*  */ ['CALL-6', 'open', ' .   .   Y   .   Y   .   .   .   .   .   .   .   .   . '],
  markOther: /**/ ['CALL-2', 'open', ' .   Y   Y   .   Y   .   .   .   .   .   .   .   .   . '],
  dispatch: /* */ ['CALL-2', 'open', ' .   Y   Y   Y   Y   .   Y   .   .   .   .   .   .   . '],
  chase: /*    */ ['CALL-9', 'open', ' .   Y   Y   Y   Y   .   Y   .   .   .   .   .   .   . '],
  reply: /*    */ ['CALL-9', 'open', ' .   Y   Y   Y   Y   .   Y   .   .   .   .   .   .   . '],
  resolve: /*  */ ['CALL-4', 'in_progress', ' .   Y   Y   Y   Y   .   .   .   .   .   .   .   .   . '],
  close: /*    */ ['CALL-3', 'resolved', ' .   Y   Y   .   Y   .   .   .   .   .   .   .   .   . '],
  answerClose: ['CALL-3', 'open', ' .   Y   Y   .   Y   .   .   .   .   .   .   .   .   . '],
  reopen: /*   */ ['CALL-4', 'resolved', ' .   Y   Y   Y   Y   .   .   .   .   .   .   .   .   . '],
  stats: /*    */ ['CALL-10', 'open', ' .   Y   Y   Y   Y   Y   Y   .   .   .   .   .   .   . '],
};

describe('call policy: every role × action, by hand', () => {
  for (const [action, [clause, status, row]] of Object.entries(TABLE) as [keyof typeof TABLE, (typeof TABLE)[keyof typeof TABLE]][]) {
    it(`${clause} call.${action} on a ${status} record of his project: ${who(row)}; everyone else refused, and another project's record is out of scope`, () => {
      expectRow(callPolicy, action, row, { projectId: 'p1', status, class: 'Q', districtId: 'd1' });
    });
  }
  it('ARC-10 the policy has exactly the actions of the table (a new action needs a hand-written row)', () => {
    expect(Object.keys(callPolicy.grants).sort()).toEqual(Object.keys(TABLE).sort());
    expect(callPolicy.resource).toBe('call');
  });
});

/* When each action is allowed, by the record's state (CALL-3, CALL-9): written per status. `-` = no record yet. */
const sup = actor(['cs_supervisor']);
const STATES: [action: keyof typeof TABLE, allowedIn: (CallStatus | '-')[]][] = [
  ['markZ', ['-', 'open', 'in_progress', 'resolved']],
  ['markQGT', ['-', 'open', 'in_progress', 'resolved']],
  ['markOther', ['-', 'open', 'in_progress', 'resolved']],
  ['dispatch', ['-', 'open', 'in_progress', 'resolved']],
  ['chase', ['-', 'open', 'in_progress', 'resolved']],
  ['reply', ['-', 'open', 'in_progress', 'resolved']],
  ['resolve', ['open', 'in_progress']],
  ['close', ['resolved']],
  ['answerClose', ['open', 'in_progress']],
  ['reopen', ['resolved']],
  ['read', ['-', 'open', 'in_progress', 'resolved', 'closed']],
  ['stats', ['-', 'open', 'in_progress', 'resolved', 'closed']],
];
const ALL_STATES: (CallStatus | '-')[] = ['-', 'open', 'in_progress', 'resolved', 'closed'];

describe('call policy: state conditions, both sides', () => {
  for (const [action, allowed] of STATES) {
    it(`CALL-3 call.${action} is allowed in ${allowed.join(', ')} and refused as a state conflict otherwise`, () => {
      const got: Record<string, string> = {};
      const want: Record<string, string> = {};
      for (const s of ALL_STATES) {
        const rec: CallRec = { projectId: 'p1', status: s === '-' ? undefined : s };
        got[s] = refusal(callPolicy, sup, action, rec);
        want[s] = allowed.includes(s) ? 'none' : 'state';
        expect(can(callPolicy, sup, action, rec)).toBe(allowed.includes(s));
      }
      expect(got).toEqual(want);
    });
  }

  it('CALL-3 a closed record cannot be marked, dispatched, chased, replied to, resolved, closed again or reopened', () => {
    const closed: CallRec = { projectId: 'p1', status: 'closed' };
    for (const a of ['markZ', 'markQGT', 'markOther', 'dispatch', 'chase', 'reply', 'resolve', 'close', 'answerClose', 'reopen'] as const) {
      expect(can(callPolicy, sup, a, closed)).toBe(false);
    }
  });
});

describe('which mark grant a class needs', () => {
  it('CALL-5 Z needs the specialist\'s grant (markZ)', () => expect(markActionFor('Z')).toBe('markZ'));
  it('CALL-6 Q needs the assistant\'s grant (markQGT)', () => expect(markActionFor('Q')).toBe('markQGT'));
  it('CALL-7 GT needs the assistant\'s grant (markQGT)', () => expect(markActionFor('GT')).toBe('markQGT'));
  it('CALL-2 the other classes need markOther, not the Z or Q/GT grants', () => {
    for (const cls of ['normal', 'complaint', 'inquiry'] as const) {
      expect(markActionFor(cls)).toBe('markOther');
    }
  });
  it('CALL-5 the specialist may mark Z but not Q or GT; the assistant Q and GT but not Z (refused by role)', () => {
    const spc = actor(['cs_specialist']);
    const ast = actor(['cs_assistant']);
    const rec: CallRec = { projectId: 'p1', status: 'open' };
    expect([can(callPolicy, spc, markActionFor('Z'), rec), can(callPolicy, spc, markActionFor('Q'), rec), can(callPolicy, spc, markActionFor('GT'), rec)]).toEqual([true, false, false]);
    expect([can(callPolicy, ast, markActionFor('Z'), rec), can(callPolicy, ast, markActionFor('Q'), rec), can(callPolicy, ast, markActionFor('GT'), rec)]).toEqual([false, true, true]);
    expect(refusal(callPolicy, ast, 'markZ', rec)).toBe('role');
  });
});
