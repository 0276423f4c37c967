import { describe, expect, it } from 'vitest';
import { CS_ROLES, MANAGER_ROLES, ROLES } from './roles';
import { COLUMNS } from './policy-matrix.testkit';

/* The role list of SPEC.md ("Who works here"), written out by hand; the administrator keeps accounts. */
describe('roles', () => {
  it('ARC-10 the roles are exactly those of the manual plus the administrator, in this order', () => {
    expect([...ROLES]).toEqual([
      'admin', 'cs_specialist', 'cs_assistant', 'account_manager', 'cs_supervisor', 'centre_manager', 'front_desk',
      'technician', 'warranty_engineer', 'eng_lead', 'guard', 'guard_leader', 'gate_guard', 'vendor',
    ]);
  });
  it('ARC-12 the customer-service roles (full names, reveal on request) are the six of the CS centre; no field staff, guard, vendor or admin', () => {
    expect([...CS_ROLES]).toEqual(['cs_specialist', 'cs_assistant', 'account_manager', 'cs_supervisor', 'centre_manager', 'front_desk']);
  });
  it('ARC-12 the managers are the CS supervisor, the centre manager and the administrator', () => {
    expect([...MANAGER_ROLES]).toEqual(['cs_supervisor', 'centre_manager', 'admin']);
  });
  it('ARC-10 the hand-written policy tables have one column per role', () => {
    expect([...COLUMNS].sort()).toEqual([...ROLES].sort());
  });
});
