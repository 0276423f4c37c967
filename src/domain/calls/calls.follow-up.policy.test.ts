import { describe, expect, it } from 'vitest';
import { can, refusal } from '../shared/policy';
import { actor, expectRow, who } from '../shared/policy-matrix.testkit';
import { callPolicy, callSettingsPolicy, type CallRec } from './calls.policy';

/*
 * CALL-4, written from SPEC.md: "each district's account manager coordinates, follows up and sees through the matters
 * of his district". Whether he may also act on another district's item is a project setting (on by default).
 * Expected answers by hand: the account manager `am` manages district d1; d2 is a colleague's.
 */
const AM = 'am-user';
const am = actor(['account_manager'], ['p1'], AM);
const FOLLOW_UPS = ['dispatch', 'chase', 'reply', 'resolve', 'reopen'] as const;
const statusFor = (a: (typeof FOLLOW_UPS)[number]): CallRec['status'] => (a === 'reopen' ? 'resolved' : 'in_progress');
const rec = (a: (typeof FOLLOW_UPS)[number], over: Partial<CallRec>): CallRec => ({ projectId: 'p1', status: statusFor(a), class: 'normal', districtId: 'd2', ...over });

describe('CALL-4 an account manager and other districts, by the project setting', () => {
  for (const a of FOLLOW_UPS) {
    it(`CALL-4 call.${a}: covering on — the account manager acts on a colleague's district; covering off — only on his own, another's is not his (404)`, () => {
      const got = {
        coverUnknown: can(callPolicy, am, a, rec(a, { districtManagerId: 'colleague' })),
        coverOn: can(callPolicy, am, a, rec(a, { districtManagerId: 'colleague', coverOtherDistricts: true })),
        offOther: refusal(callPolicy, am, a, rec(a, { districtManagerId: 'colleague', coverOtherDistricts: false })),
        offOwn: refusal(callPolicy, am, a, rec(a, { districtId: 'd1', districtManagerId: AM, coverOtherDistricts: false })),
        offNoDistrict: refusal(callPolicy, am, a, rec(a, { districtId: null, districtManagerId: null, coverOtherDistricts: false })),
      };
      expect(got).toEqual({ coverUnknown: true, coverOn: true, offOther: 'scope', offOwn: 'none', offNoDistrict: 'scope' });
    });
  }

  it('CALL-4 with covering off the desk and the supervisor still follow up every district; an account manager who is also a CS specialist does too', () => {
    const off = (a: (typeof FOLLOW_UPS)[number]) => rec(a, { districtManagerId: 'colleague', coverOtherDistricts: false });
    const spc = actor(['cs_specialist']);
    const sup = actor(['cs_supervisor']);
    const both = actor(['account_manager', 'cs_specialist'], ['p1'], AM);
    for (const a of FOLLOW_UPS) {
      expect([a, can(callPolicy, spc, a, off(a)), can(callPolicy, sup, a, off(a)), can(callPolicy, both, a, off(a))]).toEqual([a, true, true, true]);
    }
    // The front desk dispatches, chases and replies (not resolve or reopen), in every district.
    const dsk = actor(['front_desk']);
    expect(FOLLOW_UPS.map((a) => can(callPolicy, dsk, a, off(a)))).toEqual([true, true, true, false, false]);
  });

  it('CALL-4 the setting never widens: reading stays open to the account manager, closing and marking stay refused by role', () => {
    const off: CallRec = { projectId: 'p1', status: 'resolved', districtId: 'd2', districtManagerId: 'colleague', coverOtherDistricts: false };
    expect(can(callPolicy, am, 'read', off)).toBe(true);
    expect(refusal(callPolicy, am, 'close', off)).toBe('role');
    expect(refusal(callPolicy, am, 'markZ', { ...off, status: 'open' })).toBe('role');
    // and another project's item stays out of scope whatever the setting
    expect(refusal(callPolicy, am, 'reply', { ...off, projectId: 'p3', status: 'open', coverOtherDistricts: true })).toBe('scope');
  });
});

/* Who reads and who sets the project's choice: the CS centre reads it; those who run the centre (客服部主管, 项目服务中心经理) set it. */
const SETTINGS: Record<keyof typeof callSettingsPolicy.grants, string> = {
  //            adm spc ast acm sup ctr dsk tec wen eld grd gld gat ven
  read: /* */ ' .   Y   Y   Y   Y   Y   Y   .   .   .   .   .   .   . ',
  edit: /* */ ' .   .   .   .   Y   Y   .   .   .   .   .   .   .   . ',
};

describe('CALL-4 the call settings of a project, by hand', () => {
  for (const [action, row] of Object.entries(SETTINGS) as [keyof typeof SETTINGS, string][]) {
    it(`CALL-4 call_settings.${action}: ${who(row)}; everyone else refused, and another project's settings are out of scope`, () => {
      expectRow(callSettingsPolicy, action, row, { projectId: 'p1' });
    });
  }
  it('CALL-4 the settings policy has exactly these actions, under its own name', () => {
    expect(Object.keys(callSettingsPolicy.grants).sort()).toEqual(['edit', 'read']);
    expect(callSettingsPolicy.resource).toBe('call_settings');
  });
});
