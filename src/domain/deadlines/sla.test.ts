import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEFAULT_SLA_POLICIES, GT_AFTER_MINUTES, pickPolicy, planDeadline, slaReading, withDefaults, type SlaPolicy, type SubjectKind } from './sla';
import { slaReadingSchema } from './deadlines.contract';

const t0 = new Date('2026-11-26T02:00:00Z');
const min = (m: number) => new Date(t0.getTime() + m * 60_000);
const offsets = (plan: ReturnType<typeof planDeadline>) => plan!.timers.map((t) => `${t.kind}${t.level}@${(t.at.getTime() - t0.getTime()) / 60000}`);

describe('policies are picked by subject kind, then class and level', () => {
  it.each<[SubjectKind, string, string, Partial<SlaPolicy>]>([
    ['call', 'Q', 'emergency', { class: 'Q' }],
    ['call', 'normal', 'emergency', { dueMinutes: 60, warnBeforeMinutes: 15 }],
    ['call', 'normal', 'urgent', { dueMinutes: 240, warnBeforeMinutes: 30 }],
    ['call', 'normal', 'normal', { dueMinutes: 1440, warnBeforeMinutes: 120 }],
    ['call', 'GT', 'normal', { dueMinutes: GT_AFTER_MINUTES, reclassAfterMinutes: null }],
    ['work_order', 'Q', 'emergency', { subjectKind: 'work_order', dueMinutes: null, warnBeforeMinutes: 30 }],
    ['work_order', 'normal', 'normal', { subjectKind: 'work_order', ladder: [] }],
  ])('%s of class %s, level %s', (kind, cls, level, expected) => {
    expect(pickPolicy(DEFAULT_SLA_POLICIES, kind, cls, level)).toMatchObject(expected);
  });

  it('a kind without any policy gets none (a later feature brings its own defaults)', () => {
    expect(planDeadline(pickPolicy(DEFAULT_SLA_POLICIES, 'key_loan', null, null), t0)).toBeNull();
  });

  it('HELP-2 a help request is due five minutes after intake; the CS supervisor at the deadline, then the service-centre manager', () => {
    const plan = planDeadline(pickPolicy(DEFAULT_SLA_POLICIES, 'help_request', 'other', null), t0)!;
    expect(plan.dueAt).toEqual(new Date(t0.getTime() + 5 * 60_000));
    const escalations = plan.timers.filter((x) => x.kind === 'escalate').map((x) => ({ at: (x.at.getTime() - t0.getTime()) / 60_000, roles: x.roles }));
    expect(escalations).toEqual([
      { at: 5, roles: ['cs_supervisor'] },
      { at: 10, roles: ['centre_manager'] },
    ]);
  });

  it('a project’s own rows of a kind replace the defaults of that kind only', () => {
    const own: SlaPolicy = { subjectKind: 'call', class: null, level: null, dueMinutes: 30, warnBeforeMinutes: 5, ladder: [], reclassAfterMinutes: null };
    const all = withDefaults([own]);
    expect(pickPolicy(all, 'call', 'Q', 'normal')).toBe(own);
    expect(pickPolicy(all, 'work_order', 'normal', 'normal')?.warnBeforeMinutes).toBe(30);
  });
});

