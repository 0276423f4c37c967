/**
 * The Chinese names of the audit trail's actions and objects: what the trail shows and what a supervisor
 * types to find an entry ("查看完整号码", not `person.reveal`). Features that add actions add their names here;
 * an action without one shows its code.
 */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录',
  'auth.login_attempt': '登录尝试',
  'auth.login_failed': '登录失败',
  'auth.login_blocked': '登录被限制',
  'auth.logout': '退出登录',
  'household.read': '查看业户档案',
  'household.accompanied_read': '陪同查看业户档案',
  'accompanied.start': '开始陪同查阅',
  'accompanied.end': '结束陪同查阅',
  'accompanied.confirm_failed': '陪同确认失败',
  'accompanied.confirm_blocked': '陪同确认被限制',
  'household.search': '查找业户',
  'household.update': '修改业户',
  'person.create': '添加人员',
  'person.update': '修改人员',
  'person.reveal': '查看完整号码',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'register.import': '导入房屋档案',
  'call.create': '登记来电来访',
  'call.class_override': '更改分类',
  'call.dispatch': '派工',
  'call.reply': '回复业户',
  'call.resolve': '处理完毕',
  'call.close': '销项',
  'call.reopen': '重新打开',
  'call.auto_gt': '自动转为GT',
  'call.deadline_missed': '超过期限',
  'work_order.accept': '接单',
  'work_order.arrive': '到场',
  'work_order.complete': '完工',
  'work_order.verify': '验收通过',
  'work_order.reject': '验收不通过',
  'work_order.reassign': '改派',
  'work_order.cancel': '撤销报修单',
  'work_order.chase': '催办',
  'work_order.call_request': '请前台代拨电话',
  'visit.settings': '修改回访抽样比例',
  'work_order.call_done': '前台记录代拨结果',
  'system.seed_demo': '生成演示数据',
  'system.setup': '系统初始化',
};

export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  call: '来电来访记录',
  work_order: '报修单',
  household: '业户',
  person: '人员',
  user: '用户',
  project: '项目',
  visit_settings: '回访设置',
};

/** The codes whose Chinese name contains the typed words (empty when none does). */
export function actionsNamed(words: string): string[] {
  const w = words.trim();
  if (!w) return [];
  return Object.entries(AUDIT_ACTION_LABELS)
    .filter(([, label]) => label.includes(w))
    .map(([code]) => code);
}

/** Names of the details' keys, reason first: what the trail shows instead of raw JSON. Ids stay out. */
export const AUDIT_DETAIL_LABELS: Record<string, string> = {
  reason: '原因',
  lead: '陪同的领导',
  field: '查看项',
  fields: '修改项',
  from: '原分类',
  to: '改为',
  class: '分类',
  number: '编号',
  closeNumber: '销项编号',
  workOrder: '报修单',
  level: '级别',
  note: '说明',
  q: '查询',
  results: '结果数',
  units: '房屋数',
  households: '业户数',
  username: '用户名',
  roles: '角色',
  relation: '关系',
  passwordChanged: '修改了密码',
};
