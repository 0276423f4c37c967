import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOKS } from './help.playbooks';

/*
 * The shipped playbooks, step by step: branch, group (steps of a group run together), the responsible role, and the
 * minutes allowed. Read against SPEC.md: HELP-6 (to hospital: the desk has security send two guards, sends a vehicle;
 * guards escort; the shift leader reports back), HELP-7 (call 120: the desk helps call, the shift leader readies the
 * gate guard, who guides the ambulance), HELP-8 (care), HELP-9 (security incidents: report to security, confirm and
 * protect the scene, the most senior on duty decides on 110), HELP-10 (gas), HELP-11 (typhoon, flooding, fire), lift.
 * `+i` marks a step with a further instruction. The titles are text for the people on duty, not rules.
 */
const STEPS: Record<string, string[]> = {
  medical: ['medical | hospital,call120,care | patient',
    'hospital 1 front_desk 2', 'hospital 1 guard_leader 5', 'hospital 2 front_desk 10', 'hospital 3 guard +i', 'hospital 4 guard_leader', 'hospital 5 front_desk',
    'call120 1 front_desk 2', 'call120 2 guard_leader 3', 'call120 3 gate_guard 15', 'call120 4 guard_leader', 'call120 5 front_desk',
    'care 1 front_desk 3', 'care 2 guard 15', 'care 3 front_desk'],
  security: ['security |  | ', '- 1 front_desk 2', '- 2 guard_leader 5', '- 2 guard 5', '- 3 guard_leader', '- 4 front_desk', '- 5 guard_leader'],
  gas: ['security |  | ', '- 1 front_desk 1', '- 2 guard 5', '- 2 eng_lead 10', '- 3 front_desk 3', '- 4 guard_leader'],
  typhoon: ['disaster |  | ', '- 1 front_desk', '- 1 eng_lead', '- 2 guard_leader', '- 3 front_desk'],
  flood: ['disaster |  | ', '- 1 front_desk', '- 1 eng_lead 30', '- 2 guard_leader', '- 3 front_desk'],
  fire: ['disaster |  | ', '- 1 guard_leader 3', '- 1 front_desk 2', '- 2 guard 5', '- 2 eng_lead 5', '- 3 guard_leader', '- 4 front_desk'],
  lift: ['other |  | ', '- 1 front_desk 2', '- 1 guard 5', '- 2 eng_lead 30', '- 3 front_desk'],
};
/* The words that propose a playbook for a request's text. */
const KEYWORDS: Record<string, string[]> = {
  medical: ['急救', '救护车', '晕倒', '昏迷', '病人', '受伤', '120', '心脏病', '摔倒'],
  security: ['盗窃', '被偷', '小偷', '打架', '斗殴', '抢劫', '凶杀', '投毒', '车祸', '交通事故', '报警', '110'],
  gas: ['燃气', '煤气', '中毒', '漏气', '煤气味', '燃气泄漏'],
  typhoon: ['台风', '大风', '刮风'],
  flood: ['水浸', '淹水', '进水', '水淹', '暴雨', '内涝'],
  fire: ['火', '火警', '着火', '失火', '冒烟', '烟雾', '119'],
  lift: ['电梯', '困人', '关在电梯', '电梯故障', '卡在电梯'],
};

describe('shipped playbooks, by hand', () => {
  it('HELP-6 HELP-7 HELP-9 HELP-10 HELP-11 every playbook\'s steps: branch, group, role, minutes', () => {
    const got = Object.fromEntries(
      DEFAULT_PLAYBOOKS.map((p) => [
        p.code,
        [
          [p.category, p.branches?.join(',') ?? '', p.needsPatient ? 'patient' : ''].join(' | '),
          ...p.steps.map((s) => `${s.branch ?? '-'} ${s.group} ${s.role}${s.limit !== undefined ? ` ${s.limit}` : ''}${s.instruction ? ' +i' : ''}`),
        ],
      ]),
    );
    expect(got).toEqual(STEPS);
  });
  it('HELP-1 the words that propose each playbook', () => {
    expect(Object.fromEntries(DEFAULT_PLAYBOOKS.map((p) => [p.code, p.keywords]))).toEqual(KEYWORDS);
  });
  it('HELP-5 only the medical playbook asks for the patient and branches; none carries its own escalation chain', () => {
    expect(DEFAULT_PLAYBOOKS.filter((p) => p.needsPatient).map((p) => p.code)).toEqual(['medical']);
    expect(DEFAULT_PLAYBOOKS.filter((p) => p.escalation !== undefined)).toEqual([]);
    expect(DEFAULT_PLAYBOOKS.every((p) => p.name.length > 0 && p.steps.every((s) => s.title.length > 0))).toBe(true);
  });
});