describe('planDeadline: every number comes from the policy', () => {
  const call = (cls: string, level = 'normal') => pickPolicy(DEFAULT_SLA_POLICIES, 'call', cls, level);

  it.each<[string, SlaPolicy | null, number | null | undefined, number | null, string[]]>([
    // CALL-6: a Q item is due at the vendor's promised time, warned before and escalated up the ladder.
    ['Q with a vendor promising 120 min', call('Q'), 120, 120, ['gt_check0@2880', 'warn0@90', 'escalate1@120', 'escalate2@180', 'escalate3@360']],
    // A Q item without a registered vendor still gets its two-day check, due then.
    ['Q without a vendor', call('Q'), null, GT_AFTER_MINUTES, ['gt_check0@2880']],
    // CALL-7: every item that is not GT gets a check at two days; a GT item is due in two days.
    ['normal', call('normal'), undefined, 1440, ['gt_check0@2880', 'warn0@1320', 'escalate1@1440', 'escalate2@1500', 'escalate3@1680']],
    ['emergency', call('normal', 'emergency'), undefined, 60, ['gt_check0@2880', 'warn0@45', 'escalate1@60', 'escalate2@120', 'escalate3@300']],
    ['GT', call('GT'), undefined, GT_AFTER_MINUTES, ['warn0@2640', 'escalate1@2880', 'escalate2@4320']],
    ['inquiry: no deadline', call('inquiry'), undefined, null, []],
    // The re-class check and the warn window are data: a policy without them plans neither.
    ['a policy with a warning that would fall before the start', { subjectKind: 'call', class: null, level: null, dueMinutes: 10, warnBeforeMinutes: 30, ladder: [], reclassAfterMinutes: GT_AFTER_MINUTES }, undefined, 10, ['gt_check0@2880']],
    ['a policy with a re-class check of one day', { subjectKind: 'call', class: null, level: null, dueMinutes: 60, warnBeforeMinutes: 0, ladder: [], reclassAfterMinutes: 1440 }, undefined, 60, ['gt_check0@1440']],
    ['a work order (its deadline is its call’s)', pickPolicy(DEFAULT_SLA_POLICIES, 'work_order', 'normal', 'normal'), undefined, null, []],
  ])('%s', (_name, policy, promised, dueMinutes, timers) => {
    const plan = planDeadline(policy, t0, promised);
    if (dueMinutes === null) return expect(plan).toBeNull();
    expect(plan!.dueAt).toEqual(min(dueMinutes));
    expect(offsets(plan)).toEqual(timers);
  });

  it('each escalation step names the roles of its ladder step', () => {
    const plan = planDeadline(call('Q'), t0, 120)!;
    expect(plan.timers.find((t) => t.level === 1)!.roles).toEqual(['cs_assistant', 'account_manager']);
  });
});

describe('slaReading: what every screen shows, computed by the server', () => {
  const normal = pickPolicy(DEFAULT_SLA_POLICIES, 'call', 'Z', 'normal'); // warn 240 min before
  const wo = pickPolicy(DEFAULT_SLA_POLICIES, 'work_order', 'Z', 'normal'); // warn 30 min before
  it.each<[string, Date | null, SlaPolicy | null, Date, boolean, { warnAt: Date | null; state: string }]>([
    ['call, well before', min(600), normal, min(100), false, { warnAt: min(360), state: 'ok' }],
    ['call, inside the warn window', min(600), normal, min(360), false, { warnAt: min(360), state: 'warning' }],
    ['call, at the deadline', min(600), normal, min(600), false, { warnAt: min(360), state: 'overdue' }],
    ['call, done', min(600), normal, min(900), true, { warnAt: min(360), state: 'none' }],
    ['call without a deadline', null, normal, min(0), false, { warnAt: null, state: 'none' }],
    ['work order, 31 min before', min(600), wo, min(569), false, { warnAt: min(570), state: 'ok' }],
    ['work order, 30 min before', min(600), wo, min(570), false, { warnAt: min(570), state: 'warning' }],
    ['no policy: no warn window', min(600), null, min(599), false, { warnAt: null, state: 'ok' }],
  ])('%s', (_name, dueAt, policy, now, done, expected) => {
    expect(slaReading(dueAt, policy, now, done)).toEqual({ dueAt, ...expected });
  });

  it('the reading matches its contract', () => {
    const reading = slaReading(min(600), normal, min(0), false);
    expect(() => z.encode(slaReadingSchema, reading)).not.toThrow();
    expect(z.decode(slaReadingSchema, z.encode(slaReadingSchema, reading))).toEqual(reading);
  });
});

/*
 * The defaults a new project gets, written out by hand from the manual (HELP-2 five minutes, COMP-2 levels, COMP-5 a
 * month, CALL-7 two days, KEY-3, LINK-2) and the practice defaults of DESIGN.md. One line per policy, in priority
 * order: kind class level | due | warn | re-class | ladder (minutes after the deadline: roles).
 */
