import { Tag } from 'antd';
import { COMPLAINT_LEVEL_LABELS, COMPLAINT_STATUS_LABELS } from '../../../domain/complaints/labels';
import type { ComplaintLevel, ComplaintStatus } from '../../../domain/complaints/complaints.table';

const LEVEL_COLORS: Record<ComplaintLevel, string> = { major: 'red', serious: 'orange', minor: 'blue' };
const STATUS_COLORS: Record<ComplaintStatus, string> = { recorded: 'gold', assigned: 'orange', in_progress: 'processing', returned: 'cyan', informed: 'geekblue', closed: 'green', invalid: 'default' };

export const LevelTag = ({ value }: { value: ComplaintLevel | null }) => (value ? <Tag color={LEVEL_COLORS[value]}>{COMPLAINT_LEVEL_LABELS[value]}</Tag> : null);
export const ComplaintStatusTag = ({ value }: { value: ComplaintStatus }) => <Tag color={STATUS_COLORS[value]} data-testid="complaint-status">{COMPLAINT_STATUS_LABELS[value]}</Tag>;
