import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { notifications } from '../../domain/notifications/notifications.table';
import { userProjects, userRoles, users } from '../../domain/users/users.table';
import { districts } from '../../domain/property/property.table';
import type { Role } from '../../domain/shared/roles';
import type { Executor } from '../db/store';

export const EVENTS_CHANNEL = 'wd_events';

export interface NewNotification {
  userId: string;
  projectId: string | null;
  type: string;
  title: string;
  body?: string;
  link?: string;
  detail?: Record<string, unknown>;
}

/**
 * Wakes every instance's hub at commit (NOTIFY is transactional); the rows are the truth.
 * u: users with new notifications; k: users whose every stream ends; s: sessions (token hashes) whose streams end.
 */
export async function wake(tx: Executor, payload: { u?: string[]; k?: string[]; s?: string[] }): Promise<void> {
  let text = JSON.stringify(payload);
  if (text.length > 7000) text = '*';
  await tx.execute(sql`SELECT pg_notify(${EVENTS_CHANNEL}, ${text})`);
}

/** Writes notifications in the caller's transaction (the outbox) and wakes the live streams. */
export async function notify(tx: Executor, items: NewNotification[], now: Date): Promise<void> {
  const unique = new Map<string, NewNotification>();
  for (const n of items) unique.set(`${n.userId}|${n.type}|${n.link ?? ''}`, n);
  const list = [...unique.values()];
  if (list.length === 0) return;
  await tx.insert(notifications).values(list.map((n) => ({ ...n, at: now })));
  await wake(tx, { u: [...new Set(list.map((n) => n.userId))] });
}

/**
 * A job is over: every unread notification that points at it (by its link) is marked read, so nobody's bell
 * keeps asking about a record already closed. The owners' screens are woken to refresh their bells.
 */
export async function settleNotifications(tx: Executor, links: string[], now: Date): Promise<void> {
  if (links.length === 0) return;
  const settled = await tx
    .update(notifications)
    .set({ readAt: now })
    .where(and(inArray(notifications.link, links), isNull(notifications.readAt)))
    .returning({ userId: notifications.userId });
  if (settled.length) await wake(tx, { u: [...new Set(settled.map((r) => r.userId))] });
}

/**
 * Active users of a project holding any of the roles. An account manager is the one of the item's
 * district when the district is known (CALL-4), not every account manager of the estate.
 */
export async function usersWithRoles(ex: Executor, projectId: string, roles: readonly Role[], districtId?: string | null): Promise<string[]> {
  if (roles.length === 0) return [];
  const ids = new Set<string>();
  const plain = roles.filter((r) => !(r === 'account_manager' && districtId));
  if (plain.length) {
    const rows = await ex
      .selectDistinct({ id: users.id })
      .from(users)
      .innerJoin(userRoles, eq(userRoles.userId, users.id))
      .innerJoin(userProjects, eq(userProjects.userId, users.id))
      .where(and(eq(users.disabled, false), eq(userProjects.projectId, projectId), inArray(userRoles.role, [...plain])));
    for (const r of rows) ids.add(r.id);
  }
  if (districtId && roles.includes('account_manager')) {
    const [d] = await ex.select({ am: districts.accountManagerId }).from(districts).where(eq(districts.id, districtId));
    if (d?.am) ids.add(d.am);
  }
  return [...ids];
}
