import { and, count, desc, eq, inArray, or, type SQL } from 'drizzle-orm';
import { workOrderEvents, workOrders } from '../../domain/work-orders/work-orders.table';
import { callRecords, vendorMembers, vendors } from '../../domain/calls/calls.table';
import { units } from '../../domain/property/property.table';
import { userProjects, userRoles, users } from '../../domain/users/users.table';
import { ACTIVE_WORK_ORDER_STATUSES } from '../../domain/work-orders/work-orders.status';
import type { WorkOrderRec } from '../../domain/work-orders/work-orders.policy';
import type { Executor } from '../db/store';

export type WorkOrderRow = typeof workOrders.$inferSelect;

export async function findWorkOrder(ex: Executor, id: string): Promise<(WorkOrderRow & { rec: WorkOrderRec }) | null> {
  const [wo] = await ex.select().from(workOrders).where(eq(workOrders.id, id));
  if (!wo) return null;
  const members = wo.vendorId ? (await ex.select({ id: vendorMembers.userId }).from(vendorMembers).where(eq(vendorMembers.vendorId, wo.vendorId))).map((r) => r.id) : [];
  return { ...wo, rec: { projectId: wo.projectId, kind: wo.kind, status: wo.status, assigneeId: wo.assigneeId, vendorMemberIds: members } };
}

/** The users who act for an outside unit (its work orders go to all of them). */
export async function vendorMemberIds(ex: Executor, vendorId: string | null): Promise<string[]> {
  if (!vendorId) return [];
  return (await ex.select({ id: vendorMembers.userId }).from(vendorMembers).where(eq(vendorMembers.vendorId, vendorId))).map((r) => r.id);
}

/** What a work order shows of its call, read from the table (the calls feature is not imported here). */
export async function callBriefOf(ex: Executor, callId: string) {
  const [c] = await ex
    .select({ id: callRecords.id, number: callRecords.number, content: callRecords.content, recordedBy: callRecords.recordedBy, classReason: callRecords.classReason })
    .from(callRecords)
    .where(eq(callRecords.id, callId));
  return c ?? null;
}

export async function addWorkOrderEvent(ex: Executor, wo: { id: string; projectId: string }, at: Date, actorId: string | null, type: string, detail?: Record<string, unknown>) {
  await ex.insert(workOrderEvents).values({ workOrderId: wo.id, projectId: wo.projectId, at, actorId, type, detail });
}

export async function eventsOfWorkOrder(ex: Executor, id: string) {
  return ex
    .select({ at: workOrderEvents.at, type: workOrderEvents.type, detail: workOrderEvents.detail, actorName: users.displayName })
    .from(workOrderEvents)
    .leftJoin(users, eq(users.id, workOrderEvents.actorId))
    .where(eq(workOrderEvents.workOrderId, id))
    .orderBy(workOrderEvents.at);
}

/** Work orders with the call and unit they are about; `where` narrows (own tasks, a project, a status). */
export async function listWorkOrders(ex: Executor, where: SQL | undefined, limit = 100) {
  return ex
    .select({
      wo: workOrders,
      callNumber: callRecords.number,
      content: callRecords.content,
      callerName: callRecords.callerName,
      callerPhone: callRecords.callerPhone,
      urgency: callRecords.urgency,
      unitCode: units.code,
      assigneeName: users.displayName,
      vendorName: vendors.name,
    })
    .from(workOrders)
    .innerJoin(callRecords, eq(callRecords.id, workOrders.callId))
    .leftJoin(units, eq(units.id, callRecords.unitId))
    .leftJoin(users, eq(users.id, workOrders.assigneeId))
    .leftJoin(vendors, eq(vendors.id, workOrders.vendorId))
    .where(where)
    .orderBy(desc(workOrders.createdAt))
    .limit(limit);
}

/** A doer's own work orders: assigned to them, or to a vendor they act for. */
export async function ownWorkOrdersCondition(ex: Executor, userId: string): Promise<SQL> {
  const vids = (await ex.select({ id: vendorMembers.vendorId }).from(vendorMembers).where(eq(vendorMembers.userId, userId))).map((r) => r.id);
  return vids.length ? or(eq(workOrders.assigneeId, userId), inArray(workOrders.vendorId, vids))! : eq(workOrders.assigneeId, userId);
}

export { and };

/**
 * The engineering team of a project — its active technicians and engineering leads — each with the number of
 * jobs in hand (assigned, accepted or on site; a finished job waiting for verification no longer keeps him busy).
 */
export async function teamOf(ex: Executor, projectId: string) {
  const members = await ex
    .selectDistinct({ id: users.id, displayName: users.displayName, role: userRoles.role })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .innerJoin(userProjects, and(eq(userProjects.userId, users.id), eq(userProjects.projectId, projectId)))
    .where(and(eq(users.disabled, false), inArray(userRoles.role, ['technician', 'eng_lead'])));
  const ids = [...new Set(members.map((m) => m.id))];
  const counts = ids.length
    ? await ex
        .select({ id: workOrders.assigneeId, n: count() })
        .from(workOrders)
        .where(and(eq(workOrders.projectId, projectId), inArray(workOrders.assigneeId, ids), inArray(workOrders.status, [...ACTIVE_WORK_ORDER_STATUSES])))
        .groupBy(workOrders.assigneeId)
    : [];
  const open = new Map(counts.map((c) => [c.id, Number(c.n)]));
  const leads = new Set(members.filter((m) => m.role === 'eng_lead').map((m) => m.id));
  const byId = new Map(members.map((m) => [m.id, m.displayName]));
  return ids
    .map((id) => ({ id, displayName: byId.get(id)!, open: open.get(id) ?? 0, lead: leads.has(id) }))
    .sort((a, b) => a.open - b.open || Number(a.lead) - Number(b.lead) || a.displayName.localeCompare(b.displayName, 'zh-CN'));
}
