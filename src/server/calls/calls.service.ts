import { and, eq, inArray } from 'drizzle-orm';
import { callPolicy, markActionFor } from '../../domain/calls/calls.policy';
import { callRecords, callReplies, type CallClass } from '../../domain/calls/calls.table';
import { workOrders } from '../../domain/work-orders/work-orders.table';
import { ACTIVE_WORK_ORDER_STATUSES, isWorkOrderDone, OPEN_WORK_ORDER_STATUSES } from '../../domain/work-orders/work-orders.status';
import { readingOf } from '../deadlines/sla-policies';
import { callAllows } from '../../domain/calls/calls.status';
import { pickPolicy, planDeadline } from '../../domain/deadlines/sla';
import { appendAudit } from '../audit/audit.writer';
import type { AppContext, RequestActor } from '../core/context';
import { authorize } from '../core/authorize';
import { AppError, badRequest, conflict } from '../core/errors';
import { callFinishing } from './calls.hooks';
import { nextNumber } from '../numbering/numbering';
import { cancelTimers, scheduleTimers } from '../deadlines/timers';
import { serviceCategories, vendors } from '../../domain/calls/calls.table';
import { units } from '../../domain/property/property.table';
import { createWorkOrder, chaseWorkOrder } from '../work-orders/work-orders.service';
import { addCallEvent, eventsOf, findCall, loadIntakeContext, recentCallsOfHousehold, repliesOf, slaPoliciesOf, workOrdersOfCall } from './calls.repository';
import { settleNotifications } from '../notifications/notifier';
import { moveCall } from './call-state';
import { withFollowUp } from './call-settings';
import { presentCall, presentEvent, presentRecent, presentReply } from './calls.presenter';
import { presentWorkOrder, presentWorkOrderBrief } from '../work-orders/work-orders.presenter';
import type { callDetail as callDetailSchema } from '../../domain/work-orders/call-views.contract';
import type { z } from 'zod';
import { attachmentUrl, decodeImage, saveAttachment } from '../attachments/attachments';
import { sql } from 'drizzle-orm';
import { maskName, maskPhone } from '../../domain/shared/mask';
import { t } from '../../domain/shared/messages.zh-CN';
import { leavesComplaintProcedure } from '../../domain/calls/classify';

export async function callDetail(ctx: AppContext, ra: RequestActor, id: string): Promise<z.infer<typeof callDetailSchema>> {
  const db = ctx.store.db;
  const call = await withFollowUp(db, await findCall(db, id));
  authorize(callPolicy, ra.actor, 'read', call);
  const [wos, replies, events, recent] = [await workOrdersOfCall(db, id), await repliesOf(db, id), await eventsOf(db, id), call.householdId ? await recentCallsOfHousehold(db, call.householdId, 6) : []];
  const [where] = call.unitId ? await db.select({ unitCode: units.code }).from(units).where(eq(units.id, call.unitId)) : [];
  const [category] = call.categoryId ? await db.select({ label: serviceCategories.label, scopeNote: serviceCategories.scopeNote }).from(serviceCategories).where(eq(serviceCategories.id, call.categoryId)) : [];
  const now = ctx.now();
  const policies = await slaPoliciesOf(db, ctx.store, call.projectId);
  return {
    ...presentCall(ra.actor, call, now, policies),
    unitCode: where?.unitCode ?? null,
    categoryLabel: category?.label ?? null,
    scopeNote: category?.scopeNote ?? null,
    signature: call.signatureId ? attachmentUrl(call.signatureId) : null,
    workOrders: wos.map((w) => presentWorkOrderBrief(w.wo, w, readingOf(policies, 'work_order', { dueAt: w.wo.dueAt, class: w.wo.kind, level: call.urgency }, now, isWorkOrderDone(w.wo.status)))),
    replies: replies.map(presentReply),
    events: events.map(presentEvent),
    recent: recent.filter((r) => r.id !== id).map(presentRecent),
  };
}

