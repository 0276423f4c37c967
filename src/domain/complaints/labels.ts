import type { ComplaintLevel, ComplaintStatus } from './complaints.table';
export { DEPARTMENT_LABELS } from '../shared/departments';

/** Chinese labels of the complaint's enums (pure module, importable by the web app). */
export const COMPLAINT_LEVEL_LABELS: Record<ComplaintLevel, string> = { major: '重大', serious: '重要', minor: '轻微' };
export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, string> = {
  recorded: '待判定',
  assigned: '待部门签收',
  in_progress: '部门处理中',
  returned: '已处理待告知',
  informed: '已告知待回访',
  closed: '已关闭',
  invalid: '无效投诉',
};
