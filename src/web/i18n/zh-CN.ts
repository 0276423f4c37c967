/**
 * The web app's message catalog (zh-CN). Every string the UI shows lives here, so an English catalog
 * can follow with the same keys. Labels of domain enums are the domain's own pure label modules.
 */
import { ROLE_LABELS } from '../../domain/users/role-labels';
import { RELATION_LABELS } from '../../domain/property/labels';
import { serviceDeskMessages } from './zh-CN-service-desk';
import { AUDIT_ACTION_LABELS, AUDIT_DETAIL_LABELS, AUDIT_ENTITY_LABELS } from '../../domain/audit/audit-labels';
import { helpMessages } from './zh-CN-help';
import { keyMessages } from './zh-CN-keys';
import { archiveMessages } from './zh-CN-archives';
import { complaintMessages } from './zh-CN-complaints';
import { accompaniedMessages } from './zh-CN-accompanied';
import { registerMessages } from './zh-CN-register';
import { ACCEPTANCE_LABELS, VEHICLE_KIND_LABELS } from '../../domain/property/labels';
export { historyFieldLabels } from './zh-CN-register';

export const zhCN = {
  'app.name': '物业客服台',
  'app.loading': '加载中…',
  'app.pageLoading': '页面加载中',
  'app.logout': '退出登录',
  'app.project': '项目',
  'app.switchProject': '切换项目',
  'app.noProject': '未分配项目',
  'menu.home': '工作台',
  'menu.register': '房屋档案',
  'menu.users': '用户管理',
  'menu.audit': '审计日志',
  'crumb.detail': '详情',
  'crumb.print': '打印',
  'notFound.title': '页面不存在',
  'notFound.subtitle': '您访问的页面不存在，或您没有访问权限。',
  'notFound.back': '返回工作台',
  'error.title': '加载失败',
  'routeError.title': '页面出错了',
  'routeError.hint': '已记录这个问题。您输入的内容如有草稿会保留，可重新加载页面或返回工作台。',
  'routeError.offlineTitle': '暂时连不上服务器',
  'routeError.offlineHint': '页面内容未能加载。服务器恢复后本页会自动重新加载，也可以稍后手动重试。',
  'routeError.reload': '重新加载',
  'routeError.home': '返回工作台',
  'error.retry': '重试',
  'error.network': '网络连接失败，请检查网络后重试',
  'error.unknown': '操作失败，请稍后再试',
  'error.conflict': '该记录已被他人修改，已为您刷新最新数据，请核对后重新提交',

  'login.title': '物业客服台',
  'login.subtitle': '佳宏物业 · 客户服务中心',
  'login.username': '用户名',
  'login.password': '密码',
  'login.usernameRequired': '请输入用户名',
  'login.passwordRequired': '请输入密码',
  'login.submit': '登录',
  'login.demoStore': '演示环境：账号使用公开的演示密码',
  'login.demoStoreHint': '这里的数据仅供试用，请勿录入真实业户信息。正式使用前请由管理员修改或停用演示账号。',

  'home.welcome': '您好，{name}',
  'home.roles': '角色',
  'home.projects': '负责项目',
  'home.shortcuts': '常用功能',
  'home.tip': '提示：在房屋档案页按 / 键可直接定位到查找框。',

  'register.title': '房屋档案',
  'register.searchTotal': '共 {n} 户',
  'register.searchPlaceholder': '房号 3-2-1502、姓名或手机号后四位，回车查找（按 / 定位）',
  'register.searchButton': '查找',
  'register.searchResults': '查找结果：“{q}”',
  'register.searchEmpty': '没有找到匹配的业户',
  'register.clearSearch': '返回房屋列表',
  'register.tree': '项目 / 辖区 / 楼栋',
  'register.allUnits': '全部房屋',
  'register.accountManager': '客户经理：{name}',
  'register.unitFilter': '按房号筛选',
  'register.units': '房屋列表',
  'register.unitsTotal': '共 {n} 套',
  'register.vacant': '空置',
  'register.open': '查看',
  'register.noProject': '您没有可查看的项目',
  'unit.code': '房号',
  'unit.floor': '楼层',
  'unit.area': '面积(㎡)',
  'unit.handover': '交房日期',
  'unit.resident': '业主/住户',
  'unit.status': '状态',
  'unit.occupied': '已入住',

  'household.title': '业户档案 {code}',
  'household.project': '项目',
  'household.district': '辖区',
  'household.building': '楼栋',
  'household.unit': '房号',
  'household.floor': '楼层',
  'household.area': '面积',
  'household.handover': '交房日期',
  'household.movedIn': '入住日期',
  'household.note': '备注',
  'household.edit': '修改入住/迁出日期、备注',
  'household.persons': '家庭成员与联系人',
  'household.maskedHint': '个人信息已遮蔽显示，查看完整号码需说明原因并留痕。',
  'person.relation': '关系',
  'person.name': '姓名',
  'person.phone': '电话',
  'person.idNumber': '身份证号',
  'person.none': '未登记',
  'reveal.hidesSoon': '完整号码 30 秒后自动隐藏',
  'reveal.button': '查看',
  'reveal.aria': '查看{name}的{field}',
  'reveal.title': '查看完整{field}',
  'reveal.reason': '查看原因',
  'reveal.reasonPlaceholder': '例如：业主来电报修，需回拨确认上门时间',
  'reveal.reasonRequired': '请说明查看原因（至少 2 个字）',
  'reveal.notice': '本次查看将记录在审计日志中（查看人、时间、原因）。请勿抄写、复印或泄露业户资料。',
  'reveal.ok': '确认查看',

  'users.title': '用户管理',
  'users.create': '新建用户',
  'users.edit': '编辑用户',
  'users.username': '用户名',
  'users.displayName': '姓名',
  'users.password': '密码',
  'users.newPassword': '重置密码',
  'users.newPasswordHint': '留空则不修改；修改后该用户需重新登录',
  'users.roles': '角色',
  'users.projects': '负责项目',
  'users.status': '状态',
  'users.enabled': '启用',
  'users.disabled': '已停用',
  'users.disable': '停用账号',
  'users.actions': '操作',
  'users.created': '已创建用户 {name}',
  'users.search': '按用户名或姓名筛选',
  'users.rolesRequired': '至少选择一个角色',
  'users.usernameRequired': '请输入用户名',
  'users.displayNameRequired': '请输入姓名',
  'users.passwordRule': '密码至少 8 位',

  'audit.actionPlaceholder': '如 查看完整号码',
  'audit.actorPlaceholder': '姓名或用户名',
  'audit.title': '审计日志',
  'audit.action': '动作',
  'audit.actor': '操作人',
  'audit.range': '时间范围',
  'audit.search': '查询',
  'audit.reset': '重置',
  'audit.more': '加载更早的记录',
  'audit.end': '没有更早的记录了',
  'audit.seq': '序号',
  'audit.at': '时间',
  'audit.entity': '对象',
  'audit.subject': '主体',
  'audit.detail': '详情',
  'audit.ip': 'IP',
  'audit.system': '系统',

  'common.ok': '确定',
  'common.cancel': '取消',
  'common.save': '保存',
  'common.saved': '已保存',
  'common.yes': '是',
  'common.no': '否',
  ...serviceDeskMessages,
  ...helpMessages,
  ...keyMessages,
  ...archiveMessages,
  ...complaintMessages,
  ...accompaniedMessages,
  ...registerMessages,
} as const;

export type MessageKey = keyof typeof zhCN;

/** Looks a message up and fills `{name}` placeholders. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const text: string = zhCN[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

// Domain enum labels come from the pure label modules (no zod or drizzle reaches the browser).
export const roleLabels = ROLE_LABELS;
export const relationLabels = RELATION_LABELS;
export const vehicleKindLabels = VEHICLE_KIND_LABELS;
export const acceptanceLabels = ACCEPTANCE_LABELS;

/** Audit actions and objects the UI names (the domain's own list); unknown ones show their code. */
export const auditActionLabels = AUDIT_ACTION_LABELS;
export const auditEntityLabels = AUDIT_ENTITY_LABELS;
export const auditDetailLabels = AUDIT_DETAIL_LABELS;

export const fieldLabels = { phone: '电话', idNumber: '身份证号' } as const satisfies Record<'phone' | 'idNumber', string>;