/** Staff override of the class, with a reason, audited; deadlines re-planned for the new class. */
export async function reclassify(ctx: AppContext, ra: RequestActor, id: string, input: { version: number; class: CallClass; reason: string }) {
  return ctx.store.db.transaction(async (tx) => {
    const now = ctx.now();
    const call = await findCall(tx, id);
    authorize(callPolicy, ra.actor, markActionFor(input.class), call);
    if (call.class === input.class) throw badRequest([{ path: 'body.class', message: '分类未改变' }]);
    if (leavesComplaintProcedure(call.proposedClass, input.class))
      throw badRequest([{ path: 'body.class', message: t('COMPLAINT_STAYS') }], 'COMPLAINT_STAYS');
    const c = await loadIntakeContext(tx, ctx.store, call.projectId, { categoryId: call.categoryId });
    const plan = planDeadline(pickPolicy(await slaPoliciesOf(tx, ctx.store, call.projectId), 'call', input.class, call.urgency), call.receivedAt, c.vendor?.promisedMinutes);
    const [row] = await tx
      .update(callRecords)
      .set({ class: input.class, overrideReason: input.reason, dueAt: plan?.dueAt ?? null, version: sql`${callRecords.version} + 1` })
      .where(and(eq(callRecords.id, id), eq(callRecords.version, input.version)))
      .returning();
    if (!row) throw conflict({ current: { version: call.version } });
    await cancelTimers(tx, 'call', id);
    if (plan) await scheduleTimers(tx, row.projectId, 'call', id, plan.timers.filter((t) => t.at > now || t.kind !== 'gt_check'));
    await addCallEvent(tx, row, now, ra.actor.userId, 'class_override', { from: call.class, to: input.class, reason: input.reason });
    await appendAudit(tx, { actor: ra.actor, action: 'call.class_override', entity: 'call', entityId: id, projectId: row.projectId, ip: ra.ip, detail: { from: call.class, to: input.class, reason: input.reason } }, now);
    return presentCall(ra.actor, row, now, await slaPoliciesOf(tx, ctx.store, row.projectId));
  });
}

/** Fills a 报修单 for the call (CALL-2): to a technician, the warranty engineer (Z) or a vendor (Q). */
export async function dispatch(ctx: AppContext, ra: RequestActor, id: string, input: { version: number; assigneeId?: string; vendorId?: string; note?: string }) {
  return ctx.store.db.transaction(async (tx) => {
    const call = await withFollowUp(tx, await findCall(tx, id));
    authorize(callPolicy, ra.actor, 'dispatch', call);
    if (call.version !== input.version) throw conflict({ current: { version: call.version } });
    if (!callAllows(call.status, 'dispatch')) throw new AppError(409, 'INVALID_STATE', undefined, '该记录已处理完毕，如需返工请先重开', { current: { status: call.status, version: call.version } });
    // Dispatching hands the desk's part on (the work order resolves the record when verified): a complaint goes to the
    // complaint procedure first (CALL-8), as before a resolve or an on-the-spot close.
    await ctx.hooks.run(callFinishing, tx, { projectId: call.projectId, callId: id, class: call.class });
    const kind = call.class === 'Z' ? 'Z' : call.class === 'Q' ? 'Q' : 'normal';
    let vendorName: string | undefined;
    if (input.vendorId) {
      const [v] = await tx.select().from(vendors).where(eq(vendors.id, input.vendorId));
      if (!v || v.projectId !== call.projectId) throw badRequest([{ path: 'body.vendorId', message: '外联单位不存在' }]);
      vendorName = v.name;
    }
    const wo = await createWorkOrder(tx, ctx, ra.actor.userId, call, { kind: input.vendorId ? 'Q' : kind, assigneeId: input.assigneeId, vendorId: input.vendorId, vendorName, dueAt: call.dueAt, note: input.note });
    const moved = (await findCall(tx, id))!;
    await appendAudit(tx, { actor: ra.actor, action: 'call.dispatch', entity: 'call', entityId: id, projectId: call.projectId, ip: ra.ip, detail: { workOrder: wo.number } }, ctx.now());
    return { workOrder: presentWorkOrder(wo), call: presentCall(ra.actor, moved, ctx.now(), await slaPoliciesOf(tx, ctx.store, moved.projectId)) };
  });
}

/** Every reply to the household is recorded (CALL-9); a final one allows closing. */
export async function reply(ctx: AppContext, ra: RequestActor, id: string, input: { channel: (typeof callReplies.$inferInsert)['channel']; content: string; final: boolean }) {
  return ctx.store.db.transaction(async (tx) => {
    const now = ctx.now();
    const call = await withFollowUp(tx, await findCall(tx, id));
    authorize(callPolicy, ra.actor, 'reply', call);
    const [r] = await tx.insert(callReplies).values({ projectId: call.projectId, callId: id, at: now, channel: input.channel, byUserId: ra.actor.userId, content: input.content, final: input.final }).returning();
    await tx.update(callRecords).set({ lastReplyAt: now, version: sql`${callRecords.version} + 1` }).where(eq(callRecords.id, id));
    await addCallEvent(tx, call, now, ra.actor.userId, 'reply', { channel: input.channel, final: input.final });
    await appendAudit(tx, { actor: ra.actor, action: 'call.reply', entity: 'call', entityId: id, projectId: call.projectId, ip: ra.ip }, now);
    return presentReply({ ...r, byName: ra.actor.displayName });
  });
}

