import { describe, expect, it } from 'vitest';
import { can, refusal } from '../shared/policy';
import { actor, expectRow, who } from '../shared/policy-matrix.testkit';
import { auditPolicy } from './audit.policy';

/*
 * The audit trail (ARC-12: every reveal is audited, and somebody must read it): the administrator reads all of it,
 * the CS supervisor and the service-centre manager the entries of their own projects; nobody else.
 */
//                 adm spc ast acm sup ctr dsk tec wen eld grd gld gat ven
const READ = '     Y   .   .   .   Y   Y   .   .   .   .   .   .   .   . ';

describe('audit policy, by hand', () => {
  it(`ARC-12 audit.read of an entry of his project: ${who(READ)}; everyone else refused`, () => {
    expectRow(auditPolicy, 'read', READ, { projectId: 'p1' }, 'own-test');
  });
  it('ARC-12 supervisors and the centre manager do not read another project\'s entries, nor entries of no project (404)', () => {
    for (const role of ['cs_supervisor', 'centre_manager'] as const) {
      const a = actor([role], ['p1']);
      expect([role, can(auditPolicy, a, 'read', { projectId: 'p9' }), refusal(auditPolicy, a, 'read', { projectId: 'p9' })]).toEqual([role, false, 'scope']);
      expect([role, can(auditPolicy, a, 'read', { projectId: null })]).toEqual([role, false]);
    }
  });
  it('ARC-12 the administrator reads every entry: other projects and entries of no project, without any project of his own', () => {
    const admin = actor(['admin'], []);
    expect(can(auditPolicy, admin, 'read', { projectId: 'p9' })).toBe(true);
    expect(can(auditPolicy, admin, 'read', { projectId: null })).toBe(true);
    expect(refusal(auditPolicy, admin, 'read', { projectId: null })).toBe('none');
  });
  it('ARC-12 the policy has exactly the read action', () => {
    expect(Object.keys(auditPolicy.grants)).toEqual(['read']);
    expect(auditPolicy.resource).toBe('audit');
  });
});
