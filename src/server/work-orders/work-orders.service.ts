import { and, eq, sql } from 'drizzle-orm';
import { workOrders, type WorkOrderKind } from '../../domain/work-orders/work-orders.table';
import { nextWorkOrderStatus, type WorkOrderEvent } from '../../domain/work-orders/work-orders.status';
import { workOrderPolicy } from '../../domain/work-orders/work-orders.policy';
import { userProjects, userRoles, users } from '../../domain/users/users.table';
import { appendAudit } from '../audit/audit.writer';
import type { AppContext, RequestActor } from '../core/context';
import type { Executor, Tx } from '../db/store';
import { authorize } from '../core/authorize';
import { AppError, badRequest, conflict } from '../core/errors';
import { numberInStatement } from '../numbering/numbering';
import { notify, usersWithRoles } from '../notifications/notifier';
import { addWorkOrderEvent, callBriefOf, eventsOfWorkOrder, findWorkOrder, vendorMemberIds } from './work-orders.repository';
import { callRequestsOf } from './work-orders.presenter';
import { workOrderEvents } from '../../domain/work-orders/work-orders.table';
import type { CallOutcome } from '../../domain/work-orders/work-orders.contract';
import { workOrderAssigned, workOrderStepped } from './work-orders.hooks';
import { decodeImage, saveAttachment } from '../attachments/attachments';

const KIND_ROLE = { normal: 'technician', Z: 'warranty_engineer', Q: 'vendor' } as const;

/** Checks that the assignee works in the project and does this kind of work. */
async function checkAssignee(ex: Executor, projectId: string, userId: string, kind: WorkOrderKind): Promise<string> {
  const rows = await ex
    .select({ name: users.displayName, role: userRoles.role })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .innerJoin(userProjects, and(eq(userProjects.userId, users.id), eq(userProjects.projectId, projectId)))
    .where(and(eq(users.id, userId), eq(users.disabled, false)));
  const fits = kind === 'normal' ? ['technician', 'eng_lead'] : [KIND_ROLE[kind]];
  if (!rows.some((r) => fits.includes(r.role))) throw badRequest([{ path: 'body.assigneeId', message: kind === 'Z' ? '请选择开发商保修工程师' : '请选择本项目的维修人员' }]);
  return rows[0].name;
}

/** The designated warranty engineer of the project (CALL-5): the first active one. */
export async function designatedEngineer(ex: Executor, projectId: string): Promise<string | null> {
  const [u] = await usersWithRoles(ex, projectId, ['warranty_engineer']);
  return u ?? null;
}

/** The call a work order is created for, as the calls feature hands it over. */
export interface CallForWorkOrder {
  id: string;
  projectId: string;
  content: string;
}

/**
 * Creates a 报修单 for a call inside the caller's transaction: numbered, assigned, the doer notified,
 * and `workOrderAssigned` run, by which the calls feature moves the call to in_progress with its
 * processing status written back (CALL-2). The caller reads the moved call itself.
 */
