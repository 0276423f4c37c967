import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { callRecords } from '../../domain/calls/calls.table';
import { workOrders } from '../../domain/work-orders/work-orders.table';
import { CLASS_LABELS } from '../../domain/calls/labels';
import { isCallPending } from '../../domain/calls/calls.status';
import { localTime } from '../../domain/shared/business-time';
import { isWorkOrderOpen } from '../../domain/work-orders/work-orders.status';
import type { Role } from '../../domain/shared/roles';
import type { Tx } from '../db/store';
import { appendAudit } from '../audit/audit.writer';
import { notify, usersWithRoles } from '../notifications/notifier';
import { subjectTimers, type TimerRunner } from '../deadlines/timers';
import { addCallEvent, findCall } from './calls.repository';
import { vendorMemberIds } from '../work-orders/work-orders.repository';


/** For Q the promise is the vendor on site in time; for the rest, the work done. */
async function promiseMet(tx: Tx, callId: string, cls: string): Promise<boolean> {
  if (cls !== 'Q') return false;
  const [arrived] = await tx.select({ id: workOrders.id }).from(workOrders).where(and(eq(workOrders.callId, callId), isNotNull(workOrders.onSiteAt))).limit(1);
  return Boolean(arrived);
}

async function doers(tx: Tx, callId: string, recordedBy: string): Promise<string[]> {
  const wos = await tx.select({ assigneeId: workOrders.assigneeId, vendorId: workOrders.vendorId, status: workOrders.status }).from(workOrders).where(eq(workOrders.callId, callId));
  const ids = new Set<string>();
  for (const w of wos) {
    if (!isWorkOrderOpen(w.status)) continue;
    if (w.assigneeId) ids.add(w.assigneeId);
    for (const m of await vendorMemberIds(tx, w.vendorId)) ids.add(m);
  }
  if (ids.size === 0) ids.add(recordedBy);
  return [...ids];
}

const hhmm = (d: Date) => localTime(d);

/** The payload of each kind of call timer (planDeadline's plans; scheduleTimers stores the step's roles). */
export interface CallTimerPayloads {
  warn: { roles?: Role[] };
  escalate: { roles?: Role[] };
  gt_check: { roles?: Role[] };
}

/** What the deadline timers of a call do when they fire (the ladder of its SLA policy). */
export const callTimers = subjectTimers<CallTimerPayloads>()('call', {
  warn: async (tx, t, now) => {
    const call = await findCall(tx, t.subjectId);
    if (!call || !isCallPending(call.status) || (await promiseMet(tx, call.id, call.class))) return { skipped: 'done' };
    const to = await doers(tx, call.id, call.recordedBy);
    await notify(tx, to.map((userId) => ({ userId, projectId: call.projectId, type: 'deadline.warning', title: `即将超时：${call.number}`, body: `${CLASS_LABELS[call.class]}，须在 ${call.dueAt ? hhmm(call.dueAt) : ''} 前处理：${call.content.slice(0, 60)}`, link: `/calls/${call.id}` })), now);
    await addCallEvent(tx, call, now, null, 'deadline_warning', { to: to.length });
    return { notified: to.length };
  },

  escalate: async (tx, t, now) => {
    const call = await findCall(tx, t.subjectId);
    if (!call || !isCallPending(call.status) || (await promiseMet(tx, call.id, call.class))) return { skipped: 'done' };
    const roles = (t.payload?.roles ?? []).filter(Boolean);
    const to = await usersWithRoles(tx, call.projectId, roles, call.districtId);
    const late = Math.round((now.getTime() - (call.dueAt?.getTime() ?? now.getTime())) / 60000);
    await notify(tx, to.map((userId) => ({ userId, projectId: call.projectId, type: 'deadline.escalation', title: `超时升级（第 ${t.level} 级）：${call.number}`, body: `${CLASS_LABELS[call.class]}已超时 ${late} 分钟：${call.content.slice(0, 60)}`, link: `/calls/${call.id}`, detail: { level: t.level, callId: call.id } })), now);
    // The miss is written once, by the first escalation step: reports count it, never recompute it.
    await addCallEvent(tx, call, now, null, t.level === 1 ? 'deadline_missed' : 'deadline_escalated', { level: t.level, roles, to: to.length });
    if (t.level === 1) await appendAudit(tx, { actor: null, action: 'call.deadline_missed', entity: 'call', entityId: call.id, projectId: call.projectId, detail: { class: call.class } }, now);
    return { notified: to.length };
  },

  // CALL-7: any open item that passes two days becomes GT.
  gt_check: async (tx, t, now) => {
    const call = await findCall(tx, t.subjectId);
    if (!call || !isCallPending(call.status) || call.class === 'GT' || call.class === 'complaint' || call.class === 'inquiry') return { skipped: 'not applicable' };
    const [row] = await tx
      .update(callRecords)
      .set({ class: 'GT', overrideReason: `超过两天未完成，自动转为 GT（原为${CLASS_LABELS[call.class]}）`, version: sql`${callRecords.version} + 1` })
      .where(and(eq(callRecords.id, call.id), eq(callRecords.status, call.status)))
      .returning();
    if (!row) return { skipped: 'changed meanwhile' };
    await addCallEvent(tx, call, now, null, 'auto_gt', { from: call.class });
    await appendAudit(tx, { actor: null, action: 'call.auto_gt', entity: 'call', entityId: call.id, projectId: call.projectId, detail: { from: call.class } }, now);
    const to = await usersWithRoles(tx, call.projectId, ['account_manager', 'cs_assistant'], call.districtId);
    await notify(tx, to.map((userId) => ({ userId, projectId: call.projectId, type: 'call.auto_gt', title: `转 GT：${call.number} 已超过两天`, body: call.content.slice(0, 80), link: `/calls/${call.id}` })), now);
    return { from: call.class };
  },
});

export function registerCallTimers(runner: TimerRunner): void {
  runner.register(callTimers);
}
