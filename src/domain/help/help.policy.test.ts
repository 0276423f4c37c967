import { describe, expect, it } from 'vitest';
import { can, refusal } from '../shared/policy';
import { COLUMNS, actor, allowedIn, expectRow, who } from '../shared/policy-matrix.testkit';
import type { HelpStatus } from './help.table';
import { DUTY_POSTS, RESPONDER_ROLES, dutyRosterPolicy, handoverPolicy, helpPolicy, helpStepPolicy, playbookPolicy, type HelpRec, type HelpStepRec } from './help.policy';

/*
 * 住户求助, from SPEC.md (HELP-1..11) and src/server/access-table.ts: the desk (specialist, assistant, front desk)
 * records and answers (HELP-1, HELP-2), the account manager too; the CS supervisor and the centre manager follow
 * what the desk cannot solve (HELP-2) and run the incidents; security and engineering (guards, shift leader, gate
 * guard, engineering lead, technician) see the requests whose incidents they work on (HELP-6, HELP-7), and the
 * security shift leader may start a playbook himself (HELP-9). Warranty engineers, vendors and the administrator
 * have no part in it.
 */
const HELP: Record<keyof typeof helpPolicy.grants, [clause: string, row: string]> = {
  //                                  adm spc ast acm sup ctr dsk tec wen eld grd gld gat ven
  read: /*         */ ['HELP-6', '    .   Y   Y   Y   Y   Y   Y   Y   .   Y   Y   Y   Y   . '],
  create: /*       */ ['HELP-1', '    .   Y   Y   Y   Y   .   Y   .   .   .   .   .   .   . '],
  respond: /*      */ ['HELP-2', '    .   Y   Y   Y   Y   Y   Y   .   .   .   .   .   .   . '],
  startPlaybook: /**/ ['HELP-8', '    .   Y   Y   .   Y   Y   Y   .   .   .   .   Y   .   . '],
  close: /*        */ ['HELP-2', '    .   Y   Y   .   Y   Y   Y   .   .   .   .   .   .   . '],
  revealPhone: /*  */ ['HELP-5', '    .   Y   Y   Y   Y   Y   Y   .   .   .   Y   Y   Y   . '],
};
const openReq: HelpRec = { projectId: 'p1', status: 'open', playbookCode: null };

describe('help policy: every role × action, by hand', () => {
  for (const [action, [clause, row]] of Object.entries(HELP) as [keyof typeof HELP, [string, string]][]) {
    it(`${clause} help.${action} on an open request: ${who(row)}; everyone else refused; other project out of scope`, () => {
      expectRow(helpPolicy, action, row, openReq);
    });
  }
  it('HELP-2 the policy has exactly the actions of the table', () => {
    expect(Object.keys(helpPolicy.grants).sort()).toEqual(Object.keys(HELP).sort());
    expect(helpPolicy.resource).toBe('help');
  });
});

describe('help policy: state conditions, both sides', () => {
  const sup = actor(['cs_supervisor']);
  const at = (status: HelpStatus | undefined, playbookCode: string | null = null): HelpRec => ({ projectId: 'p1', status, playbookCode });
  it('HELP-2 respond only while the request is open (not handling, not closed, not unknown)', () => {
    expect([refusal(helpPolicy, sup, 'respond', at('open')), refusal(helpPolicy, sup, 'respond', at('handling')), refusal(helpPolicy, sup, 'respond', at('closed')), refusal(helpPolicy, sup, 'respond', at(undefined))]).toEqual(['none', 'state', 'state', 'state']);
  });
  it('HELP-8 a playbook starts on an open or handled request without one; never twice, never on a closed one', () => {
    expect([can(helpPolicy, sup, 'startPlaybook', at('open')), can(helpPolicy, sup, 'startPlaybook', at('handling'))]).toEqual([true, true]);
    expect([refusal(helpPolicy, sup, 'startPlaybook', at('open', 'medical')), refusal(helpPolicy, sup, 'startPlaybook', at('closed')), refusal(helpPolicy, sup, 'startPlaybook', at(undefined))]).toEqual(['state', 'state', 'state']);
    expect(can(helpPolicy, sup, 'startPlaybook', at('open', ''))).toBe(true);
  });
  it('HELP-2 close an open or handled request; a closed one (or one of unknown state) is a state conflict', () => {
    expect([can(helpPolicy, sup, 'close', at('open')), can(helpPolicy, sup, 'close', at('handling'))]).toEqual([true, true]);
    expect([refusal(helpPolicy, sup, 'close', at('closed')), refusal(helpPolicy, sup, 'close', at(undefined))]).toEqual(['state', 'state']);
  });
  it('HELP-5 read, create and reveal the phone have no state condition', () => {
    for (const s of ['open', 'handling', 'closed'] as const) {
      expect([s, can(helpPolicy, sup, 'read', at(s)), can(helpPolicy, sup, 'create', at(s)), can(helpPolicy, sup, 'revealPhone', at(s))]).toEqual([s, true, true, true]);
    }
  });
});

/* A step of a running incident: acknowledged and completed by a user of the step's role (404 for another's step). */
//                              adm spc ast acm sup ctr dsk tec wen eld grd gld gat ven
const STEP_READ = '           .   Y   Y   Y   Y   Y   Y   Y   .   Y   Y   Y   Y   . ';
const STEP_DO = '             .   Y   Y   .   Y   Y   Y   Y   .   Y   Y   Y   Y   . ';

