/** Server-side message catalog (zh-CN). Keys are the stable error codes clients may rely on. */
export const zhCN = {
  VALIDATION_FAILED: '提交的数据有误，请检查标出的字段',
  UNAUTHENTICATED: '请先登录',
  SESSION_EXPIRED: '登录已过期，请重新登录',
  BAD_CREDENTIALS: '用户名或密码错误',
  USER_DISABLED: '该账号已停用',
  RATE_LIMITED: '登录尝试过于频繁，请稍后再试',
  CSRF_FAILED: '请求来源校验失败，请刷新页面后重试',
  FORBIDDEN: '您没有执行此操作的权限',
  NOT_FOUND: '记录不存在',
  VERSION_CONFLICT: '该记录已被他人修改，请刷新后再操作',
  INVALID_STATE: '记录当前的状态不允许此操作，请刷新后查看',
  DUPLICATE: '记录已存在',
  WRITE_CONFLICT: '与他人同时保存发生冲突，本次未保存，请再提交一次',
  IMPORT_INVALID: '导入文件有错误，未导入任何数据',
  PAYLOAD_TOO_LARGE: '上传的内容过大',
  UNSUPPORTED_MEDIA_TYPE: '不支持的内容类型',
  STORE_UNAVAILABLE: '数据库暂时不可用，请稍后再试',
  INTERNAL: '系统内部错误，已记录，请联系管理员',
  // field-level
  REQUIRED: '必填',
  USERNAME_TAKEN: '用户名已被使用',
  PASSWORD_TOO_SHORT: '密码至少 8 位',
  WEAK_PASSWORD: '密码太容易被猜到',
  IDEMPOTENCY_KEY_REUSED: '该提交编号已用于另一条内容不同的记录',
  UNKNOWN_PROJECT: '项目不存在或无权访问',
  KEY_OWNER_ONLY: '房屋钥匙只交给业主本人或持业主书面授权的人，并须先核验身份',
  CS_CONFIRM_FAILED: '陪同的客服人员未能确认，请核对用户名和密码',
  RECORD_RETAINED: '该记录仍在保存期内，不能删除',
  COMPLAINT_NOT_RECORDED: '投诉须先转投诉处理（登记投诉单），才能派工或办结',
  COMPLAINT_STAYS: '业户明确表示的投诉须转投诉处理，不能改为其他分类',
} as const;
export type MessageKey = keyof typeof zhCN;

export function t(key: MessageKey): string {
  return zhCN[key];
}
