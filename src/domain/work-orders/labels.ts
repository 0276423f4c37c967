import type { WorkOrderStatus } from './work-orders.table';

/** Chinese labels of the work order's enums (pure module, importable by the web app). */
export const WORK_ORDER_STATUS_LABELS: Record<WorkOrderStatus, string> = {
  assigned: '已派单',
  accepted: '已接单',
  on_site: '已到场',
  done: '已完工待验收',
  verified: '已验收',
  cancelled: '已取消',
};