/** For items without a work order (inquiry, GT coordination, complaint handled): mark them handled. */
export async function resolve(ctx: AppContext, ra: RequestActor, id: string, input: { version: number; note: string }) {
  return ctx.store.db.transaction(async (tx) => {
    const now = ctx.now();
    const call = await withFollowUp(tx, await findCall(tx, id));
    authorize(callPolicy, ra.actor, 'resolve', call);
    const open = await tx.select({ id: workOrders.id }).from(workOrders).where(and(eq(workOrders.callId, id), inArray(workOrders.status, [...OPEN_WORK_ORDER_STATUSES])));
    if (open.length) throw badRequest([{ path: 'body.note', message: '还有未验收的报修单，请先验收' }]);
    await ctx.hooks.run(callFinishing, tx, { projectId: call.projectId, callId: id, class: call.class });
    const row = await moveCall(tx, call, 'resolve', { at: now, actorId: ra.actor.userId, version: input.version, set: { progress: input.note, resolvedAt: now }, detail: { note: input.note } });
    await appendAudit(tx, { actor: ra.actor, action: 'call.resolve', entity: 'call', entityId: id, projectId: call.projectId, ip: ra.ip }, now);
    return presentCall(ra.actor, row, now, await slaPoliciesOf(tx, ctx.store, row.projectId));
  });
}

export async function reopen(ctx: AppContext, ra: RequestActor, id: string, input: { version: number; reason: string }) {
  return ctx.store.db.transaction(async (tx) => {
    const now = ctx.now();
    const call = await withFollowUp(tx, await findCall(tx, id));
    authorize(callPolicy, ra.actor, 'reopen', call);
    const row = await moveCall(tx, call, 'reopen', { at: now, actorId: ra.actor.userId, version: input.version, set: { progress: `重开：${input.reason}`, resolvedAt: null }, detail: { reason: input.reason } });
    await appendAudit(tx, { actor: ra.actor, action: 'call.reopen', entity: 'call', entityId: id, projectId: call.projectId, ip: ra.ip, detail: { reason: input.reason } }, now);
    return presentCall(ra.actor, row, now, await slaPoliciesOf(tx, ctx.store, row.projectId));
  });
}

/**
 * Close-out (CALL-3): only when the work is done (resolved) and the household has been told the result
 * (a final reply at or after resolution); signed on screen by the closer and given its 销项编号.
 */
export async function close(ctx: AppContext, ra: RequestActor, id: string, input: { version: number; signature: string }) {
  return ctx.store.db.transaction(async (tx) => {
    const now = ctx.now();
    const call = await findCall(tx, id);
    authorize(callPolicy, ra.actor, 'close', call);
    const finals = await tx.select({ at: callReplies.at }).from(callReplies).where(and(eq(callReplies.callId, id), eq(callReplies.final, true)));
    const told = finals.some((f) => call.resolvedAt && f.at >= call.resolvedAt);
    if (!told) throw badRequest([{ path: 'reply', message: '尚未将处理结果答复业户，不能销项' }], 'VALIDATION_FAILED');
    const image = decodeImage(input.signature, 'body.signature', 200 * 1024);
    const closeNumber = await nextNumber(tx, call.projectId, 'close_out', 'XX', now);
    const signatureId = await saveAttachment(tx, { projectId: call.projectId, ownerType: 'call', ownerId: id, kind: 'signature', ...image, createdBy: ra.actor.userId, at: now });
    const row = await moveCall(tx, call, 'close', { at: now, actorId: ra.actor.userId, version: input.version, set: { closedAt: now, closedBy: ra.actor.userId, closeNumber, signatureId, progress: '已完成' }, detail: { closeNumber } });
    await appendAudit(tx, { actor: ra.actor, action: 'call.close', entity: 'call', entityId: id, projectId: call.projectId, ip: ra.ip, detail: { closeNumber } }, now);
    // Closed: the alerts about this record and its work orders are settled for everyone.
    const wos = await workOrdersOfCall(tx, id);
    await settleNotifications(tx, [`/calls/${id}`, ...wos.map((w) => `/tasks/${w.wo.id}`)], now);
    return presentCall(ra.actor, row, now, await slaPoliciesOf(tx, ctx.store, row.projectId));
  });
}

