import { Tag } from 'antd';
import { CLASS_COLORS } from './class-colors';
import { CALL_STATUS_LABELS, CLASS_LABELS, URGENCY_LABELS } from '../../domain/calls/labels';
import { WORK_ORDER_STATUS_LABELS } from '../../domain/work-orders/labels';
import type { CallClass, CallStatus, Urgency } from '../../domain/calls/calls.table';
import type { WorkOrderStatus } from '../../domain/work-orders/work-orders.table';

const STATUS_COLORS: Record<CallStatus, string> = { open: 'gold', in_progress: 'processing', resolved: 'lime', closed: 'success' };
const URGENCY_COLORS: Record<Urgency, string> = { normal: 'default', urgent: 'orange', emergency: 'red' };
const WO_COLORS: Record<WorkOrderStatus, string> = { assigned: 'gold', accepted: 'processing', on_site: 'processing', done: 'lime', verified: 'success', cancelled: 'default' };

export const ClassTag = ({ value }: { value: CallClass }) => (
  <Tag color={CLASS_COLORS[value]} data-testid="class-tag">
    {CLASS_LABELS[value]}
  </Tag>
);

export const StatusTag = ({ value }: { value: CallStatus }) => (
  <Tag color={STATUS_COLORS[value]} data-testid="status-tag">
    {CALL_STATUS_LABELS[value]}
  </Tag>
);

export const UrgencyTag = ({ value }: { value: Urgency }) => <Tag color={URGENCY_COLORS[value]}>{URGENCY_LABELS[value]}</Tag>;

export const WorkOrderStatusTag = ({ value }: { value: WorkOrderStatus }) => (
  <Tag color={WO_COLORS[value]} data-testid="wo-status">
    {WORK_ORDER_STATUS_LABELS[value]}
  </Tag>
);
