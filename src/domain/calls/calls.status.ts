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


/** Events after which the work on a record is done: its deadline stops (CALL-3). */
const WORK_DONE_EVENTS: readonly CallEvent[] = ['work_done', 'resolve'];
const STATUSES = Object.keys(CALL_TRANSITIONS) as CallStatus[];

/** Statuses without any outgoing transition (closed). */
export const CALL_TERMINAL_STATUSES: readonly CallStatus[] = STATUSES.filter((s) => Object.keys(CALL_TRANSITIONS[s]).length === 0);
/** Statuses a record can still move from: everything not terminal (open, in progress, resolved awaiting close-out). */
export const OPEN_CALL_STATUSES: readonly CallStatus[] = STATUSES.filter((s) => !CALL_TERMINAL_STATUSES.includes(s));
/** Statuses where the work is done (the targets of the work-done events) or the record is terminal: no deadline runs. */
export const DONE_CALL_STATUSES: readonly CallStatus[] = STATUSES.filter(
  (s) => CALL_TERMINAL_STATUSES.includes(s) || STATUSES.some((f) => WORK_DONE_EVENTS.some((e) => CALL_TRANSITIONS[f][e] === s)),
);
/** Open and not done: the record's deadline is running (open, in progress). */
export const PENDING_CALL_STATUSES: readonly CallStatus[] = OPEN_CALL_STATUSES.filter((s) => !DONE_CALL_STATUSES.includes(s));

export const isCallDone = (s: CallStatus) => DONE_CALL_STATUSES.includes(s);
export const isCallPending = (s: CallStatus) => PENDING_CALL_STATUSES.includes(s);
export const isCallOpen = (s: CallStatus) => OPEN_CALL_STATUSES.includes(s);
/** Whether the table allows `event` from `status` (the state condition of a policy grant). */
export const callAllows = (status: CallStatus | undefined, event: CallEvent) => status !== undefined && nextCallStatus(status, event) !== null;
