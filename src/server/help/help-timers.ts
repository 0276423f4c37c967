import { eq } from 'drizzle-orm';
import { timers } from '../../domain/deadlines/deadlines.table';
import { helpSteps } from '../../domain/help/help.table';
import type { Role } from '../../domain/shared/roles';
import { localTime } from '../../domain/shared/business-time';
import type { Executor } from '../db/store';
import { appendAudit } from '../audit/audit.writer';
import { notify, usersWithRoles } from '../notifications/notifier';
import { subjectTimers, type TimerRunner } from '../deadlines/timers';
import { and, inArray } from 'drizzle-orm';
import { ACK_CHAIN } from '../../domain/help/help.playbooks';
import { alerteesOf } from './roster.service';
import { addHelpEvent, findHelp, type HelpRow, type HelpStepRow } from './help.repository';

/** The payload of each kind of help-request timer. */
export interface HelpTimerPayloads {
  warn: { roles?: Role[] };
  escalate: { roles?: Role[] };
  /** A playbook step's time limit. */
  step_due: { stepId?: string };
  /** Steps nobody has acknowledged yet (ACK_CHAIN). */
  ack_check: { roles?: Role[] };
}

/** A step's time limit, watched by the one deadline engine (ADR 0012). */
export async function scheduleStepTimer(tx: Executor, s: HelpStepRow): Promise<void> {
  if (!s.dueAt) return;
  await tx.insert(timers).values({ projectId: s.projectId, subjectType: 'help_request', subjectId: s.helpRequestId, kind: 'step_due', level: 0, fireAt: s.dueAt, payload: { stepId: s.id } });
}

/** The chain that runs while steps wait for their first acknowledgement. */
export async function scheduleAckChain(tx: Executor, r: Pick<HelpRow, 'id' | 'projectId'>, start: Date): Promise<void> {
  await tx.insert(timers).values(
    ACK_CHAIN.map((c, i) => ({ projectId: r.projectId, subjectType: 'help_request', subjectId: r.id, kind: 'ack_check', level: i + 1, fireAt: new Date(start.getTime() + c.afterMinutes * 60_000), payload: { roles: c.roles } })),
  );
}

/** What the first-response clock (HELP-2) and the steps' limits do when they fire. */
export const helpTimers = subjectTimers<HelpTimerPayloads>()('help_request', {
  // Two minutes before the five: the desk that took it is reminded.
  warn: async (tx, t, now) => {
    const r = await findHelp(tx, t.subjectId);
    if (!r || r.status !== 'open') return { skipped: 'answered' };
    await notify(tx, [{ userId: r.recordedBy, projectId: r.projectId, type: 'deadline.warning', title: `求助即将超时：${r.number}`, body: `须在 ${r.dueAt ? localTime(r.dueAt) : ''} 前答复：${r.need.slice(0, 60)}`, link: `/help/${r.id}` }], now);
    await addHelpEvent(tx, r, now, null, 'deadline_warning');
    return { notified: 1 };
  },

  // Past five minutes without a first response: the CS supervisor, then the service-centre manager.
  escalate: async (tx, t, now) => {
    const r = await findHelp(tx, t.subjectId);
    if (!r || r.status !== 'open') return { skipped: 'answered' };
    const roles = (t.payload?.roles ?? []).filter(Boolean);
    const to = await usersWithRoles(tx, r.projectId, roles);
    const late = Math.round((now.getTime() - (r.dueAt?.getTime() ?? now.getTime())) / 60000);
    await notify(
      tx,
      to.map((userId) => ({ userId, projectId: r.projectId, type: 'deadline.escalation', title: `求助超时未答复（第 ${t.level} 级）：${r.number}`, body: `已超过首次答复时限 ${late} 分钟：${r.need.slice(0, 60)}`, link: `/help/${r.id}`, detail: { level: t.level, helpRequestId: r.id } })),
      now,
    );
    await addHelpEvent(tx, r, now, null, 'escalated', { detail: { level: t.level, roles, to: to.length } });
    if (t.level === 1) await appendAudit(tx, { actor: null, action: 'help.first_response_missed', entity: 'help_request', entityId: r.id, projectId: r.projectId }, now);
    return { notified: to.length };
  },

  // Steps nobody acknowledged: alerted again to their roles (an emergency, with sound), and the chain's roles told.
  ack_check: async (tx, t, now) => {
    const r = await findHelp(tx, t.subjectId);
    if (!r || r.status === 'closed') return { skipped: 'closed' };
    const waiting = await tx.select().from(helpSteps).where(and(eq(helpSteps.helpRequestId, r.id), inArray(helpSteps.status, ['pending'])));
    if (waiting.length === 0) return { skipped: 'acknowledged' };
    const items = [];
    for (const role of new Set(waiting.map((s) => s.role))) {
      const titles = waiting.filter((s) => s.role === role).map((s) => s.title);
      const link = ['guard', 'guard_leader', 'gate_guard', 'eng_lead', 'technician'].includes(role) ? '/duty' : `/help/${r.id}`;
      for (const userId of await alerteesOf(tx, r.projectId, role, now)) {
        items.push({ userId, projectId: r.projectId, type: 'help.emergency', title: `再次提醒：${r.playbookName ?? ''} ${r.number} 尚未确认`, body: titles.join('；').slice(0, 300), link, detail: { helpRequestId: r.id, emergency: true, level: t.level } });
      }
    }
    const roles = (t.payload?.roles ?? []).filter(Boolean);
    for (const userId of await usersWithRoles(tx, r.projectId, roles)) {
      items.push({ userId, projectId: r.projectId, type: 'deadline.escalation', title: `应急步骤无人确认（第 ${t.level} 级）：${r.number}`, body: waiting.map((s) => s.title).join('；').slice(0, 300), link: `/help/${r.id}`, detail: { helpRequestId: r.id, level: t.level } });
    }
    await notify(tx, items, now);
    await addHelpEvent(tx, r, now, null, 'ack_overdue', { detail: { level: t.level, steps: waiting.length, roles } });
    return { notified: items.length };
  },

  // A step past its limit and not done: the shift leader and the CS supervisor are told.
  step_due: async (tx, t, now) => {
    const r = await findHelp(tx, t.subjectId);
    const stepId = t.payload?.stepId;
    const [s] = stepId ? await tx.select().from(helpSteps).where(eq(helpSteps.id, stepId)) : [];
    if (!r || !s || r.status === 'closed' || s.status === 'done') return { skipped: 'done' };
    const to = await usersWithRoles(tx, r.projectId, ['guard_leader', 'cs_supervisor', s.role]);
    await notify(tx, to.map((userId) => ({ userId, projectId: r.projectId, type: 'deadline.escalation', title: `应急步骤超时：${r.number}`, body: `${s.title}（限 ${s.limitMinutes} 分钟）`, link: `/help/${r.id}`, detail: { helpRequestId: r.id, stepId: s.id } })), now);
    await addHelpEvent(tx, r, now, null, 'step_overdue', { stepId: s.id, detail: { to: to.length } });
    return { notified: to.length };
  },
});

export function registerHelpTimers(runner: TimerRunner): void {
  runner.register(helpTimers);
}
