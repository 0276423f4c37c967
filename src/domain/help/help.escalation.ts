import type { Role } from '../shared/roles';

/**
 * An escalation chain (issue 10, item 4; after Grafana OnCall / PagerDuty escalation policies): what happens while a
 * running incident's steps wait for their first acknowledgement. Ordered steps, run from the incident's start:
 * - `wait`: wait `minutes`;
 * - `notify_on_duty`: alert again whoever is on the roster now for each waiting step's role;
 * - `notify_team`: alert every user of each waiting step's role;
 * - `notify_roles`: tell these roles (the supervisors) which steps nobody has acknowledged.
 * The chain runs `repeat` more times after the first pass (bounded). Acknowledging every step stops it; an
 * acknowledgement with no progress (the step not completed) for `ackExpiresMinutes` expires: the step waits again
 * and the chain starts over. Data: edited with the playbook, copied into the incident at its start.
 */
export const ESCALATION_STEP_TYPES = ['wait', 'notify_on_duty', 'notify_team', 'notify_roles'] as const;
export type EscalationStepType = (typeof ESCALATION_STEP_TYPES)[number];
export interface EscalationStep {
  type: EscalationStepType;
  /** For `wait`. */
  minutes?: number;
  /** For `notify_roles`. */
  roles?: Role[];
}
export interface EscalationChain {
  steps: EscalationStep[];
  /** How many times the chain runs again after its first pass (at most 5). */
  repeat: number;
  /** An acknowledged step not completed within this many minutes waits again; null: acknowledgements do not expire. */
  ackExpiresMinutes: number | null;
}
export const MAX_ESCALATION_REPEAT = 5;

/** The shipped chain of every playbook: 2 minutes, the people on duty again and the shift leader and CS supervisor; 3 more, the whole team and the centre manager; once more; acknowledgements expire after 10 minutes. */
export const DEFAULT_ESCALATION: EscalationChain = {
  steps: [
    { type: 'wait', minutes: 2 },
    { type: 'notify_on_duty' },
    { type: 'notify_roles', roles: ['guard_leader', 'cs_supervisor'] },
    { type: 'wait', minutes: 3 },
    { type: 'notify_team' },
    { type: 'notify_roles', roles: ['centre_manager'] },
  ],
  repeat: 1,
  ackExpiresMinutes: 10,
};