export async function createWorkOrder(
  tx: Tx,
  ctx: AppContext,
  actorId: string,
  call: CallForWorkOrder,
  input: { kind: WorkOrderKind; assigneeId?: string | null; vendorId?: string | null; vendorName?: string; dueAt: Date | null; note?: string },
) {
  const now = ctx.now();
  let who = input.vendorName ?? '';
  if (input.assigneeId) who = await checkAssignee(tx, call.projectId, input.assigneeId, input.kind);
  if (!input.assigneeId && !input.vendorId) throw badRequest([{ path: 'body.assigneeId', message: '请选择维修人员或外联单位' }]);
  const doers = input.assigneeId ? [input.assigneeId] : await vendorMemberIds(tx, input.vendorId ?? null);
  // One statement numbers the order and inserts it with its first event (as a call's, ADR 0022): the day counter,
  // locked to the commit, is taken as late as the order allows.
  const id = crypto.randomUUID();
  const numbered = numberInStatement(tx, call.projectId, 'work_order', 'BX', now);
  const assigned = tx.$with('e', { x: sql<number>`x`.as('x') }).as(
    sql`INSERT INTO work_order_events (project_id, work_order_id, at, actor_id, type, detail)
        VALUES (${call.projectId}, ${id}, ${now.toISOString()}::timestamptz, ${actorId}, 'assigned', ${JSON.stringify({ to: who, note: input.note })}::jsonb)
        RETURNING 1 AS x`,
  );
  const [wo] = await tx
    .with(numbered.cte, assigned)
    .insert(workOrders)
    .values({ id, projectId: call.projectId, number: numbered.value, callId: call.id, kind: input.kind, assigneeId: input.assigneeId ?? null, vendorId: input.vendorId ?? null, dueAt: input.dueAt, createdAt: now })
    .returning();
  const number = wo.number;
  await notify(tx, doers.map((userId) => ({ userId, projectId: call.projectId, type: 'work_order.assigned', title: `新报修单 ${number}`, body: call.content.slice(0, 80), link: `/tasks/${wo.id}` })), now);
  const progress = `已派单 ${number} 给 ${who}`;
  await ctx.hooks.run(workOrderAssigned, tx, { workOrder: wo, to: who, progress, actorId, at: now });
  return wo;
}

const PROGRESS: Partial<Record<WorkOrderEvent, (who: string, extra: string) => string>> = {
  accept: (who) => `${who} 已接单`,
  arrive: (who) => `${who} 已到场`,
  complete: (who, extra) => `${who} 已完工：${extra}`,
  verify: (who) => `已验收（${who}）`,
  reject: (_who, extra) => `验收未通过，返工：${extra}`,
  cancel: (_who, extra) => `报修单已取消：${extra}`,
};

export interface StepInput {
  version: number;
  result?: string;
  materials?: string;
  photos?: string[];
  reason?: string;
  assigneeId?: string;
}

