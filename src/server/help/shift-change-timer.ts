import { and, eq, sql } from 'drizzle-orm';
import { timers } from '../../domain/deadlines/deadlines.table';
import { helpDutyShifts } from '../../domain/help/help.table';
import type { Role } from '../../domain/shared/roles';
import { ROLE_LABELS } from '../../domain/users/role-labels';
import { localTime } from '../../domain/shared/business-time';
import type { Executor } from '../db/store';
import { notify } from '../notifications/notifier';
import { subjectTimers } from '../deadlines/timers';

/**
 * 交接班 at the change of shift (issue 10, item 4): when a rostered shift starts, the person coming on and the
 * person going off that post are both told to do the handover. One timer per post and moment of change (a
 * project timer on the one deadline engine, ADR 0012), so each change is announced exactly once, on every
 * instance together; who is told is read when it fires, so a shift removed meanwhile is not announced.
 */
export async function scheduleShiftChange(tx: Executor, projectId: string, role: Role, at: Date): Promise<void> {
  const [existing] = await tx
    .select({ id: timers.id })
    .from(timers)
    .where(and(eq(timers.subjectType, 'project'), eq(timers.subjectId, projectId), eq(timers.kind, 'shift_change'), eq(timers.status, 'pending'), eq(timers.fireAt, at), sql`${timers.payload}->>'role' = ${role}`))
    .limit(1);
  if (existing) return;
  await tx.insert(timers).values({ projectId, subjectType: 'project', subjectId: projectId, kind: 'shift_change', level: 0, fireAt: at, payload: { role } });
}

export const shiftChangeTimers = subjectTimers<{ shift_change: { role?: Role } }>()('project', {
  shift_change: async (tx, t, now) => {
    const role = t.payload?.role;
    if (!role) return { skipped: 'no post' };
    const at = t.fireAt;
    const incoming = await tx.selectDistinct({ userId: helpDutyShifts.userId }).from(helpDutyShifts).where(and(eq(helpDutyShifts.projectId, t.projectId), eq(helpDutyShifts.role, role), eq(helpDutyShifts.startsAt, at)));
    if (incoming.length === 0) return { skipped: 'no shift starts' };
    const outgoing = await tx.selectDistinct({ userId: helpDutyShifts.userId }).from(helpDutyShifts).where(and(eq(helpDutyShifts.projectId, t.projectId), eq(helpDutyShifts.role, role), eq(helpDutyShifts.endsAt, at)));
    const inIds = new Set(incoming.map((r) => r.userId));
    const outIds = outgoing.map((r) => r.userId).filter((id) => !inIds.has(id));
    const post = ROLE_LABELS[role];
    const time = localTime(at);
    await notify(
      tx,
      [
        ...outIds.map((userId) => ({ userId, projectId: t.projectId, type: 'help.handover', title: `交接班：${post} ${time} 换班`, body: '请填写交班记录（未结事件、借出的钥匙和器材、待办事项），交给接班人员确认', link: '/duty' })),
        ...[...inIds].map((userId) => ({ userId, projectId: t.projectId, type: 'help.handover', title: `交接班：${post} ${time} 接班`, body: outIds.length ? '请向上一班了解未结事件、借出的钥匙和器材、待办事项，并确认交班记录' : '请接班并查看未结事件', link: '/duty' })),
      ],
      now,
    );
    return { incoming: inIds.size, outgoing: outIds.length };
  },
});
