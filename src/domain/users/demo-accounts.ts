import type { Role } from '../shared/roles';

/** The published password of every demo account (README lists them). */
export const DEMO_PASSWORD = 'demo1234';

/** One demo account per role (README lists them). */
export const DEMO_USERS: { username: string; displayName: string; roles: Role[] }[] = [
  { username: 'admin', displayName: '系统管理员', roles: ['admin'] },
  { username: 'kefu', displayName: '王晓丽', roles: ['cs_specialist'] },
  { username: 'zhuli', displayName: '陈敏', roles: ['cs_assistant'] },
  { username: 'jingli', displayName: '刘建国', roles: ['account_manager'] },
  { username: 'jingli2', displayName: '周海燕', roles: ['account_manager'] },
  { username: 'jingli3', displayName: '吴志强', roles: ['account_manager'] },
  { username: 'zhuguan', displayName: '赵丹', roles: ['cs_supervisor'] },
  { username: 'zhongxin', displayName: '孙文辉', roles: ['centre_manager'] },
  { username: 'qiantai', displayName: '林佳怡', roles: ['front_desk'] },
  { username: 'weixiu', displayName: '马强', roles: ['technician'] },
  { username: 'gongchengshi', displayName: '郭工(开发商)', roles: ['warranty_engineer'] },
  { username: 'lingban', displayName: '黄磊', roles: ['eng_lead'] },
  { username: 'baoan', displayName: '朱勇', roles: ['guard'] },
  { username: 'banzhang', displayName: '胡刚', roles: ['guard_leader'] },
  { username: 'menwei', displayName: '何军', roles: ['gate_guard'] },
  { username: 'waibu', displayName: '宽带公司维修', roles: ['vendor'] },
];

