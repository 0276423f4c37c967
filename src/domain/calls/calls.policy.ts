import { definePolicy, type Actor, type Grant, type Scoped } from '../shared/policy';
import type { Role } from '../shared/roles';
import type { CallClass, CallStatus } from './calls.table';
import { callAllows, isCallOpen, PENDING_CALL_STATUSES } from './calls.status';

export interface CallRec extends Scoped {
  status?: CallStatus;
  class?: CallClass;
  districtId?: string | null;
  /** The account manager of the record's district (CALL-4); loaded where a follow-up action is judged. */
  districtManagerId?: string | null;
  /** The project's setting: may an account manager follow up another district's item? Unknown or true: yes. */
  coverOtherDistricts?: boolean;
}

const DESK = ['cs_specialist', 'cs_assistant', 'front_desk'] as const;
const FOLLOW_UP = ['cs_specialist', 'cs_assistant', 'account_manager', 'cs_supervisor'] as const;
const open = (r: CallRec) => r.status === undefined || isCallOpen(r.status);
/** Received or in progress (not resolved, closed or void); a record of unknown status is not. */
const pending = (r: CallRec) => (PENDING_CALL_STATUSES as readonly (CallStatus | undefined)[]).includes(r.status);

/**
 * CALL-4: each district's account manager follows up the matters of his district. Whether he may also act on
 * another district's item is the company's choice (a project setting, on by default: he covers for a colleague).
 * With it off, an account manager acts only on his own district's items; holders of the grant's other roles
 * (the desk, the supervisor) act on every district's.
 */
export function ownDistrictUnlessCovering(roles: readonly Role[]): NonNullable<Grant<CallRec>['owns']> {
  const others = roles.filter((r) => r !== 'account_manager');
  return (actor: Actor, r: CallRec) =>
    r.coverOtherDistricts !== false || others.some((role) => actor.roles.has(role)) || r.districtManagerId === actor.userId;
}
const followUp = (roles: readonly Role[], when: (r: CallRec) => boolean): Grant<CallRec> => ({ roles, scope: 'project', owns: ownDistrictUnlessCovering(roles), when });

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
  dispatch: followUp([...FOLLOW_UP, 'front_desk'], open),
  chase: followUp([...FOLLOW_UP, 'front_desk'], open),
  reply: followUp([...FOLLOW_UP, 'front_desk'], open),
  resolve: followUp(FOLLOW_UP, pending),
  close: { roles: ['cs_specialist', 'cs_assistant', 'cs_supervisor'], scope: 'project', when: (r) => callAllows(r.status, 'close') },
  // An inquiry answered on the spot: the final reply, 已处理 and the signed close-out in one step, by whoever may close (CALL-3).
  answerClose: { roles: ['cs_specialist', 'cs_assistant', 'cs_supervisor'], scope: 'project', when: pending },
  reopen: followUp(FOLLOW_UP, (r) => callAllows(r.status, 'reopen')),
  stats: { roles: ['cs_assistant', 'account_manager', 'cs_supervisor', 'centre_manager', 'cs_specialist', 'front_desk'], scope: 'project' },
});

/** Which override grant a target class needs. */
export function markActionFor(cls: CallClass): 'markZ' | 'markQGT' | 'markOther' {
  if (cls === 'Z') return 'markZ';
  if (cls === 'Q' || cls === 'GT') return 'markQGT';
  return 'markOther';
}

/** The call desk's project settings (CALL-4): the CS centre reads them; the supervisor and the centre manager set them. */
export const callSettingsPolicy = definePolicy<Scoped, 'read' | 'edit'>('call_settings', {
  read: { roles: ['cs_specialist', 'cs_assistant', 'account_manager', 'cs_supervisor', 'centre_manager', 'front_desk'], scope: 'project' },
  edit: { roles: ['cs_supervisor', 'centre_manager'], scope: 'project' },
});
