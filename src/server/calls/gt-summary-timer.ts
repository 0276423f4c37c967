import { sql } from 'drizzle-orm';
import { projects } from '../../domain/property/property.table';
import { timers } from '../../domain/deadlines/deadlines.table';
import type { Db } from '../db/store';
import { notify, usersWithRoles } from '../notifications/notifier';
import { subjectTimers, type TimerRunner } from '../deadlines/timers';
import { gtSummary } from './ledger.repository';
import { BUSINESS_TIME_ZONE, zoneOffsetMs } from '../../domain/shared/business-time';

const WEEK = 7 * 24 * 3600_000;

/** Next Monday 08:00 in the business time zone (00:00 UTC for Beijing) strictly after `now`. */
export function nextMondayMorning(now: Date, timeZone: string = BUSINESS_TIME_ZONE): Date {
  const offset = zoneOffsetMs(now, timeZone);
  const wall = new Date(now.getTime() + offset); // the local wall clock, read with the UTC getters
  const daysToMonday = (8 - wall.getUTCDay()) % 7; // 0 = Sunday
  const at = Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate() + daysToMonday, 8) - offset;
  return new Date(at <= now.getTime() ? at + WEEK : at);
}

/** Every project has one pending weekly GT summary timer (CALL-7); idempotent, safe with several instances. */
export async function ensureGtSummaryTimers(db: Db, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(727203)`);
    const missing = await tx
      .select({ id: projects.id })
      .from(projects)
      .where(sql`NOT EXISTS (SELECT 1 FROM timers t WHERE t.subject_type = 'project' AND t.subject_id = ${projects.id} AND t.kind = 'gt_summary' AND t.status = 'pending')`);
    if (missing.length) {
      await tx.insert(timers).values(missing.map((p) => ({ projectId: p.id, subjectType: 'project', subjectId: p.id, kind: 'gt_summary', fireAt: nextMondayMorning(now) })));
    }
    return missing.length;
  });
}

/** The weekly report to the service-centre manager of what households raised together, then the next one. */
export const gtSummaryTimers = subjectTimers<{ gt_summary: Record<string, never> }>()('project', {
  gt_summary: async (tx, t, now) => {
    const from = new Date(t.fireAt.getTime() - WEEK);
    const groups = await gtSummary(tx, t.projectId, from, t.fireAt);
    const total = groups.reduce((n, g) => n + g.count, 0);
    const to = await usersWithRoles(tx, t.projectId, ['centre_manager']);
    const top = groups.slice(0, 3).map((g) => `${g.building}·${g.category} ${g.count} 件`).join('；');
    await notify(
      tx,
      to.map((userId) => ({
        userId,
        projectId: t.projectId,
        type: 'gt.summary',
        title: `本周 GT 汇总：${total} 件`,
        body: total ? `集中反映：${top}` : '本周无 GT 事项',
        link: `/gt?from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(t.fireAt.toISOString())}`,
      })),
      now,
    );
    await tx.insert(timers).values({ projectId: t.projectId, subjectType: 'project', subjectId: t.projectId, kind: 'gt_summary', fireAt: new Date(t.fireAt.getTime() + WEEK) });
    return { total, groups: groups.length };
  },
});

export function registerGtSummaryTimer(runner: TimerRunner): void {
  runner.register(gtSummaryTimers);
}