/** One step of a work order by its doer or by customer service, with its effect on the call record. */
export async function stepWorkOrder(ctx: AppContext, ra: RequestActor, id: string, event: WorkOrderEvent, input: StepInput) {
  return ctx.store.db.transaction(async (tx) => {
    const now = ctx.now();
    const wo = await findWorkOrder(tx, id);
    const action = event === 'verify' || event === 'reject' ? 'verify' : event === 'reassign' || event === 'cancel' ? 'reassign' : 'act';
    authorize(workOrderPolicy, ra.actor, action, wo?.rec);
    const next = nextWorkOrderStatus(wo!.status, event);
    if (!next) throw new AppError(409, 'INVALID_STATE', undefined, '报修单当前状态不能执行此操作', { current: { status: wo!.status, version: wo!.version } });
    if (event === 'complete' && !input.result) throw badRequest([{ path: 'body.result', message: '请填写维修结果' }]);
    if ((event === 'reject' || event === 'cancel') && !input.reason) throw badRequest([{ path: 'body.reason', message: '请说明原因' }]);
    let newAssignee: string | null | undefined;
    let newName = '';
    if (event === 'reassign') {
      if (!input.assigneeId) throw badRequest([{ path: 'body.assigneeId', message: '请选择新的维修人员' }]);
      newName = await checkAssignee(tx, wo!.projectId, input.assigneeId, wo!.kind);
      newAssignee = input.assigneeId;
    }
    const set: Partial<typeof workOrders.$inferInsert> = { status: next };
    if (event === 'accept') set.acceptedAt = now;
    if (event === 'arrive') set.onSiteAt = now;
    if (event === 'complete') {
      const images = (input.photos ?? []).map((p, i) => decodeImage(p, `body.photos.${i}`, 1024 * 1024));
      const photoIds: string[] = [];
      for (const img of images) photoIds.push(await saveAttachment(tx, { projectId: wo!.projectId, ownerType: 'work_order', ownerId: id, kind: 'photo', ...img, createdBy: ra.actor.userId, at: now }));
      Object.assign(set, { doneAt: now, result: input.result, materials: input.materials ?? null, photoIds, onSiteAt: wo!.onSiteAt ?? now });
    }
    if (event === 'verify') Object.assign(set, { verifiedAt: now, verifiedBy: ra.actor.userId });
    if (event === 'reassign') Object.assign(set, { assigneeId: newAssignee, acceptedAt: null, onSiteAt: null });
    const [row] = await tx
      .update(workOrders)
      .set({ ...set, version: sql`${workOrders.version} + 1` })
      .where(and(eq(workOrders.id, id), eq(workOrders.version, input.version), eq(workOrders.status, wo!.status)))
      .returning();
    if (!row) throw conflict({ current: { status: wo!.status, version: wo!.version } });
    await addWorkOrderEvent(tx, row, now, ra.actor.userId, event, { result: input.result, reason: input.reason, to: newName || undefined, from: wo!.assigneeId ?? undefined });
    await appendAudit(tx, { actor: ra.actor, action: `work_order.${event}`, entity: 'work_order', entityId: id, projectId: row.projectId, ip: ra.ip }, now);

    const call = (await callBriefOf(tx, row.callId))!;
    const who = ra.actor.displayName;
    const progress = event === 'reassign' ? `改派给 ${newName}` : PROGRESS[event]?.(who, input.result ?? input.reason ?? '');
    // The call's side (progress line, resolution after the last verification, its timers) is the calls feature's reaction.
    await ctx.hooks.run(workOrderStepped, tx, { workOrder: row, event, progress, actorId: ra.actor.userId, at: now });
    if (event === 'complete') {
      const cs = new Set([call.recordedBy, ...(await usersWithRoles(tx, row.projectId, ['cs_assistant']))]);
      await notify(tx, [...cs].map((userId) => ({ userId, projectId: row.projectId, type: 'work_order.done', title: `报修单 ${row.number} 已完工，待验收`, body: input.result, link: `/calls/${call.id}` })), now);
    }
    if (event === 'reassign' && newAssignee) {
      await notify(tx, [{ userId: newAssignee, projectId: row.projectId, type: 'work_order.assigned', title: `改派报修单 ${row.number}`, body: call.content.slice(0, 80), link: `/tasks/${row.id}` }], now);
    }
    return row;
  });
}

/** 催办: logged on the work order and sent to its doers (CALL-6, CALL-11). */
export async function chaseWorkOrder(ctx: AppContext, ra: RequestActor, id: string, note?: string) {
  return ctx.store.db.transaction(async (tx) => {
    const now = ctx.now();
    const wo = await findWorkOrder(tx, id);
    authorize(workOrderPolicy, ra.actor, 'chase', wo?.rec);
    const [row] = await tx.update(workOrders).set({ chaseCount: sql`${workOrders.chaseCount} + 1` }).where(eq(workOrders.id, id)).returning();
    await addWorkOrderEvent(tx, row, now, ra.actor.userId, 'chase', { note, count: row.chaseCount });
    const doers = row.assigneeId ? [row.assigneeId] : await vendorMemberIds(tx, row.vendorId);
    await notify(tx, doers.map((userId) => ({ userId, projectId: row.projectId, type: 'work_order.chase', title: `催办：报修单 ${row.number}（第 ${row.chaseCount} 次）`, body: note, link: `/tasks/${row.id}` })), now);
    await appendAudit(tx, { actor: ra.actor, action: 'work_order.chase', entity: 'work_order', entityId: id, projectId: row.projectId, ip: ra.ip }, now);
    return row;
  });
}

/**
 * ARC-11: a doer who needs to reach the household asks the front desk, which places the call (revealing the
 * number through the audited reveal) — the doer never sees the number.
 */