describe('help step policy, by hand', () => {
  const step = (role: HelpStepRec['role'], status = 'pending', requestStatus: HelpStatus = 'handling'): HelpStepRec => ({ projectId: 'p1', role, status, requestStatus });
  it(`HELP-7 help_step.read: ${who(STEP_READ)}`, () => expectRow(helpStepPolicy, 'read', STEP_READ, step('guard')));
  for (const action of ['acknowledge', 'complete'] as const) {
    it(`HELP-7 help_step.${action} of a step of his own role: ${who(STEP_DO)}; everyone else refused`, () => {
      const allowed = allowedIn(STEP_DO);
      const got = Object.fromEntries(COLUMNS.map((r) => [r, can(helpStepPolicy, actor([r]), action, step(r))]));
      expect(got).toEqual(Object.fromEntries(COLUMNS.map((r) => [r, allowed.includes(r)])));
      for (const r of allowed) expect([r, refusal(helpStepPolicy, actor([r], ['p2']), action, step(r))]).toEqual([r, 'scope']);
    });
    it(`HELP-7 help_step.${action}: another role's step is not his (404)`, () => {
      expect(refusal(helpStepPolicy, actor(['technician']), action, step('guard'))).toBe('scope');
      expect(refusal(helpStepPolicy, actor(['guard']), action, step('gate_guard'))).toBe('scope');
    });
  }
  it('HELP-8 a pending step is acknowledged once; a step already acknowledged or done, or of a closed incident, is a state conflict', () => {
    const g = actor(['guard']);
    expect(refusal(helpStepPolicy, g, 'acknowledge', step('guard', 'pending', 'open'))).toBe('none');
    expect(refusal(helpStepPolicy, g, 'acknowledge', step('guard', 'acknowledged'))).toBe('state');
    expect(refusal(helpStepPolicy, g, 'acknowledge', step('guard', 'done'))).toBe('state');
    expect(refusal(helpStepPolicy, g, 'acknowledge', step('guard', 'pending', 'closed'))).toBe('state');
  });
  it('HELP-8 a step is completed from pending or acknowledged; a done step, or one of a closed incident, is a state conflict', () => {
    const g = actor(['guard']);
    expect(refusal(helpStepPolicy, g, 'complete', step('guard', 'pending'))).toBe('none');
    expect(refusal(helpStepPolicy, g, 'complete', step('guard', 'acknowledged', 'open'))).toBe('none');
    expect(refusal(helpStepPolicy, g, 'complete', step('guard', 'done'))).toBe('state');
    expect(refusal(helpStepPolicy, g, 'complete', step('guard', 'acknowledged', 'closed'))).toBe('state');
  });
});

describe('duty roster, handover and playbook policies, by hand', () => {
  //                          adm spc ast acm sup ctr dsk tec wen eld grd gld gat ven
  const ROSTER_READ = '      .   Y   Y   Y   Y   Y   Y   Y   .   Y   Y   Y   Y   . ';
  const ROSTER_EDIT = '      .   .   .   .   Y   Y   .   .   .   .   .   Y   .   . ';
  const HANDOVER_READ = '    .   Y   Y   .   Y   Y   Y   Y   .   Y   Y   Y   Y   . ';
  const HANDOVER_DO = '      .   .   .   .   .   .   Y   Y   .   Y   Y   Y   Y   . ';
  const PLAYBOOK_READ = '    Y   Y   Y   Y   Y   Y   Y   Y   .   Y   Y   Y   Y   . ';
  const PLAYBOOK_EDIT = '    Y   .   .   .   Y   Y   .   .   .   .   .   .   .   . ';
  it(`HELP-7 duty_roster.read: ${who(ROSTER_READ)}; edit: ${who(ROSTER_EDIT)}`, () => {
    expectRow(dutyRosterPolicy, 'read', ROSTER_READ, { projectId: 'p1' });
    expectRow(dutyRosterPolicy, 'edit', ROSTER_EDIT, { projectId: 'p1' });
    expect(dutyRosterPolicy.resource).toBe('duty_roster');
  });
  it(`HELP-6 handover.read: ${who(HANDOVER_READ)}; create and acknowledge (his own, unacknowledged): ${who(HANDOVER_DO)}`, () => {
    const toMe = { projectId: 'p1', toUserId: 'u1', acknowledged: false };
    expectRow(handoverPolicy, 'read', HANDOVER_READ, toMe);
    expectRow(handoverPolicy, 'create', HANDOVER_DO, toMe);
    expectRow(handoverPolicy, 'acknowledge', HANDOVER_DO, toMe);
    expect(handoverPolicy.resource).toBe('handover');
  });
  it('HELP-6 only the incoming person acknowledges a handover, and only once', () => {
    const g = actor(['guard']);
    expect(refusal(handoverPolicy, g, 'acknowledge', { projectId: 'p1', toUserId: 'u2', acknowledged: false })).toBe('scope');
    expect(refusal(handoverPolicy, g, 'acknowledge', { projectId: 'p1', toUserId: 'u1', acknowledged: true })).toBe('state');
  });
  it(`HELP-8 help_playbook.read: ${who(PLAYBOOK_READ)}; edit: ${who(PLAYBOOK_EDIT)}`, () => {
    expectRow(playbookPolicy, 'read', PLAYBOOK_READ, { projectId: 'p1' });
    expectRow(playbookPolicy, 'edit', PLAYBOOK_EDIT, { projectId: 'p1' });
    expect(playbookPolicy.resource).toBe('help_playbook');
  });
  it('HELP-7 the responders and the duty posts, by hand', () => {
    expect([...RESPONDER_ROLES].sort()).toEqual(['eng_lead', 'gate_guard', 'guard', 'guard_leader', 'technician']);
    expect([...DUTY_POSTS].sort()).toEqual(['cs_supervisor', 'eng_lead', 'front_desk', 'gate_guard', 'guard', 'guard_leader', 'technician']);
    expect(Object.keys(helpStepPolicy.grants).sort()).toEqual(['acknowledge', 'complete', 'read']);
    expect(helpStepPolicy.resource).toBe('help_step');
  });
});
