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

describe('call status sets derived from the transition table', () => {
  it('closed is terminal; open, in progress and resolved are open; resolved and closed are done', async () => {
    const m = await import('./calls.status');
    expect(m.CALL_TERMINAL_STATUSES).toEqual(['closed']);
    expect(m.OPEN_CALL_STATUSES).toEqual(['open', 'in_progress', 'resolved']);
    expect(m.DONE_CALL_STATUSES).toEqual(['resolved', 'closed']);
    expect(m.PENDING_CALL_STATUSES).toEqual(['open', 'in_progress']);
    expect(m.callAllows('resolved', 'close')).toBe(true);
    expect(m.callAllows('open', 'close')).toBe(false);
  });

  it('CALL-3 per status, by hand: open (can still move), pending (deadline runs), done (work finished)', async () => {
    const m = await import('./calls.status');
    const per = (f: (s: never) => boolean) => Object.fromEntries(CALL_STATUSES.map((s) => [s, f(s as never)]));
    expect(per(m.isCallOpen)).toEqual({ open: true, in_progress: true, resolved: true, closed: false });
    expect(per(m.isCallPending)).toEqual({ open: true, in_progress: true, resolved: false, closed: false });
    expect(per(m.isCallDone)).toEqual({ open: false, in_progress: false, resolved: true, closed: true });
  });

  it('CALL-3 callAllows follows the table and refuses a record of unknown state', async () => {
    const m = await import('./calls.status');
    for (const s of CALL_STATUSES) for (const e of CALL_EVENTS) expect(`${s}/${e}:${m.callAllows(s, e)}`).toBe(`${s}/${e}:${EXPECTED[`${s}/${e}`] !== undefined}`);
    for (const e of CALL_EVENTS) expect(m.callAllows(undefined, e)).toBe(false);
  });
});