export async function requestCall(ctx: AppContext, ra: RequestActor, id: string, note: string) {
  return ctx.store.db.transaction(async (tx) => {
    const now = ctx.now();
    const wo = await findWorkOrder(tx, id);
    authorize(workOrderPolicy, ra.actor, 'requestCall', wo?.rec);
    const call = (await callBriefOf(tx, wo!.callId))!;
    // The request's ordinal on this work order: the desk's answer names it (ARC-11).
    await tx.execute(sql`SELECT id FROM work_orders WHERE id = ${id} FOR UPDATE`);
    const seq = (await tx.select({ id: workOrderEvents.id }).from(workOrderEvents).where(and(eq(workOrderEvents.workOrderId, id), eq(workOrderEvents.type, 'call_request')))).length + 1;
    await addWorkOrderEvent(tx, wo!, now, ra.actor.userId, 'call_request', { note, seq });
    const desk = await usersWithRoles(tx, wo!.projectId, ['front_desk']);
    const to = desk.length ? desk : await usersWithRoles(tx, wo!.projectId, ['cs_specialist', 'cs_assistant']);
    await notify(tx, to.map((userId) => ({ userId, projectId: wo!.projectId, type: 'call.request', title: `请代拨业户电话：${call.number}`, body: `${ra.actor.displayName}：${note}`, link: `/calls/${call.id}` })), now);
    await appendAudit(tx, { actor: ra.actor, action: 'work_order.call_request', entity: 'work_order', entityId: id, projectId: wo!.projectId, ip: ra.ip }, now);
    return { requested: true, notified: to.length };
  });
}

const OUTCOME_LABELS: Record<CallOutcome, string> = { reached: '已接通', no_answer: '无人接听', unreachable: '无法接通' };

/**
 * ARC-11 completed: the front desk records that it placed the call for the requester, and how it went. The
 * requester is told the outcome in the bell and on the task; the number never travels (the note is refused if it
 * holds one). Without an open request there is nothing to answer: 409.
 */
export async function recordCallOutcome(ctx: AppContext, ra: RequestActor, id: string, input: { outcome: CallOutcome; note?: string }) {
  return ctx.store.db.transaction(async (tx) => {
    const now = ctx.now();
    const wo = await findWorkOrder(tx, id);
    authorize(workOrderPolicy, ra.actor, 'recordCall', wo?.rec);
    await tx.execute(sql`SELECT id FROM work_orders WHERE id = ${id} FOR UPDATE`);
    const requests = await tx
      .select({ actorId: workOrderEvents.actorId, detail: workOrderEvents.detail })
      .from(workOrderEvents)
      .where(and(eq(workOrderEvents.workOrderId, id), eq(workOrderEvents.type, 'call_request')));
    const answered = new Set(
      (await tx.select({ detail: workOrderEvents.detail }).from(workOrderEvents).where(and(eq(workOrderEvents.workOrderId, id), eq(workOrderEvents.type, 'call_done')))).map((e) => e.detail?.answers),
    );
    const open = requests
      .map((r, i) => ({ actorId: r.actorId, seq: typeof r.detail?.seq === 'number' ? r.detail.seq : i + 1 }))
      .sort((a, b) => a.seq - b.seq)
      .find((r) => !answered.has(r.seq));
    if (!open) throw new AppError(409, 'INVALID_STATE', undefined, '没有待代拨的电话请求');
    const request = { actorId: open.actorId };
    await addWorkOrderEvent(tx, wo!, now, ra.actor.userId, 'call_done', { outcome: input.outcome, note: input.note ?? null, answers: open.seq });
    const call = (await callBriefOf(tx, wo!.callId))!;
    if (request?.actorId) {
      await notify(
        tx,
        [{ userId: request.actorId, projectId: wo!.projectId, type: 'call.done', title: `前台已代拨电话（${OUTCOME_LABELS[input.outcome]}）：${call.number}`, body: input.note ? `${ra.actor.displayName}：${input.note}` : ra.actor.displayName, link: `/tasks/${id}` }],
        now,
      );
    }
    await appendAudit(tx, { actor: ra.actor, action: 'work_order.call_done', entity: 'work_order', entityId: id, projectId: wo!.projectId, ip: ra.ip, detail: { outcome: input.outcome } }, now);
    return callRequestsOf(await eventsOfWorkOrder(tx, id));
  });
}
