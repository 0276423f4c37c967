import type { ComplaintLevel, ComplaintStatus } from './complaints.table';
import { COMPLAINT_LEVELS } from './complaints.table';

export const COMPLAINT_EVENTS = ['judge_valid', 'judge_invalid', 'sign', 'return', 'inform', 'close', 'reopen'] as const;
export type ComplaintEvent = (typeof COMPLAINT_EVENTS)[number];

/**
 * 投诉 state machine (COMP-1, 3, 4, 6). Customer service judges it; a valid one goes to the department
 * complained about, which signs for it, works and returns it; customer service tells the household; the
 * return visit closes it, or reopens it one level higher when the household is unsatisfied.
 */
export const COMPLAINT_TRANSITIONS: Record<ComplaintStatus, Partial<Record<ComplaintEvent, ComplaintStatus>>> = {
  recorded: { judge_valid: 'assigned', judge_invalid: 'invalid' },
  assigned: { sign: 'in_progress' },
  in_progress: { return: 'returned' },
  returned: { inform: 'informed' },
  informed: { close: 'closed', reopen: 'assigned' },
  closed: {},
  invalid: {},
};

export function nextComplaintStatus(from: ComplaintStatus, event: ComplaintEvent): ComplaintStatus | null {
  return COMPLAINT_TRANSITIONS[from][event] ?? null;
}
export const complaintAllows = (s: ComplaintStatus, e: ComplaintEvent) => nextComplaintStatus(s, e) !== null;

/** Valid and not yet handled by its department: its deadline runs, and COMP-5's month counts. */
export const OPEN_COMPLAINT_STATUSES: readonly ComplaintStatus[] = ['recorded', 'assigned', 'in_progress'];
export const isComplaintOpen = (s: ComplaintStatus) => OPEN_COMPLAINT_STATUSES.includes(s);
/** Not finished: everything before closed / invalid. */
export const isComplaintUnfinished = (s: ComplaintStatus) => s !== 'closed' && s !== 'invalid';

/** One level higher (COMP-6): minor → serious → major; major stays major. */
export function levelAbove(level: ComplaintLevel): ComplaintLevel {
  const i = COMPLAINT_LEVELS.indexOf(level);
  return COMPLAINT_LEVELS[Math.max(0, i - 1)];
}
