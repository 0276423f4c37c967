import { describe, expect, it } from 'vitest';
import { authorize } from './authorize';
import { AppError } from './errors';
import { workOrderPolicy, type WorkOrderRec } from '../../domain/work-orders/work-orders.policy';
import type { Actor } from '../../domain/shared/policy';
import type { Role } from '../../domain/shared/roles';

const actor = (userId: string, roles: Role[]): Actor => ({ userId, username: userId, displayName: userId, roles: new Set(roles), projectIds: new Set(['p']) });
const wo = (over: Partial<WorkOrderRec> = {}): WorkOrderRec => ({ projectId: 'p', kind: 'normal', status: 'assigned', assigneeId: 'lead', vendorMemberIds: [], ...over });
const answer = (fn: () => void) => {
  try {
    fn();
    return 'allowed';
  } catch (e) {
    return e instanceof AppError ? `${e.status} ${e.code}` : String(e);
  }
};

describe('authorize: ownership answers like no access, state answers 409', () => {
  const lead = actor('lead', ['eng_lead']);
  it.each([
    ['asks the front desk to call for someone else’s order', 'requestCall', wo({ assigneeId: 'tech' }), '404 NOT_FOUND'],
    ['acts on someone else’s order', 'act', wo({ assigneeId: 'tech' }), '404 NOT_FOUND'],
    ['asks for a call on his own verified order', 'requestCall', wo({ status: 'verified' }), '409 INVALID_STATE'],
    ['reassigns an order already done', 'reassign', wo({ status: 'done' }), '409 INVALID_STATE'],
    ['verifies: his roles never do', 'verify', wo({ status: 'done' }), '403 FORBIDDEN'],
    ['acts on his own order', 'act', wo(), 'allowed'],
  ] as const)('the engineering lead %s: %s', (_name, action, rec, expected) => {
    expect(answer(() => authorize(workOrderPolicy, lead, action, rec))).toBe(expected);
  });
});

describe('authorize: the answers at their edges (ADR 0004, ADR 0009)', () => {
  const tech = actor('tech', ['technician']);
  it('ARC-10 no record, another project\'s record, or one he may not read: 404 for every action, read included', () => {
    expect(answer(() => authorize(workOrderPolicy, tech, 'read', null))).toBe('404 NOT_FOUND');
    expect(answer(() => authorize(workOrderPolicy, tech, 'act', undefined))).toBe('404 NOT_FOUND');
    expect(answer(() => authorize(workOrderPolicy, tech, 'read', wo({ projectId: 'other', assigneeId: 'tech' })))).toBe('404 NOT_FOUND');
    expect(answer(() => authorize(workOrderPolicy, tech, 'read', wo({ assigneeId: 'lead' })))).toBe('404 NOT_FOUND');
    expect(answer(() => authorize(workOrderPolicy, tech, 'verify', wo({ assigneeId: 'lead', status: 'done' })))).toBe('404 NOT_FOUND');
  });
  it('ARC-10 reading his own record is allowed, whatever its state', () => {
    expect(answer(() => authorize(workOrderPolicy, tech, 'read', wo({ assigneeId: 'tech', status: 'cancelled' })))).toBe('allowed');
  });
  it('CALL-2 a state conflict says the record\'s current status and version', () => {
    try {
      authorize(workOrderPolicy, actor('s', ['cs_supervisor']), 'verify', { ...wo({ status: 'assigned' }), version: 7 } as WorkOrderRec);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      const err = e as AppError;
      expect([err.status, err.code]).toEqual([409, 'INVALID_STATE']);
      expect(err.extra).toEqual({ current: { status: 'assigned', version: 7 } });
    }
  });
});
