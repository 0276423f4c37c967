import type { CallClass, CallStatus, Urgency } from './calls.table';
import type { WorkOrderStatus } from '../work-orders/work-orders.table';

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

export const WORK_ORDER_STATUS_LABELS: Record<WorkOrderStatus, string> = {
  assigned: '已派单',
  accepted: '已接单',
  on_site: '已到场',
  done: '已完工待验收',
  verified: '已验收',
  cancelled: '已取消',
};

export const REPLY_CHANNEL_LABELS = { phone: '电话', visit: '上门', sms: '短信', wechat: '微信', notice: '通知' } as const;
