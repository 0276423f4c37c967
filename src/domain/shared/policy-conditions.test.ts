import { describe, expect, it } from 'vitest';
import { refusal, type Actor } from './policy';
import { workOrderPolicy, type WorkOrderRec } from '../work-orders/work-orders.policy';
import { callPolicy } from '../calls/calls.policy';
import type { Role } from './roles';

const actor = (userId: string, roles: Role[], projectIds = ['p']): Actor => ({ userId, username: userId, displayName: userId, roles: new Set(roles), projectIds: new Set(projectIds) });
const wo = (over: Partial<WorkOrderRec> = {}): WorkOrderRec => ({ projectId: 'p', kind: 'normal', status: 'assigned', assigneeId: 'lead', vendorMemberIds: [], ...over });

describe('a grant keeps ownership and state apart', () => {
  const lead = actor('lead', ['eng_lead']);
  it.each([
    ['his own order, in a state the table allows', wo(), 'act', 'none'],
    ['someone else’s order: answers like no access (404)', wo({ assigneeId: 'tech' }), 'act', 'scope'],
    ['someone else’s order, even when its state is wrong', wo({ assigneeId: 'tech', status: 'verified' }), 'requestCall', 'scope'],
    ['his own order in a finished state: a conflict (409)', wo({ status: 'verified' }), 'requestCall', 'state'],
    ['reassigning a done order: a conflict (409)', wo({ status: 'done' }), 'reassign', 'state'],
    ['an order of another project: no access (404)', wo({ projectId: 'q' }), 'act', 'scope'],
    ['verifying: his roles never do (403)', wo({ status: 'done' }), 'verify', 'role'],
  ] as const)('the engineering lead on %s', (_name, rec, action, expected) => {
    expect(refusal(workOrderPolicy, lead, action, rec)).toBe(expected);
  });

  it('call state conditions come from the transition table', () => {
    const cs = actor('cs', ['cs_assistant']);
    expect(refusal(callPolicy, cs, 'close', { projectId: 'p', status: 'resolved' })).toBe('none');
    expect(refusal(callPolicy, cs, 'close', { projectId: 'p', status: 'in_progress' })).toBe('state');
    expect(refusal(callPolicy, cs, 'reply', { projectId: 'p', status: 'closed' })).toBe('state');
    expect(refusal(callPolicy, cs, 'close', { projectId: 'other', status: 'resolved' })).toBe('scope');
  });
});
