import type { Role } from '../shared/roles';

/** Chinese names of the roles, for the UI. Pure: no zod or drizzle, so the web bundle can import it. */
export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  cs_specialist: '客服专员',
  cs_assistant: '客服助理',
  account_manager: '客户经理',
  cs_supervisor: '客服主管',
  centre_manager: '服务中心经理',
  front_desk: '前台/客服部管理员',
  technician: '工程维护员',
  warranty_engineer: '工程师(开发商保修)',
  eng_lead: '工程部领班',
  guard: '保安员',
  guard_leader: '保安班长',
  gate_guard: '入口值班保安',
  vendor: '外联单位',
};
