import { and, asc, eq, gt, inArray, lt, lte } from 'drizzle-orm';
import { helpDutyShifts } from '../../domain/help/help.table';
import { DUTY_POSTS, dutyRosterPolicy } from '../../domain/help/help.policy';
import type { DutyShiftCreate } from '../../domain/help/help.contract';
import { userProjects, userRoles, users } from '../../domain/users/users.table';
import type { Role } from '../../domain/shared/roles';
import { can } from '../../domain/shared/policy';
import { appendAudit } from '../audit/audit.writer';
import type { AppContext, RequestActor } from '../core/context';
import type { Executor } from '../db/store';
import { authorize } from '../core/authorize';
import { badRequest, notFound } from '../core/errors';
import { usersWithRoles } from '../notifications/notifier';
import { namesOf } from './help.repository';
import { scheduleShiftChange } from './shift-change-timer';

/**
 * Whom an alert for a role reaches: the users on the roster for that post at `at`; when nobody is rostered
 * (no roster kept, or a gap), every active user of the role, so an emergency never reaches nobody.
 */
export async function alerteesOf(ex: Executor, projectId: string, role: Role, at: Date): Promise<string[]> {
  const all = await usersWithRoles(ex, projectId, [role]);
  if (all.length === 0) return all;
  const rows = await ex
    .selectDistinct({ userId: helpDutyShifts.userId })
    .from(helpDutyShifts)
    .where(and(eq(helpDutyShifts.projectId, projectId), eq(helpDutyShifts.role, role), lte(helpDutyShifts.startsAt, at), gt(helpDutyShifts.endsAt, at), inArray(helpDutyShifts.userId, all)));
  return rows.length ? rows.map((r) => r.userId) : all;
}

const DAY = 24 * 60 * 60_000;

export async function listRoster(ctx: AppContext, ra: RequestActor, q: { projectId: string; from?: string; to?: string }) {
  authorize(dutyRosterPolicy, ra.actor, 'read', { projectId: q.projectId });
  const db = ctx.store.db;
  const now = ctx.now();
  const from = q.from ? new Date(q.from) : new Date(now.getTime() - DAY);
  const to = q.to ? new Date(q.to) : new Date(now.getTime() + 7 * DAY);
  const rows = await db
    .select()
    .from(helpDutyShifts)
    .where(and(eq(helpDutyShifts.projectId, q.projectId), lt(helpDutyShifts.startsAt, to), gt(helpDutyShifts.endsAt, from)))
    .orderBy(asc(helpDutyShifts.startsAt), asc(helpDutyShifts.role))
    .limit(500);
  const names = await namesOf(db, rows.map((r) => r.userId));
  const people = await db
    .select({ id: users.id, displayName: users.displayName, role: userRoles.role })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .innerJoin(userProjects, eq(userProjects.userId, users.id))
    .where(and(eq(users.disabled, false), eq(userProjects.projectId, q.projectId), inArray(userRoles.role, [...DUTY_POSTS])))
    .orderBy(asc(users.displayName));
  const candidates = new Map<string, { id: string; displayName: string; roles: Role[] }>();
  for (const p of people) {
    const c = candidates.get(p.id) ?? { id: p.id, displayName: p.displayName, roles: [] };
    c.roles.push(p.role);
    candidates.set(p.id, c);
  }
  return {
    items: rows.map((r) => ({ id: r.id, role: r.role, userId: r.userId, userName: names.get(r.userId) ?? '', startsAt: r.startsAt, endsAt: r.endsAt, now: r.startsAt <= now && now < r.endsAt })),
    candidates: [...candidates.values()],
    canEdit: can(dutyRosterPolicy, ra.actor, 'edit', { projectId: q.projectId }),
  };
}

/** Puts a user on a post for a shift: he must hold the post's role in the project; a shift ends after it starts, within a day. */
export async function addShift(ctx: AppContext, ra: RequestActor, input: DutyShiftCreate) {
  authorize(dutyRosterPolicy, ra.actor, 'edit', { projectId: input.projectId });
  return ctx.store.db.transaction(async (tx) => {
    const now = ctx.now();
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    const fields = [];
    if (!DUTY_POSTS.includes(input.role)) fields.push({ path: 'body.role', message: '该岗位不排班' });
    if (endsAt <= startsAt) fields.push({ path: 'body.endsAt', message: '结束时间须晚于开始时间' });
    else if (endsAt.getTime() - startsAt.getTime() > DAY) fields.push({ path: 'body.endsAt', message: '一个班次不超过 24 小时' });
    const holders = await usersWithRoles(tx, input.projectId, [input.role]);
    if (!holders.includes(input.userId)) fields.push({ path: 'body.userId', message: '该人员不在本项目的这个岗位上' });
    if (fields.length) throw badRequest(fields);
    const [row] = await tx.insert(helpDutyShifts).values({ projectId: input.projectId, role: input.role, userId: input.userId, startsAt, endsAt, createdBy: ra.actor.userId, createdAt: now }).returning();
    // The change of shift at its start: both the incoming and the outgoing person are told to hand over (once per change).
    if (startsAt > now) await scheduleShiftChange(tx, input.projectId, input.role, startsAt);
    await appendAudit(tx, { actor: ra.actor, action: 'duty.add', entity: 'duty_shift', entityId: row.id, projectId: input.projectId, ip: ra.ip, detail: { role: input.role, userId: input.userId, startsAt: input.startsAt, endsAt: input.endsAt } }, now);
    const names = await namesOf(tx, [row.userId]);
    return { id: row.id, role: row.role, userId: row.userId, userName: names.get(row.userId) ?? '', startsAt: row.startsAt, endsAt: row.endsAt, now: row.startsAt <= now && now < row.endsAt };
  });
}

export async function removeShift(ctx: AppContext, ra: RequestActor, id: string) {
  return ctx.store.db.transaction(async (tx) => {
    const [row] = await tx.select().from(helpDutyShifts).where(eq(helpDutyShifts.id, id));
    if (!row) throw notFound();
    authorize(dutyRosterPolicy, ra.actor, 'edit', row);
    await tx.delete(helpDutyShifts).where(eq(helpDutyShifts.id, id));
    await appendAudit(tx, { actor: ra.actor, action: 'duty.remove', entity: 'duty_shift', entityId: id, projectId: row.projectId, ip: ra.ip, detail: { role: row.role, userId: row.userId } }, ctx.now());
    return { ok: true as const };
  });
}
