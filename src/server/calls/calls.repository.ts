import { and, asc, desc, eq } from 'drizzle-orm';
import { buildings, households, units } from '../../domain/property/property.table';
import { callEvents, callRecords, callReplies, serviceCategories, vendors } from '../../domain/calls/calls.table';
import { projectReference } from './reference-cache';
import { workOrders } from '../../domain/work-orders/work-orders.table';
import { users } from '../../domain/users/users.table';
import type { Executor } from '../db/store';
import { badRequest } from '../core/errors';

export type CallRow = typeof callRecords.$inferSelect;

/** The unit, household, category, warranty table and vendor a call is about, all checked to be of the project. */
export async function loadIntakeContext(ex: Executor, storeKey: object, projectId: string, ids: { householdId?: string | null; unitId?: string | null; categoryId?: string | null }) {
  let unitId = ids.unitId ?? null;
  let householdId = ids.householdId ?? null;
  type UnitRow = { id: string; code: string; handoverDate: string | null; districtId: string; buildingId: string; projectId: string };
  const unitColumns = { id: units.id, code: units.code, handoverDate: units.handoverDate, districtId: buildings.districtId, buildingId: units.buildingId, projectId: units.projectId };
  let unit: Omit<UnitRow, 'projectId'> | null = null;
  // The household's unit comes in the same statement as the household (one round trip, not two).
  let unitOfHousehold: UnitRow | null | undefined;
  if (householdId) {
    const [h] = await ex
      .select({ unitId: households.unitId, projectId: households.projectId, unit: unitColumns })
      .from(households)
      .leftJoin(units, eq(units.id, households.unitId))
      .leftJoin(buildings, eq(buildings.id, units.buildingId))
      .where(eq(households.id, householdId));
    if (!h || h.projectId !== projectId) throw badRequest([{ path: 'body.householdId', message: '业户不存在' }]);
    if (unitId && unitId !== h.unitId) throw badRequest([{ path: 'body.unitId', message: '房屋与业户不符' }]);
    unitId = h.unitId;
    unitOfHousehold = h.unit?.id ? (h.unit as UnitRow) : null;
  }
  if (unitId) {
    const u =
      unitOfHousehold !== undefined
        ? unitOfHousehold
        : ((await ex.select(unitColumns).from(units).innerJoin(buildings, eq(buildings.id, units.buildingId)).where(eq(units.id, unitId)))[0] ?? null);
    if (!u || u.projectId !== projectId) throw badRequest([{ path: 'body.unitId', message: '房屋不存在' }]);
    unit = { id: u.id, code: u.code, handoverDate: u.handoverDate, districtId: u.districtId, buildingId: u.buildingId };
    if (!householdId) {
      const [h] = await ex.select({ id: households.id }).from(households).where(eq(households.unitId, u.id)).limit(1);
      householdId = h?.id ?? null;
    }
  }
  const ref = await projectReference(ex, projectId, storeKey);
  let category: typeof serviceCategories.$inferSelect | null = null;
  if (ids.categoryId) {
    category = ref.categories.get(ids.categoryId) ?? null;
    if (!category) throw badRequest([{ path: 'body.categoryId', message: '类别不存在' }]);
  }
  const vendor = category?.vendorCategory ? (ref.vendorByCategory.get(category.vendorCategory) ?? null) : null;
  const warrantyMonths = ref.warrantyMonths;
  return { unit, householdId, category, warrantyMonths, vendor };
}

export { slaPoliciesOf } from '../deadlines/sla-policies';

export async function findCall(ex: Executor, id: string): Promise<CallRow | null> {
  const [c] = await ex.select().from(callRecords).where(eq(callRecords.id, id));
  return c ?? null;
}

export async function workOrdersOfCall(ex: Executor, callId: string) {
  return ex
    .select({ wo: workOrders, assigneeName: users.displayName, vendorName: vendors.name })
    .from(workOrders)
    .leftJoin(users, eq(users.id, workOrders.assigneeId))
    .leftJoin(vendors, eq(vendors.id, workOrders.vendorId))
    .where(eq(workOrders.callId, callId))
    .orderBy(asc(workOrders.createdAt));
}

export async function repliesOf(ex: Executor, callId: string) {
  return ex
    .select({ id: callReplies.id, at: callReplies.at, channel: callReplies.channel, content: callReplies.content, final: callReplies.final, byName: users.displayName })
    .from(callReplies)
    .innerJoin(users, eq(users.id, callReplies.byUserId))
    .where(eq(callReplies.callId, callId))
    .orderBy(asc(callReplies.at));
}

export async function eventsOf(ex: Executor, callId: string) {
  return ex
    .select({ at: callEvents.at, type: callEvents.type, detail: callEvents.detail, actorName: users.displayName })
    .from(callEvents)
    .leftJoin(users, eq(users.id, callEvents.actorId))
    .where(eq(callEvents.callId, callId))
    .orderBy(asc(callEvents.at));
}

export async function addCallEvent(ex: Executor, call: { id: string; projectId: string }, at: Date, actorId: string | null, type: string, detail?: Record<string, unknown>) {
  await ex.insert(callEvents).values({ callId: call.id, projectId: call.projectId, at, actorId, type, detail });
}

export async function recentCallsOfHousehold(ex: Executor, householdId: string, limit = 5) {
  return ex
    .select({ id: callRecords.id, number: callRecords.number, receivedAt: callRecords.receivedAt, content: callRecords.content, class: callRecords.class, status: callRecords.status })
    .from(callRecords)
    .where(eq(callRecords.householdId, householdId))
    .orderBy(desc(callRecords.receivedAt))
    .limit(limit);
}
