import { definePolicy, type Scoped } from '../shared/policy';
import type { Role } from '../shared/roles';
import type { HelpStatus } from './help.table';

export interface HelpRec extends Scoped {
  status?: HelpStatus;
  playbookCode?: string | null;
}

export interface HelpStepRec extends Scoped {
  role: Role;
  status?: string;
  requestStatus?: HelpStatus;
}

const DESK = ['cs_specialist', 'cs_assistant', 'front_desk'] as const;
const MANAGERS = ['cs_supervisor', 'centre_manager'] as const;
/** Those who do the playbooks' steps. */
export const RESPONDER_ROLES = ['guard', 'guard_leader', 'gate_guard', 'eng_lead', 'technician'] as const;
const notClosed = (r: HelpRec) => r.status !== undefined && r.status !== 'closed';

/**
 * 住户求助. The desk records and answers (HELP-1, 2); the CS supervisor and the centre manager follow what the
 * desk cannot solve; security and engineering see the requests whose incidents they work on, and the security
 * shift leader may start a playbook himself.
 */
export const helpPolicy = definePolicy<HelpRec, 'read' | 'create' | 'respond' | 'startPlaybook' | 'close' | 'revealPhone'>('help', {
  read: { roles: [...DESK, 'account_manager', ...MANAGERS, ...RESPONDER_ROLES], scope: 'project' },
  create: { roles: [...DESK, 'account_manager', 'cs_supervisor'], scope: 'project' },
  respond: { roles: [...DESK, 'account_manager', ...MANAGERS], scope: 'project', when: (r) => r.status === 'open' },
  startPlaybook: { roles: [...DESK, ...MANAGERS, 'guard_leader'], scope: 'project', when: (r) => notClosed(r) && !r.playbookCode },
  close: { roles: [...DESK, ...MANAGERS], scope: 'project', when: notClosed },
  /** The full call-back or patient phone, to call back or to reach the patient (ARC-12: explicit, audited). */
  revealPhone: { roles: [...DESK, 'account_manager', ...MANAGERS, 'guard_leader', 'gate_guard', 'guard'], scope: 'project' },
});

/**
 * A step of a running incident is acknowledged and completed by a user of its role: another role's step is
 * not his to act on (404, ADR 0004); a step already done, or of a closed incident, is a state conflict (409).
 */
export const helpStepPolicy = definePolicy<HelpStepRec, 'read' | 'acknowledge' | 'complete'>('help_step', {
  read: { roles: [...DESK, 'account_manager', ...MANAGERS, ...RESPONDER_ROLES], scope: 'project' },
  acknowledge: { roles: [...DESK, ...MANAGERS, ...RESPONDER_ROLES], scope: 'project', owns: (a, r) => a.roles.has(r.role), when: (r) => r.status === 'pending' && r.requestStatus !== 'closed' },
  complete: { roles: [...DESK, ...MANAGERS, ...RESPONDER_ROLES], scope: 'project', owns: (a, r) => a.roles.has(r.role), when: (r) => r.status !== 'done' && r.requestStatus !== 'closed' },
});

/** The duty roster: read by everyone who works the playbooks; edited by the CS supervisor, the centre manager and the security shift leader. */
export const dutyRosterPolicy = definePolicy<Scoped, 'read' | 'edit'>('duty_roster', {
  read: { roles: [...DESK, 'account_manager', ...MANAGERS, ...RESPONDER_ROLES], scope: 'project' },
  edit: { roles: [...MANAGERS, 'guard_leader'], scope: 'project' },
});

/** Posts on the roster: the roles the playbooks alert. */
export const DUTY_POSTS: readonly Role[] = ['guard_leader', 'gate_guard', 'guard', 'eng_lead', 'technician', 'front_desk', 'cs_supervisor'];

export interface HandoverRec extends Scoped {
  toUserId: string;
  acknowledged: boolean;
}

/** 交接班: a guard (or the desk) hands over to the next; only the incoming person acknowledges, once. */
export const handoverPolicy = definePolicy<HandoverRec, 'read' | 'create' | 'acknowledge'>('handover', {
  read: { roles: [...DESK, ...MANAGERS, ...RESPONDER_ROLES], scope: 'project' },
  create: { roles: ['front_desk', ...RESPONDER_ROLES], scope: 'project' },
  acknowledge: { roles: ['front_desk', ...RESPONDER_ROLES], scope: 'project', owns: (a, r) => a.userId === r.toUserId, when: (r) => !r.acknowledged },
});

/** Playbooks and their escalation chains are data the company edits (HELP-3, 8): the CS supervisor, the centre manager and the administrator. */
export const playbookPolicy = definePolicy<Scoped, 'read' | 'edit'>('help_playbook', {
  read: { roles: [...DESK, 'account_manager', ...MANAGERS, ...RESPONDER_ROLES, 'admin'], scope: 'project' },
  edit: { roles: [...MANAGERS, 'admin'], scope: 'project' },
});
