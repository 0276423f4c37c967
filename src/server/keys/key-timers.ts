import { and, eq, sql } from 'drizzle-orm';
import { keyLoans, propertyKeys } from '../../domain/keys/keys.table';
import { timers } from '../../domain/deadlines/deadlines.table';
import { KEY_CHASE_EVERY_MINUTES } from '../../domain/keys/keys.rules';
import { localTime } from '../../domain/shared/business-time';
import { maskName } from '../../domain/shared/mask';
import type { Role } from '../../domain/shared/roles';
import type { Tx } from '../db/store';
import { appendAudit } from '../audit/audit.writer';
import { notify, usersWithRoles } from '../notifications/notifier';
import { scheduleTimers, subjectTimers, type TimerRunner } from '../deadlines/timers';

export interface KeyLoanTimerPayloads {
  warn: { roles?: Role[] };
  escalate: { roles?: Role[] };
}

async function openLoan(tx: Tx, id: string) {
  const [row] = await tx
    .select({ loan: keyLoans, number: propertyKeys.number })
    .from(keyLoans)
    .innerJoin(propertyKeys, eq(propertyKeys.id, keyLoans.keyId))
    .where(eq(keyLoans.id, id));
  return row && row.loan.returnedAt === null ? row : null;
}

/**
 * KEY-3: a lent key warns its lender before it is due; once overdue the key desk is alerted, then the
 * supervisor, and the chase repeats until the key is back. Live events carry masked names only (ARC-12).
 */
export const keyLoanTimers = subjectTimers<KeyLoanTimerPayloads>()('key_loan', {
  warn: async (tx, t, now) => {
    const row = await openLoan(tx, t.subjectId);
    if (!row) return { skipped: 'returned' };
    const { loan, number } = row;
    await notify(tx, [{ userId: loan.lentBy, projectId: loan.projectId, type: 'key.due_soon', title: `钥匙即将到期：${number}`, body: `借用人 ${maskName(loan.borrowerName)}，应于 ${localTime(loan.dueAt)} 前归还`, link: `/keys?loan=${loan.id}` }], now);
    return { notified: 1 };
  },

  escalate: async (tx, t, now) => {
    const row = await openLoan(tx, t.subjectId);
    if (!row) return { skipped: 'returned' };
    const { loan, number } = row;
    const roles = (t.payload?.roles ?? []).filter(Boolean);
    const to = new Set([...(await usersWithRoles(tx, loan.projectId, roles)), loan.lentBy]);
    const late = Math.max(0, Math.round((now.getTime() - loan.dueAt.getTime()) / 60000));
    await notify(
      tx,
      [...to].map((userId) => ({ userId, projectId: loan.projectId, type: 'key.overdue', title: `钥匙逾期未还：${number}`, body: `借用人 ${maskName(loan.borrowerName)}，已逾期 ${late} 分钟（应于 ${localTime(loan.dueAt)} 归还）`, link: `/keys?loan=${loan.id}`, detail: { level: t.level, loanId: loan.id } })),
      now,
    );
    await tx
      .update(keyLoans)
      .set({ overdueAt: loan.overdueAt ?? now, chaseCount: sql`${keyLoans.chaseCount} + 1` })
      .where(eq(keyLoans.id, loan.id));
    if (!loan.overdueAt) await appendAudit(tx, { actor: null, action: 'key_loan.overdue', entity: 'key_loan', entityId: loan.id, projectId: loan.projectId, detail: { key: number } }, now);
    // Past the last step of the ladder: chase again later, until the key is returned.
    const [pending] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(timers)
      .where(and(eq(timers.subjectType, 'key_loan'), eq(timers.subjectId, loan.id), eq(timers.status, 'pending'), sql`${timers.id} <> ${t.id}`));
    if (Number(pending.n) === 0) {
      await scheduleTimers(tx, loan.projectId, 'key_loan', loan.id, [{ kind: 'escalate', level: t.level + 1, at: new Date(now.getTime() + KEY_CHASE_EVERY_MINUTES * 60_000), roles }]);
    }
    return { notified: to.size };
  },
});

export function registerKeyTimers(runner: TimerRunner): void {
  runner.register(keyLoanTimers);
}
