import { describe, expect, it } from 'vitest';
import { DEPARTMENTS, DEPARTMENT_HEADS, HEAD_ROLES, headsDepartment } from './departments';
import type { Role } from './roles';

describe('departments and their heads, by hand', () => {
  it('COMP-3 LINK-1 the departments and who heads each (the centre manager heads every one)', () => {
    expect([...DEPARTMENTS]).toEqual(['customer_service', 'engineering', 'security', 'environment']);
    expect(DEPARTMENT_HEADS).toEqual({ customer_service: ['cs_supervisor'], engineering: ['eng_lead'], security: ['guard_leader'], environment: ['centre_manager'] });
    expect([...HEAD_ROLES]).toEqual(['cs_supervisor', 'eng_lead', 'guard_leader', 'centre_manager']);
  });
  it('COMP-3 headsDepartment per role and department; roles that head nothing head nothing', () => {
    const heads = (roles: Role[]) => DEPARTMENTS.filter((d) => headsDepartment(new Set(roles), d));
    expect(heads(['cs_supervisor'])).toEqual(['customer_service']);
    expect(heads(['eng_lead'])).toEqual(['engineering']);
    expect(heads(['guard_leader'])).toEqual(['security']);
    expect(heads(['centre_manager'])).toEqual(['customer_service', 'engineering', 'security', 'environment']);
    expect(heads(['cs_specialist', 'guard', 'technician', 'admin'])).toEqual([]);
    expect(heads(['eng_lead', 'guard_leader'])).toEqual(['engineering', 'security']);
  });
});
