import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Actor } from '../../domain/shared/policy';
import { callListItem, callRecord, callReply, recentCall } from '../../domain/calls/call-record.contract';
import type { CallRow } from './calls.repository';
import { presentCall, presentListItem, presentRecent, presentReply } from './calls.presenter';

// Presenters are allow-lists: given a row with columns (and a planted field) beyond the contract, they
// return exactly the contract's keys, and the result encodes with the contract.
const P = '00000000-0000-4000-8000-000000000001';
const ID = '00000000-0000-4000-8000-000000000002';
const at = new Date('2026-03-02T01:00:00Z');
const actor: Actor = { userId: ID, username: 'kefu', displayName: '王晓丽', roles: new Set(['cs_specialist']), projectIds: new Set([P]) };
const row: CallRow & { planted: string } = {
  id: ID, projectId: P, number: 'LD20260302-0001', receivedAt: at, channel: 'phone', householdId: null, unitId: null, districtId: null,
  callerName: '张伟明', callerPhone: '13812345678', content: '水管漏水', categoryId: null, urgency: 'normal', class: 'normal', proposedClass: 'normal',
  classReason: '一般报修', overrideReason: null, status: 'open', progress: null, recordedBy: ID, resolvedAt: null, lastReplyAt: null, closedAt: null,
  closedBy: ID, closeNumber: null, signatureId: ID, dueAt: at, idempotencyKey: 'secret-key', idempotencyFingerprint: 'digest', helpRequestId: null, helpNumber: null, version: 1, createdAt: at, planted: 'PLANTED',
};
const keys = (o: object) => Object.keys(o).sort();
const shapeKeys = (s: z.ZodObject) => Object.keys(s.shape).sort();

describe('call presenters build exactly their contract', () => {
  it('presentCall: the contract’s keys only, the phone masked, encodable', () => {
    const out = presentCall(actor, row, at, []);
    expect(keys(out)).toEqual(shapeKeys(callRecord));
    expect(out.callerPhone).toBe('138****5678');
    expect(() => z.encode(callRecord, out)).not.toThrow();
  });

  it('list rows, replies and recent records: the contract’s keys only', () => {
    const list = { ...row, unitCode: '1-1-101', recordedByName: '王晓丽' };
    expect(keys(presentListItem(list, { dueAt: at, warnAt: null, state: 'ok' }, true))).toEqual(shapeKeys(callListItem));
    // the record list asks it for every row: a job not waiting is said as false, not left out
    expect(presentListItem(list, { dueAt: at, warnAt: null, state: 'ok' }, false).awaitingVerification).toBe(false);
    expect(keys(presentListItem(list, { dueAt: at, warnAt: null, state: 'ok' }, false))).toEqual(shapeKeys(callListItem));
    // the ledger and the board do not ask whether a job waits for verification: the optional key is left out, nothing else
    expect(keys(presentListItem(list, { dueAt: at, warnAt: null, state: 'ok' }))).toEqual(shapeKeys(callListItem).filter((k) => k !== 'awaitingVerification'));
    expect(keys(presentReply({ id: ID, at, channel: 'sms', content: '已回复', final: true, byName: '陈敏', planted: 'x' } as never))).toEqual(shapeKeys(callReply));
    expect(keys(presentRecent(row))).toEqual(shapeKeys(recentCall));
  });
});
