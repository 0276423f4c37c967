import { Tag } from 'antd';
import { HELP_CATEGORY_LABELS, HELP_STATUS_LABELS, HELP_STEP_STATUS_LABELS } from '../../../domain/help/labels';
import type { HelpCategory, HelpStatus, HelpStepStatus } from '../../../domain/help/help.table';

const CATEGORY_COLORS: Record<HelpCategory, string> = { medical: 'red', repair: 'blue', complaint: 'volcano', inquiry: 'default', security: 'magenta', disaster: 'orange', other: 'cyan' };
const STATUS_COLORS: Record<HelpStatus, string> = { open: 'gold', handling: 'processing', closed: 'success' };
const STEP_COLORS: Record<HelpStepStatus, string> = { pending: 'gold', acknowledged: 'processing', done: 'success' };

export const HelpCategoryTag = ({ value }: { value: HelpCategory }) => <Tag color={CATEGORY_COLORS[value]}>{HELP_CATEGORY_LABELS[value]}</Tag>;
export const HelpStatusTag = ({ value }: { value: HelpStatus }) => (
  <Tag color={STATUS_COLORS[value]} data-testid="help-status">
    {HELP_STATUS_LABELS[value]}
  </Tag>
);
export const StepStatusTag = ({ value }: { value: HelpStepStatus }) => (
  <Tag color={STEP_COLORS[value]} data-testid="step-status">
    {HELP_STEP_STATUS_LABELS[value]}
  </Tag>
);