const CS = '0:cs_assistant+account_manager 60:cs_supervisor 240:centre_manager';
const DEFAULTS = [
  `call Q * | - | 30 | 2880 | ${CS}`,
  'call GT * | 2880 | 240 | - | 0:account_manager+cs_supervisor 1440:centre_manager',
  'call complaint * | 2880 | 240 | 2880 | 0:cs_supervisor 240:centre_manager',
  'call inquiry * | - | 0 | - | ',
  `call Z * | 4320 | 240 | 2880 | ${CS}`,
  `call * emergency | 60 | 15 | 2880 | ${CS}`,
  `call * urgent | 240 | 30 | 2880 | ${CS}`,
  `call * * | 1440 | 120 | 2880 | ${CS}`,
  'work_order * * | - | 30 | - | ',
  'help_request * * | 5 | 2 | - | 0:cs_supervisor 5:centre_manager',
  'key_loan * * | - | 30 | - | 0:front_desk+guard_leader 120:cs_supervisor',
  'complaint * major | - | 60 | - | 0:centre_manager+cs_supervisor',
  'complaint * serious | 60 | 15 | 43200 | 0:cs_supervisor 60:centre_manager',
  'complaint * * | 2880 | 240 | 43200 | 0:cs_supervisor 240:centre_manager',
  'contact_form * * | - | 60 | - | 0: 1440:centre_manager',
];
const line = (p: SlaPolicy) =>
  `${p.subjectKind} ${p.class ?? '*'} ${p.level ?? '*'} | ${p.dueMinutes ?? '-'} | ${p.warnBeforeMinutes} | ${p.reclassAfterMinutes ?? '-'} | ${p.ladder.map((s) => `${s.afterMinutes}:${s.roles.join('+')}`).join(' ')}`;

describe('default deadlines, by hand', () => {
  it('HELP-2 COMP-2 COMP-5 CALL-7 every default policy, in priority order', () => {
    expect(DEFAULT_SLA_POLICIES.map(line)).toEqual(DEFAULTS);
  });
  it('CALL-7 a call still open after two days is checked for GT; a complaint after a month (COMP-5)', async () => {
    const m = await import('./sla');
    expect([m.GT_AFTER_MINUTES, m.COMPLAINT_MAJOR_AFTER_MINUTES]).toEqual([2880, 43200]);
  });
  it('a project\'s rows of one kind keep the defaults of every other kind, and none of that kind', () => {
    const own: SlaPolicy = { subjectKind: 'help_request', class: null, level: null, dueMinutes: 10, warnBeforeMinutes: 3, ladder: [], reclassAfterMinutes: null };
    const all = withDefaults([own]);
    expect(all.filter((p) => p.subjectKind === 'help_request')).toEqual([own]);
    expect(all.filter((p) => p.subjectKind === 'call')).toHaveLength(8);
    expect(all).toHaveLength(DEFAULTS.length);
    expect(withDefaults([])).toEqual(DEFAULT_SLA_POLICIES);
  });
});

describe('warn timers and readings at their edges', () => {
  const p = (warnBeforeMinutes: number, dueMinutes: number): SlaPolicy => ({ subjectKind: 'call', class: null, level: null, dueMinutes, warnBeforeMinutes, ladder: [], reclassAfterMinutes: null });
  it('HELP-2 a warn window as long as the deadline gets no warn timer (it would fire at the start); one minute shorter does', () => {
    expect(offsets(planDeadline(p(60, 60), t0))).toEqual([]);
    expect(offsets(planDeadline(p(59, 60), t0))).toEqual(['warn0@1']);
    expect(offsets(planDeadline(p(0, 60), t0))).toEqual([]);
  });
  it('HELP-2 with no warn window the reading has no warnAt and goes from ok straight to overdue', () => {
    const due = min(60);
    expect(slaReading(due, { warnBeforeMinutes: 0 }, min(59), false)).toEqual({ dueAt: due, warnAt: null, state: 'ok' });
    expect(slaReading(due, null, min(59), false)).toEqual({ dueAt: due, warnAt: null, state: 'ok' });
    expect(slaReading(due, { warnBeforeMinutes: 1 }, min(59), false)).toEqual({ dueAt: due, warnAt: min(59), state: 'warning' });
    expect(slaReading(null, { warnBeforeMinutes: 10 }, min(59), false)).toEqual({ dueAt: null, warnAt: null, state: 'none' });
  });
});

describe('no policy, no deadline', () => {
  it('a record whose kind has no policy gets no plan', () => expect(planDeadline(null, t0)).toBeNull());
});
