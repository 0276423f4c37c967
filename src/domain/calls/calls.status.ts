import type { CallStatus } from './calls.table';

export const CALL_EVENTS = ['dispatch', 'work_done', 'resolve', 'reopen', 'close'] as const;
export type CallEvent = (typeof CALL_EVENTS)[number];

/**
 * The call record's state machine (CALL-2, 3, 9). Replies are not transitions: they can be recorded in
 * any state but closed. `close` has guards beyond the table (work done, household replied, signature).
 */
export const CALL_TRANSITIONS: Record<CallStatus, Partial<Record<CallEvent, CallStatus>>> = {
  open: { dispatch: 'in_progress', resolve: 'resolved' },
  in_progress: { dispatch: 'in_progress', work_done: 'resolved', resolve: 'resolved' },
  resolved: { reopen: 'in_progress', close: 'closed' },
  closed: {},
};

export function nextCallStatus(from: CallStatus, event: CallEvent): CallStatus | null {
  return CALL_TRANSITIONS[from][event] ?? null;
}