/**
 * 当场答复并销项 (issue 13): a question answered while the household is on the line — the final reply, 已处理 and
 * the signed, numbered close-out (CALL-3) in one transaction, by a closer. A record with an open work order is
 * not answered on the spot (400): its work has to be verified first.
 */
export async function answerAndClose(ctx: AppContext, ra: RequestActor, id: string, input: { version: number; channel: (typeof callReplies.$inferInsert)['channel']; content: string; signature: string }) {
  return ctx.store.db.transaction(async (tx) => {
    const now = ctx.now();
    const call = await findCall(tx, id);
    authorize(callPolicy, ra.actor, 'answerClose', call);
    const open = await tx.select({ id: workOrders.id }).from(workOrders).where(and(eq(workOrders.callId, id), inArray(workOrders.status, [...OPEN_WORK_ORDER_STATUSES])));
    if (open.length) throw badRequest([{ path: 'body.content', message: '还有未验收的报修单，不能当场销项' }]);
    await ctx.hooks.run(callFinishing, tx, { projectId: call.projectId, callId: id, class: call.class });
    const image = decodeImage(input.signature, 'body.signature', 200 * 1024);
    await tx.insert(callReplies).values({ projectId: call.projectId, callId: id, at: now, channel: input.channel, byUserId: ra.actor.userId, content: input.content, final: true });
    await addCallEvent(tx, call, now, ra.actor.userId, 'reply', { channel: input.channel, final: true });
    const resolved = await moveCall(tx, call, 'resolve', { at: now, actorId: ra.actor.userId, version: input.version, set: { progress: input.content, resolvedAt: now, lastReplyAt: now }, detail: { note: input.content } });
    const closeNumber = await nextNumber(tx, call.projectId, 'close_out', 'XX', now);
    const signatureId = await saveAttachment(tx, { projectId: call.projectId, ownerType: 'call', ownerId: id, kind: 'signature', ...image, createdBy: ra.actor.userId, at: now });
    const row = await moveCall(tx, resolved, 'close', { at: now, actorId: ra.actor.userId, set: { closedAt: now, closedBy: ra.actor.userId, closeNumber, signatureId, progress: '已完成' }, detail: { closeNumber } });
    await appendAudit(tx, { actor: ra.actor, action: 'call.reply', entity: 'call', entityId: id, projectId: call.projectId, ip: ra.ip }, now);
    await appendAudit(tx, { actor: ra.actor, action: 'call.resolve', entity: 'call', entityId: id, projectId: call.projectId, ip: ra.ip }, now);
    await appendAudit(tx, { actor: ra.actor, action: 'call.close', entity: 'call', entityId: id, projectId: call.projectId, ip: ra.ip, detail: { closeNumber } }, now);
    await settleNotifications(tx, [`/calls/${id}`], now);
    return presentCall(ra.actor, row, now, await slaPoliciesOf(tx, ctx.store, row.projectId));
  });
}

/** Chases every open work order of the call. */
export async function chase(ctx: AppContext, ra: RequestActor, id: string, note?: string) {
  const call = await withFollowUp(ctx.store.db, await findCall(ctx.store.db, id));
  authorize(callPolicy, ra.actor, 'chase', call);
  const wos = await workOrdersOfCall(ctx.store.db, id);
  const open = wos.filter((w) => ACTIVE_WORK_ORDER_STATUSES.includes(w.wo.status));
  if (open.length === 0) throw badRequest([{ path: 'id', message: '没有待催办的报修单' }]);
  const done = [];
  for (const w of open) done.push(await chaseWorkOrder(ctx, ra, w.wo.id, note));
  return { chased: done.map((w) => ({ id: w.id, number: w.number, chaseCount: w.chaseCount })) };
}

/** The household's contact as the desk sees it: masked (ARC-12); the front desk calls on others' behalf (ARC-11). */
export const callerForDoer = (c: { callerName: string; callerPhone: string | null }) => ({ callerName: maskName(c.callerName), callerPhone: maskPhone(c.callerPhone) });
