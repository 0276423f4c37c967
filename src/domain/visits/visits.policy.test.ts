import { describe, expect, it } from 'vitest';
import { can, refusal } from '../shared/policy';
import { actor, expectRow, who } from '../shared/policy-matrix.testkit';
import { visitPolicy, visitSettingsPolicy } from './visits.policy';

/*
 * 回访 (VISIT-1..5): customer service reads the work list and the figures; the desk, the account manager and the
 * supervisor visit and record (not the centre manager); VISIT-2's share is set by the two managers.
 */
//                         adm spc ast acm sup ctr dsk tec wen eld grd gld gat ven
const READ = '             .   Y   Y   Y   Y   Y   Y   .   .   .   .   .   .   . ';
const RECORD = '           .   Y   Y   Y   Y   .   Y   .   .   .   .   .   .   . ';
const SETTINGS_EDIT = '    .   .   .   .   Y   Y   .   .   .   .   .   .   .   . ';

describe('visit policies, by hand', () => {
  it(`VISIT-5 visit.read: ${who(READ)}; everyone else refused; other project out of scope`, () => {
    expectRow(visitPolicy, 'read', READ, { projectId: 'p1', status: 'due', version: 1 });
  });
  it(`VISIT-3 visit.record of a due visit: ${who(RECORD)}; everyone else refused; other project out of scope`, () => {
    expectRow(visitPolicy, 'record', RECORD, { projectId: 'p1', status: 'due', version: 1 });
  });
  it('VISIT-3 a visit already done cannot be recorded again (state conflict)', () => {
    const a = actor(['cs_specialist']);
    expect(can(visitPolicy, a, 'record', { projectId: 'p1', status: 'done', version: 2 })).toBe(false);
    expect(refusal(visitPolicy, a, 'record', { projectId: 'p1', status: 'done', version: 2 })).toBe('state');
    expect(can(visitPolicy, a, 'read', { projectId: 'p1', status: 'done', version: 2 })).toBe(true);
  });
  it(`VISIT-2 visit_settings.read: ${who(READ)}; edit: ${who(SETTINGS_EDIT)}; others refused`, () => {
    expectRow(visitSettingsPolicy, 'read', READ, { projectId: 'p1' });
    expectRow(visitSettingsPolicy, 'edit', SETTINGS_EDIT, { projectId: 'p1' });
  });
  it('VISIT-2 the policies have exactly the actions of the table', () => {
    expect(Object.keys(visitPolicy.grants).sort()).toEqual(['read', 'record']);
    expect(Object.keys(visitSettingsPolicy.grants).sort()).toEqual(['edit', 'read']);
    expect([visitPolicy.resource, visitSettingsPolicy.resource]).toEqual(['visit', 'visit_settings']);
  });
});
