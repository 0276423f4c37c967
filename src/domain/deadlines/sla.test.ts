import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICIES, GT_AFTER_MINUTES, pickPolicy, planDeadline, slaState } from './sla';

const t0 = new Date('2026-11-26T02:00:00Z');
const min = (m: number) => new Date(t0.getTime() + m * 60_000);

describe('deadlines', () => {
  it('first matching policy wins: class before urgency before the fallback', () => {
    expect(pickPolicy(DEFAULT_SLA_POLICIES, 'Q', 'emergency')?.class).toBe('Q');
    expect(pickPolicy(DEFAULT_SLA_POLICIES, 'normal', 'emergency')?.dueMinutes).toBe(60);
    expect(pickPolicy(DEFAULT_SLA_POLICIES, 'normal', 'urgent')?.dueMinutes).toBe(240);
    expect(pickPolicy(DEFAULT_SLA_POLICIES, 'normal', 'normal')?.dueMinutes).toBe(1440);
  });

  it('CALL-6 a Q item is due at the vendor’s promised time, warned before and escalated up the ladder', () => {
    const plan = planDeadline(pickPolicy(DEFAULT_SLA_POLICIES, 'Q', 'normal'), 'Q', t0, 120)!;
    expect(plan.dueAt).toEqual(min(120));
    const byKind = plan.timers.map((t) => `${t.kind}${t.level}@${(t.at.getTime() - t0.getTime()) / 60000}`);
    expect(byKind).toEqual(['gt_check0@2880', 'warn0@90', 'escalate1@120', 'escalate2@180', 'escalate3@360']);
    expect(plan.timers.find((t) => t.level === 1)!.roles).toEqual(['cs_assistant', 'account_manager']);
  });

  it('CALL-7 every item that is not GT gets a check at two days; a GT item is due in two days', () => {
    const normal = planDeadline(pickPolicy(DEFAULT_SLA_POLICIES, 'normal', 'normal'), 'normal', t0)!;
    expect(normal.timers.find((t) => t.kind === 'gt_check')!.at).toEqual(min(GT_AFTER_MINUTES));
    const gt = planDeadline(pickPolicy(DEFAULT_SLA_POLICIES, 'GT', 'normal'), 'GT', t0)!;
    expect(gt.dueAt).toEqual(min(GT_AFTER_MINUTES));
    expect(gt.timers.some((t) => t.kind === 'gt_check')).toBe(false);
  });

  it('a Q item without a registered vendor still gets its two-day check', () => {
    const plan = planDeadline(pickPolicy(DEFAULT_SLA_POLICIES, 'Q', 'normal'), 'Q', t0, null)!;
    expect(plan.timers.map((t) => t.kind)).toEqual(['gt_check']);
  });

  it('an inquiry has no deadline', () => {
    expect(planDeadline(pickPolicy(DEFAULT_SLA_POLICIES, 'inquiry', 'normal'), 'inquiry', t0)).toBeNull();
  });

  it('a warning that would fall before the receipt is not planned', () => {
    const plan = planDeadline({ class: null, urgency: null, dueMinutes: 10, warnBeforeMinutes: 30, ladder: [] }, 'normal', t0)!;
    expect(plan.timers.map((t) => t.kind)).toEqual(['gt_check']);
  });

  it.each([
    [min(30), 'ok'],
    [min(91), 'warning'],
    [min(120), 'overdue'],
  ])('the countdown at %s shows %s', (now, state) => {
    expect(slaState(min(120), 30, now, false)).toBe(state);
  });

  it('a finished item shows no countdown', () => {
    expect(slaState(min(120), 30, min(500), true)).toBe('none');
  });
});
