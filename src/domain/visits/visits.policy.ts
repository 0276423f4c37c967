import { definePolicy, type Scoped } from '../shared/policy';
import type { VisitStatus } from './visits.table';

export interface VisitRec extends Scoped {
  status: VisitStatus;
  version: number;
}

const CS = ['cs_specialist', 'cs_assistant', 'front_desk', 'account_manager', 'cs_supervisor', 'centre_manager'] as const;

/** 回访: customer service reads the work list, visits and records; the figures are for everyone of customer service. */
export const visitPolicy = definePolicy<VisitRec, 'read' | 'record'>('visit', {
  read: { roles: CS, scope: 'project' },
  record: { roles: ['cs_specialist', 'cs_assistant', 'account_manager', 'cs_supervisor', 'front_desk'], scope: 'project', when: (r) => r.status === 'due' },
});

/** VISIT-2's share per project: customer service reads it; the supervisors (客服主管, 服务中心经理) set it. */
export const visitSettingsPolicy = definePolicy<Scoped, 'read' | 'edit'>('visit_settings', {
  read: { roles: CS, scope: 'project' },
  edit: { roles: ['cs_supervisor', 'centre_manager'], scope: 'project' },
});
