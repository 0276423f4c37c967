import { describe, expect, it } from 'vitest';
import { CALL_STATUSES } from './calls.table';
import { CALL_EVENTS, nextCallStatus } from './calls.status';

const EXPECTED: Record<string, string | null> = {
  'open/dispatch': 'in_progress', 'open/resolve': 'resolved',
  'in_progress/dispatch': 'in_progress', 'in_progress/work_done': 'resolved', 'in_progress/resolve': 'resolved',
  'resolved/reopen': 'in_progress', 'resolved/close': 'closed',
};

describe('call record state machine', () => {
  for (const s of CALL_STATUSES)
    for (const e of CALL_EVENTS)
      it(`CALL-3 ${s} + ${e} → ${EXPECTED[`${s}/${e}`] ?? 'refused'}`, () => {
        expect(nextCallStatus(s, e)).toBe(EXPECTED[`${s}/${e}`] ?? null);
      });

  it('CALL-3 a closed record accepts no event', () => {
    for (const e of CALL_EVENTS) expect(nextCallStatus('closed', e)).toBeNull();
  });
});
