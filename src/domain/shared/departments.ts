import type { Role } from './roles';

/**
 * The departments of a project's service centre (COMP-1's "which department", LINK-1's sender and receiver).
 * Each has the roles that head it: they sign for what is addressed to the department.
 */
export const DEPARTMENTS = ['customer_service', 'engineering', 'security', 'environment'] as const;
export type Department = (typeof DEPARTMENTS)[number];

export const DEPARTMENT_LABELS: Record<Department, string> = { customer_service: '客服部', engineering: '工程部', security: '保安部', environment: '环境部' };

/** Who heads each department (signs for its complaints and contact forms). The centre manager acts for any. */
export const DEPARTMENT_HEADS: Record<Department, readonly Role[]> = {
  customer_service: ['cs_supervisor'],
  engineering: ['eng_lead'],
  security: ['guard_leader'],
  environment: ['centre_manager'],
};

/** Every role that heads a department. */
export const HEAD_ROLES = ['cs_supervisor', 'eng_lead', 'guard_leader', 'centre_manager'] as const satisfies readonly Role[];

/** Whether the roles head the department (the centre manager heads every one). */
export const headsDepartment = (roles: ReadonlySet<Role>, d: Department) => roles.has('centre_manager') || DEPARTMENT_HEADS[d].some((r) => roles.has(r));
