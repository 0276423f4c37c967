import { and, eq, sql } from 'drizzle-orm';
import { complaints } from '../../domain/complaints/complaints.table';
import { DEPARTMENT_ROLES } from '../../domain/complaints/complaints.policy';
import { isComplaintOpen } from '../../domain/complaints/complaints.status';
import { COMPLAINT_LEVEL_LABELS } from '../../domain/complaints/labels';
import { localTime } from '../../domain/shared/business-time';
import type { Role } from '../../domain/shared/roles';
import { appendAudit } from '../audit/audit.writer';
import { notify, usersWithRoles } from '../notifications/notifier';
import { subjectTimers, type TimerRunner } from '../deadlines/timers';
import { slaPoliciesOf } from '../deadlines/sla-policies';
import type { Store } from '../db/store';
import { addComplaintEvent, findComplaint } from './complaints.repository';
import { planComplaint, replanComplaintTimers } from './complaint-deadline';

/** The payload of each kind of complaint timer. */
export interface ComplaintTimerPayloads {
  warn: { roles?: Role[] };
  escalate: { roles?: Role[] };
  gt_check: { roles?: Role[] };
  inform_check: Record<string, never>;
}

/** What a complaint's timers do when they fire (COMP-2, 4, 5). */
export function complaintTimers(store: Store) {
  return subjectTimers<ComplaintTimerPayloads>()('complaint', {
    warn: async (tx, t, now) => {
      const c = await findComplaint(tx, t.subjectId);
      if (!c || !isComplaintOpen(c.status)) return { skipped: 'done' };
      const to = await usersWithRoles(tx, c.projectId, DEPARTMENT_ROLES[c.department]);
      await notify(tx, to.map((userId) => ({ userId, projectId: c.projectId, type: 'deadline.warning', title: `投诉即将超时：${c.number}`, body: `须在 ${c.dueAt ? localTime(c.dueAt) : ''} 前处理并退回：${c.content.slice(0, 60)}`, link: `/complaints/${c.id}` })), now);
      return { notified: to.length };
    },

    escalate: async (tx, t, now) => {
      const c = await findComplaint(tx, t.subjectId);
      if (!c || !isComplaintOpen(c.status)) return { skipped: 'done' };
      const roles = (t.payload?.roles ?? []).filter(Boolean);
      const to = new Set([...(await usersWithRoles(tx, c.projectId, roles)), ...(await usersWithRoles(tx, c.projectId, DEPARTMENT_ROLES[c.department]))]);
      await notify(tx, [...to].map((userId) => ({ userId, projectId: c.projectId, type: 'deadline.escalation', title: `投诉超时升级（第 ${t.level} 级）：${c.number}`, body: `${c.level ? COMPLAINT_LEVEL_LABELS[c.level] : ''}投诉已超时：${c.content.slice(0, 60)}`, link: `/complaints/${c.id}`, detail: { level: t.level, complaintId: c.id } })), now);
      await addComplaintEvent(tx, c, now, null, t.level === 1 ? 'deadline_missed' : 'deadline_escalated', { level: t.level, roles, to: to.size });
      if (t.level === 1) await appendAudit(tx, { actor: null, action: 'complaint.deadline_missed', entity: 'complaint', entityId: c.id, projectId: c.projectId, detail: { level: c.level } }, now);
      return { notified: to.size };
    },

    // COMP-5: a valid complaint still open a month after it was recorded becomes major by itself.
    gt_check: async (tx, _t, now) => {
      const c = await findComplaint(tx, _t.subjectId);
      if (!c || !c.valid || !isComplaintOpen(c.status) || c.level === 'major') return { skipped: 'not applicable' };
      const plan = planComplaint(await slaPoliciesOf(tx, store, c.projectId), 'major', now, c.createdAt, null);
      const [row] = await tx
        .update(complaints)
        .set({ level: 'major', autoMajorAt: now, dueAt: plan?.dueAt ?? c.dueAt, version: sql`${complaints.version} + 1` })
        .where(and(eq(complaints.id, c.id), eq(complaints.status, c.status)))
        .returning();
      if (!row) return { skipped: 'changed meanwhile' };
      if (plan) await replanComplaintTimers(tx, row.projectId, row.id, plan.timers);
      await addComplaintEvent(tx, row, now, null, 'auto_major', { from: c.level });
      await appendAudit(tx, { actor: null, action: 'complaint.auto_major', entity: 'complaint', entityId: c.id, projectId: c.projectId, detail: { from: c.level } }, now);
      const to = await usersWithRoles(tx, c.projectId, ['centre_manager', ...DEPARTMENT_ROLES[c.department]]);
      await notify(tx, to.map((userId) => ({ userId, projectId: c.projectId, type: 'complaint.auto_major', title: `投诉 ${c.number} 超过一个月未处理，升为重大投诉`, body: c.content.slice(0, 80), link: `/complaints/${c.id}` })), now);
      return { from: c.level };
    },

    // COMP-4: the household must hear the result the day the department returned it.
    inform_check: async (tx, t, now) => {
      const c = await findComplaint(tx, t.subjectId);
      if (!c || c.status !== 'returned') return { skipped: 'informed' };
      const to = new Set([c.recordedBy, ...(await usersWithRoles(tx, c.projectId, ['cs_assistant', 'cs_supervisor']))]);
      await notify(tx, [...to].map((userId) => ({ userId, projectId: c.projectId, type: 'complaint.inform_due', title: `投诉 ${c.number} 今天须告知业户处理结果`, body: c.action ?? '', link: `/complaints/${c.id}` })), now);
      await addComplaintEvent(tx, c, now, null, 'inform_due', {});
      return { notified: to.size };
    },
  });
}

export function registerComplaintTimers(runner: TimerRunner, store: Store): void {
  runner.register(complaintTimers(store));
}
