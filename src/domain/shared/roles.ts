/** The roles of the manual (SPEC.md "Who works here"). One array feeds pgEnum, zod and the UI. */
export const ROLES = [
  'admin', // 系统管理员
  'cs_specialist', // 客服专员
  'cs_assistant', // 客服助理
  'account_manager', // 客户经理(辖区)
  'cs_supervisor', // 客服部主管
  'centre_manager', // 项目服务中心经理
  'front_desk', // 前台 / 客服部管理员
  'technician', // 工程维护员
  'warranty_engineer', // 工程师(开发商保修)
  'eng_lead', // 工程部领班
  'guard', // 保安员
  'guard_leader', // 保安班长
  'gate_guard', // 入口值班保安
  'vendor', // 外联单位
] as const;
export type Role = (typeof ROLES)[number];

/** Roles whose daily work is talking to households: they see full names and may reveal contact data (ARC-11, ARC-12). */
export const CS_ROLES: readonly Role[] = [
  'cs_specialist',
  'cs_assistant',
  'account_manager',
  'cs_supervisor',
  'centre_manager',
  'front_desk',
];

export const MANAGER_ROLES: readonly Role[] = ['cs_supervisor', 'centre_manager', 'admin'];
