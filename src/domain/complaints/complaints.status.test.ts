import { describe, expect, it } from 'vitest';
import { COMPLAINT_EVENTS, complaintAllows, isComplaintOpen, isComplaintUnfinished, levelAbove, nextComplaintStatus } from './complaints.status';
import type { ComplaintStatus } from './complaints.table';

/* 投诉 (COMP-1, 3, 4, 6): every allowed transition written out; every other status × event is refused. */
const ALLOWED: Record<string, ComplaintStatus> = {
  'recorded/judge_valid': 'assigned',
  'recorded/judge_invalid': 'invalid',
  'assigned/sign': 'in_progress',
  'in_progress/return': 'returned',
  'returned/inform': 'informed',
  'informed/close': 'closed',
  'informed/reopen': 'assigned',
};
const STATUSES: ComplaintStatus[] = ['recorded', 'assigned', 'in_progress', 'returned', 'informed', 'closed', 'invalid'];

describe('complaint state machine, by hand', () => {
  it('COMP-3 the events are judge valid/invalid, sign, return, inform, close, reopen', () => {
    expect([...COMPLAINT_EVENTS]).toEqual(['judge_valid', 'judge_invalid', 'sign', 'return', 'inform', 'close', 'reopen']);
  });
  for (const s of STATUSES)
    for (const e of COMPLAINT_EVENTS) {
      const to = ALLOWED[`${s}/${e}`];
      it(`COMP-3 ${s} + ${e} → ${to ?? 'refused'}`, () => {
        expect(nextComplaintStatus(s, e)).toBe(to ?? null);
        expect(complaintAllows(s, e)).toBe(to !== undefined);
      });
    }
  it('COMP-5 open (its deadline runs, the month counts): recorded, assigned, in progress; not after the department returned it', () => {
    expect(Object.fromEntries(STATUSES.map((s) => [s, isComplaintOpen(s)]))).toEqual({
      recorded: true, assigned: true, in_progress: true, returned: false, informed: false, closed: false, invalid: false,
    });
  });
  it('COMP-7 unfinished: everything before closed or invalid', () => {
    expect(Object.fromEntries(STATUSES.map((s) => [s, isComplaintUnfinished(s)]))).toEqual({
      recorded: true, assigned: true, in_progress: true, returned: true, informed: true, closed: false, invalid: false,
    });
  });
  it('COMP-6 reopened one level higher: minor → serious → major; major stays major', () => {
    expect([levelAbove('minor'), levelAbove('serious'), levelAbove('major')]).toEqual(['serious', 'major', 'major']);
  });
});
