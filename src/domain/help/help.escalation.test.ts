import { describe, expect, it } from 'vitest';
import { DEFAULT_ESCALATION, ESCALATION_STEP_TYPES, MAX_ESCALATION_REPEAT } from './help.escalation';
import { ACK_CHAIN } from './help.playbooks';

describe('escalation chain defaults, by hand', () => {
  it('HELP-2 the shipped chain: 2 min, on duty again and the shift leader and CS supervisor; 3 min, the whole team and the centre manager; once more; acknowledgements expire after 10 min', () => {
    expect(DEFAULT_ESCALATION).toEqual({
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
    });
    expect(MAX_ESCALATION_REPEAT).toBe(5);
    expect([...ESCALATION_STEP_TYPES]).toEqual(['wait', 'notify_on_duty', 'notify_team', 'notify_roles']);
  });
  it('HELP-2 the old fixed chain: the shift leader and CS supervisor after 2 minutes, the centre manager after 5', () => {
    expect(ACK_CHAIN).toEqual([
      { afterMinutes: 2, roles: ['guard_leader', 'cs_supervisor'] },
      { afterMinutes: 5, roles: ['centre_manager'] },
    ]);
  });
});
