import type { CallClass, CallStatus, Urgency } from './calls.table';

/** Chinese labels of the service desk's enums (pure module, importable by the web app). */
export const CLASS_LABELS: Record<CallClass, string> = {
  normal: '一般报修',
  Z: 'Z 保修',
  Q: 'Q 外联',
  GT: 'GT 协调',
  complaint: '投诉',
  inquiry: '咨询',
};

export const CALL_STATUS_LABELS: Record<CallStatus, string> = {
  open: '待处理',
  in_progress: '处理中',
  resolved: '已处理待回复',
  closed: '已完成',
};

export const URGENCY_LABELS: Record<Urgency, string> = { normal: '一般', urgent: '紧急', emergency: '特急' };

export const REPLY_CHANNEL_LABELS = { phone: '电话', visit: '上门', sms: '短信', wechat: '微信', notice: '通知' } as const;
