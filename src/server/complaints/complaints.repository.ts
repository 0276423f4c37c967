import { eq } from 'drizzle-orm';
import { complaintEvents, complaints } from '../../domain/complaints/complaints.table';
import type { ComplaintRec } from '../../domain/complaints/complaints.policy';
import { units } from '../../domain/property/property.table';
import { users } from '../../domain/users/users.table';
import type { Executor } from '../db/store';

export type ComplaintRow = typeof complaints.$inferSelect;

export const recOf = (c: ComplaintRow): ComplaintRec => ({ projectId: c.projectId, status: c.status, department: c.department, version: c.version });

export async function findComplaint(ex: Executor, id: string): Promise<(ComplaintRow & { rec: ComplaintRec }) | null> {
  const [c] = await ex.select().from(complaints).where(eq(complaints.id, id));
  return c ? { ...c, rec: recOf(c) } : null;
}

export async function addComplaintEvent(ex: Executor, c: { id: string; projectId: string }, at: Date, actorId: string | null, type: string, detail?: Record<string, unknown>) {
  await ex.insert(complaintEvents).values({ complaintId: c.id, projectId: c.projectId, at, actorId, type, detail });
}

export async function eventsOfComplaint(ex: Executor, id: string) {
  return ex
    .select({ at: complaintEvents.at, type: complaintEvents.type, detail: complaintEvents.detail, actorName: users.displayName })
    .from(complaintEvents)
    .leftJoin(users, eq(users.id, complaintEvents.actorId))
    .where(eq(complaintEvents.complaintId, id))
    .orderBy(complaintEvents.at);
}

export async function unitCodeOf(ex: Executor, unitId: string | null): Promise<string | null> {
  if (!unitId) return null;
  const [u] = await ex.select({ code: units.code }).from(units).where(eq(units.id, unitId));
  return u?.code ?? null;
}
