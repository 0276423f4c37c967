import { definePolicy, type Scoped } from '../shared/policy';
import type { CallClass, CallStatus } from './calls.table';
import { callAllows, isCallOpen, PENDING_CALL_STATUSES } from './calls.status';

export interface CallRec extends Scoped {
  status?: CallStatus;
  class?: CallClass;
  districtId?: string | null;
}

const DESK = ['cs_specialist', 'cs_assistant', 'front_desk'] as const;
const FOLLOW_UP = ['cs_specialist', 'cs_assistant', 'account_manager', 'cs_supervisor'] as const;
const open = (r: CallRec) => r.status === undefined || isCallOpen(r.status);
/** Received or in progress (not resolved, closed or void); a record of unknown status is not. */
const pending = (r: CallRec) => (PENDING_CALL_STATUSES as readonly (CallStatus | undefined)[]).includes(r.status);

/**
 * 来电来访记录. The desk records (CALL-1); the CS specialist marks Z, the assistant Q and GT (the roles
 * table of SPEC.md), the supervisor may set any class; account managers follow up their districts (CALL-4).
 */
export const callPolicy = definePolicy<CallRec, 'read' | 'create' | 'markZ' | 'markQGT' | 'markOther' | 'dispatch' | 'chase' | 'reply' | 'resolve' | 'close' | 'answerClose' | 'reopen' | 'stats'>('call', {
  read: { roles: [...DESK, 'account_manager', 'cs_supervisor', 'centre_manager'], scope: 'project' },
  create: { roles: [...DESK, 'account_manager', 'cs_supervisor'], scope: 'project' },
  markZ: { roles: ['cs_specialist', 'cs_supervisor'], scope: 'project', when: open },
  markQGT: { roles: ['cs_assistant', 'cs_supervisor'], scope: 'project', when: open },
  markOther: { roles: ['cs_specialist', 'cs_assistant', 'cs_supervisor'], scope: 'project', when: open },
  dispatch: { roles: [...FOLLOW_UP, 'front_desk'], scope: 'project', when: open },
  chase: { roles: [...FOLLOW_UP, 'front_desk'], scope: 'project', when: open },
  reply: { roles: [...FOLLOW_UP, 'front_desk'], scope: 'project', when: open },
  resolve: { roles: FOLLOW_UP, scope: 'project', when: pending },
  close: { roles: ['cs_specialist', 'cs_assistant', 'cs_supervisor'], scope: 'project', when: (r) => callAllows(r.status, 'close') },
  // An inquiry answered on the spot: the final reply, 已处理 and the signed close-out in one step, by whoever may close (CALL-3).
  answerClose: { roles: ['cs_specialist', 'cs_assistant', 'cs_supervisor'], scope: 'project', when: pending },
  reopen: { roles: FOLLOW_UP, scope: 'project', when: (r) => callAllows(r.status, 'reopen') },
  stats: { roles: ['cs_assistant', 'account_manager', 'cs_supervisor', 'centre_manager', 'cs_specialist', 'front_desk'], scope: 'project' },
});

/** Which override grant a target class needs. */
export function markActionFor(cls: CallClass): 'markZ' | 'markQGT' | 'markOther' {
  if (cls === 'Z') return 'markZ';
  if (cls === 'Q' || cls === 'GT') return 'markQGT';
  return 'markOther';
}
