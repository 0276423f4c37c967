import { and, eq, sql } from 'drizzle-orm';
import { complaints, type ComplaintLevel, type Department } from '../../domain/complaints/complaints.table';
import { complaintPolicy, DEPARTMENT_ROLES } from '../../domain/complaints/complaints.policy';
import { levelAbove, nextComplaintStatus, type ComplaintEvent } from '../../domain/complaints/complaints.status';
import { COMPLAINT_LEVEL_LABELS } from '../../domain/complaints/labels';
import { callRecords } from '../../domain/calls/calls.table';
import { households, persons, units } from '../../domain/property/property.table';
import type { AppContext, RequestActor } from '../core/context';
import type { Executor, Tx } from '../db/store';
import { authorize } from '../core/authorize';
import { AppError, badRequest, conflict, notFound } from '../core/errors';
import { appendAudit } from '../audit/audit.writer';
import { nextNumber } from '../numbering/numbering';
import { notify, usersWithRoles } from '../notifications/notifier';
import { cancelTimers } from '../deadlines/timers';
import { slaPoliciesOf } from '../deadlines/sla-policies';
import { drawVisit } from '../visits/visits.service';
import { addComplaintEvent, findComplaint, type ComplaintRow } from './complaints.repository';
import { planComplaint, replanComplaintTimers, scheduleInformCheck } from './complaint-deadline';

export interface RecordComplaintInput {
  projectId: string;
  callId?: string;
  householdId?: string;
  complainantName?: string;
  complainantPhone?: string;
  occurredAt?: string;
  place: string;
  department: Department;
  aboutPerson?: string;
  content?: string;
  wants: string;
  wantedBy?: string;
  cause?: string;
}

/** The department's signers of a project (COMP-3). */
const handlersOf = (ex: Executor, projectId: string, department: Department) => usersWithRoles(ex, projectId, DEPARTMENT_ROLES[department]);

/** The household's unit and main contact, when a household is named. */
async function householdBrief(ex: Executor, projectId: string, householdId: string) {
  const [h] = await ex.select({ id: households.id, unitId: households.unitId }).from(households).where(and(eq(households.id, householdId), eq(households.projectId, projectId)));
  if (!h) return null;
  const [p] = await ex.select({ name: persons.name, phone: persons.phone }).from(persons).where(eq(persons.householdId, householdId)).limit(1);
  return { unitId: h.unitId, name: p?.name ?? null, phone: p?.phone ?? null };
}

interface NewComplaint {
  projectId: string;
  callId: string | null;
  helpRequestId?: string | null;
  helpNumber?: string | null;
  workOrderId: string | null;
  householdId: string | null;
  unitId: string | null;
  complainantName: string;
  complainantPhone: string | null;
  occurredAt: Date;
  place: string;
  department: Department;
  aboutPerson: string | null;
  content: string;
  wants: string;
  wantedBy: Date | null;
  cause: string | null;
}

/** Inserts a complaint, numbered, with its first event and audit row, and tells customer service's judges. */
async function insertComplaint(tx: Tx, v: NewComplaint, recordedBy: string, actor: RequestActor['actor'] | null, ip: string | null, now: Date, source: string): Promise<ComplaintRow> {
  const number = await nextNumber(tx, v.projectId, 'complaint', 'TS', now);
  const [row] = await tx
    .insert(complaints)
    .values({ ...v, number, recordedBy, createdAt: now })
    .returning();
  await addComplaintEvent(tx, row, now, recordedBy, 'recorded', { source, ...(v.helpNumber ? { fromHelp: v.helpNumber } : {}) });
  await appendAudit(tx, { actor, action: 'complaint.record', entity: 'complaint', entityId: row.id, projectId: row.projectId, ip, detail: { source } }, now);
  const judges = await usersWithRoles(tx, row.projectId, ['cs_assistant', 'cs_supervisor']);
  await notify(tx, judges.map((userId) => ({ userId, projectId: row.projectId, type: 'complaint.recorded', title: `新投诉 ${row.number}，待判定`, body: row.content.slice(0, 80), link: `/complaints/${row.id}` })), now);
  return row;
}

/**
 * COMP-1: a complaint recorded at once — what, where, about whom or which department, what the household wants.
 * CALL-8: with `callId`, from a call already recorded as a complaint (read from the call table; the calls
 * feature is not imported): the call must be a complaint of the same project, and gets one complaint only.
 */
export async function recordComplaint(ctx: AppContext, ra: RequestActor, input: RecordComplaintInput): Promise<ComplaintRow> {
  return ctx.store.db.transaction(async (tx) => {
    const now = ctx.now();
    authorize(complaintPolicy, ra.actor, 'record', { projectId: input.projectId, status: 'recorded', department: input.department, version: 1 });
    let base = { householdId: input.householdId ?? null, unitId: null as string | null, name: input.complainantName ?? null, phone: input.complainantPhone ?? null, content: input.content ?? null, occurredAt: input.occurredAt ? new Date(input.occurredAt) : now };
    if (input.callId) {
      const [call] = await tx.select().from(callRecords).where(eq(callRecords.id, input.callId));
      if (!call || call.projectId !== input.projectId || !ra.actor.projectIds.has(call.projectId)) throw notFound();
      if (call.class !== 'complaint') throw badRequest([{ path: 'body.callId', message: '该来电未记录为投诉，不能转投诉处理' }]);
      const [existing] = await tx.select({ id: complaints.id, number: complaints.number }).from(complaints).where(eq(complaints.callId, call.id));
      if (existing) throw new AppError(409, 'DUPLICATE', undefined, `该来电已转为投诉 ${existing.number}`, { complaintId: existing.id });
      base = { householdId: input.householdId ?? call.householdId, unitId: call.unitId, name: input.complainantName ?? call.callerName, phone: input.complainantPhone ?? call.callerPhone, content: input.content ?? call.content, occurredAt: input.occurredAt ? new Date(input.occurredAt) : call.receivedAt };
    }
    if (base.householdId) {
      const h = await householdBrief(tx, input.projectId, base.householdId);
      if (!h) throw badRequest([{ path: 'body.householdId', message: '住户不存在' }]);
      base = { ...base, unitId: base.unitId ?? h.unitId, name: base.name ?? h.name, phone: base.phone ?? h.phone };
    }
    const missing = [];
    if (!base.name) missing.push({ path: 'body.complainantName', message: '请填写投诉人' });
    if (!base.content) missing.push({ path: 'body.content', message: '请填写投诉内容' });
    if (base.occurredAt > now) missing.push({ path: 'body.occurredAt', message: '发生时间不能晚于现在' });
    const wantedBy = input.wantedBy ? new Date(input.wantedBy) : null;
    if (wantedBy && wantedBy <= now) missing.push({ path: 'body.wantedBy', message: '期望完成时间应晚于现在' });
    if (missing.length) throw badRequest(missing);
    return insertComplaint(
      tx,
      { projectId: input.projectId, callId: input.callId ?? null, workOrderId: null, householdId: base.householdId, unitId: base.unitId, complainantName: base.name!, complainantPhone: base.phone, occurredAt: base.occurredAt, place: input.place, department: input.department, aboutPerson: input.aboutPerson || null, content: base.content!, wants: input.wants, wantedBy, cause: input.cause || null },
      ra.actor.userId,
      ra.actor,
      ra.ip,
      now,
      input.callId ? 'call' : 'desk',
    );
  });
}

export interface ComplaintStepInput {
  version: number;
  valid?: boolean;
  level?: ComplaintLevel;
  reason?: string;
  cause?: string;
  action?: string;
  note?: string;
}

const ACTION_OF: Record<'judge' | 'sign' | 'return' | 'inform', 'judge' | 'sign' | 'return' | 'inform'> = { judge: 'judge', sign: 'sign', return: 'return', inform: 'inform' };

/** Sends a judged or reopened complaint to its department (and a major one to the centre manager) with its deadline. */
async function dispatch(tx: Tx, ctx: AppContext, row: ComplaintRow, now: Date, why: string) {
  const level = row.level!;
  const to = new Set(await handlersOf(tx, row.projectId, row.department));
  if (level === 'major') for (const u of await usersWithRoles(tx, row.projectId, ['centre_manager'])) to.add(u);
  await notify(tx, [...to].map((userId) => ({ userId, projectId: row.projectId, type: 'complaint.assigned', title: `${COMPLAINT_LEVEL_LABELS[level]}投诉 ${row.number}：${why}`, body: row.content.slice(0, 80), link: `/complaints/${row.id}`, detail: { level } })), now);
}

/** One step of a complaint (COMP-1, 3, 4): judge, sign, return, inform. One transaction; version checked. */
export async function stepComplaint(ctx: AppContext, ra: RequestActor, id: string, step: 'judge' | 'sign' | 'return' | 'inform', input: ComplaintStepInput): Promise<ComplaintRow> {
  return ctx.store.db.transaction(async (tx) => {
    const now = ctx.now();
    const c = await findComplaint(tx, id);
    authorize(complaintPolicy, ra.actor, ACTION_OF[step], c?.rec);
    const event: ComplaintEvent = step === 'judge' ? (input.valid ? 'judge_valid' : 'judge_invalid') : step;
    const next = nextComplaintStatus(c!.status, event);
    if (!next) throw new AppError(409, 'INVALID_STATE', undefined, '投诉当前状态不能执行此操作', { current: { status: c!.status, version: c!.version } });
    const set: Partial<typeof complaints.$inferInsert> = { status: next };
    let plan: ReturnType<typeof planComplaint> = null;
    if (step === 'judge') {
      if (input.valid === false && !input.reason) throw badRequest([{ path: 'body.reason', message: '无效投诉须记录向业户所作的解释' }]);
      if (input.valid && !input.level) throw badRequest([{ path: 'body.level', message: '请选择投诉级别' }]);
      Object.assign(set, { valid: input.valid, judgedAt: now, judgedBy: ra.actor.userId, cause: input.cause || c!.cause });
      if (input.valid) {
        plan = planComplaint(await slaPoliciesOf(tx, ctx.store, c!.projectId), input.level!, now, c!.createdAt, c!.wantedBy);
        Object.assign(set, { level: input.level, dueAt: plan?.dueAt ?? null });
      } else {
        set.invalidReason = input.reason;
      }
    }
    if (step === 'sign') Object.assign(set, { signedAt: now, signedBy: ra.actor.userId });
    if (step === 'return') Object.assign(set, { action: input.action, returnedAt: now });
    if (step === 'inform') Object.assign(set, { informedAt: now, informedBy: ra.actor.userId, informNote: input.note });
    const [row] = await tx
      .update(complaints)
      .set({ ...set, version: sql`${complaints.version} + 1` })
      .where(and(eq(complaints.id, id), eq(complaints.version, input.version), eq(complaints.status, c!.status)))
      .returning();
    if (!row) throw conflict({ current: { status: c!.status, version: c!.version } });
    await addComplaintEvent(tx, row, now, ra.actor.userId, event, { level: input.level, reason: input.reason, action: input.action, note: input.note });
    await appendAudit(tx, { actor: ra.actor, action: `complaint.${event}`, entity: 'complaint', entityId: id, projectId: row.projectId, ip: ra.ip, detail: input.level ? { level: input.level } : undefined }, now);
    if (plan) {
      await replanComplaintTimers(tx, row.projectId, row.id, plan.timers);
      await dispatch(tx, ctx, row, now, '请签收处理');
    }
    if (step === 'return') {
      // The department's deadline is met; COMP-5's month stops too (handled). The household must hear today (COMP-4).
      await cancelTimers(tx, 'complaint', row.id, ['warn', 'escalate', 'gt_check']);
      await scheduleInformCheck(tx, row.projectId, row.id, now);
      const cs = new Set([row.recordedBy, ...(await usersWithRoles(tx, row.projectId, ['cs_assistant']))]);
      await notify(tx, [...cs].map((userId) => ({ userId, projectId: row.projectId, type: 'complaint.returned', title: `投诉 ${row.number} 已处理，请当天告知业户`, body: input.action, link: `/complaints/${row.id}` })), now);
    }
    if (step === 'inform') {
      await cancelTimers(tx, 'complaint', row.id, ['inform_check']);
      // VISIT-1: every handled complaint gets a return visit within 3 days.
      await drawVisit(tx, { projectId: row.projectId, subjectKind: 'complaint', subjectId: row.id, subjectNumber: row.number, summary: row.content, householdId: row.householdId, contactName: row.complainantName, contactPhone: row.complainantPhone, handledAt: now });
    }
    return row;
  });
}

/**
 * COMP-6: an unsatisfied return visit reopens the complaint one level higher: back to its department with a new
 * deadline. The reopening is written by the system on the visit's transaction.
 */
export async function reopenComplaint(tx: Tx, ctx: AppContext, c: ComplaintRow, comments: string | null, actorId: string, now: Date) {
  const level = levelAbove(c.level ?? 'minor');
  const plan = planComplaint(await slaPoliciesOf(tx, ctx.store, c.projectId), level, now, c.createdAt, null);
  const [row] = await tx
    .update(complaints)
    .set({ status: 'assigned', level, dueAt: plan?.dueAt ?? null, signedAt: null, signedBy: null, action: null, returnedAt: null, informedAt: null, informedBy: null, informNote: null, reopenCount: sql`${complaints.reopenCount} + 1`, version: sql`${complaints.version} + 1` })
    .where(and(eq(complaints.id, c.id), eq(complaints.status, 'informed')))
    .returning();
  if (!row) throw new AppError(409, 'INVALID_STATE', undefined, '投诉当前状态不能重新打开', { current: { status: c.status, version: c.version } });
  await addComplaintEvent(tx, row, now, actorId, 'reopen', { from: c.level, to: level, comments });
  await appendAudit(tx, { actor: null, action: 'complaint.reopen', entity: 'complaint', entityId: c.id, projectId: c.projectId, detail: { from: c.level, to: level, by: actorId } }, now);
  if (plan) await replanComplaintTimers(tx, row.projectId, row.id, plan.timers);
  await dispatch(tx, ctx, row, now, '回访不满意，升级重新处理');
  return row;
}

/** The return visit closed the matter: the household is satisfied (COMP-6). */
export async function closeComplaint(tx: Tx, c: ComplaintRow, actorId: string, now: Date) {
  const [row] = await tx
    .update(complaints)
    .set({ status: 'closed', closedAt: now, version: sql`${complaints.version} + 1` })
    .where(and(eq(complaints.id, c.id), eq(complaints.status, 'informed')))
    .returning();
  if (!row) throw new AppError(409, 'INVALID_STATE', undefined, '投诉当前状态不能关闭', { current: { status: c.status, version: c.version } });
  await addComplaintEvent(tx, row, now, actorId, 'close', {});
  await appendAudit(tx, { actor: null, action: 'complaint.close', entity: 'complaint', entityId: c.id, projectId: c.projectId, detail: { by: actorId } }, now);
  return row;
}

/** VISIT-4: an unsatisfied visit of a repair becomes a new complaint about engineering, recorded by the visitor. */
export async function complaintFromVisit(tx: Tx, v: { projectId: string; subjectKind?: string; subjectId: string; subjectNumber: string; summary: string; householdId: string | null; contactName: string | null; contactPhone: string | null; comments: string | null }, actorId: string, now: Date) {
  let unitId: string | null = null;
  if (v.householdId) unitId = (await householdBrief(tx, v.projectId, v.householdId))?.unitId ?? null;
  // A repair's household complains about engineering; a help request's about customer service, who handled it.
  const help = v.subjectKind === 'help_request';
  const row = await insertComplaint(
    tx,
    { projectId: v.projectId, callId: null, workOrderId: help ? null : v.subjectId, householdId: v.householdId, unitId, complainantName: v.contactName ?? '业户', complainantPhone: v.contactPhone, occurredAt: now, place: help ? '求助回访' : '报修回访', department: help ? 'customer_service' : 'engineering', aboutPerson: null, content: `${help ? '求助' : '报修单'} ${v.subjectNumber}（${v.summary.slice(0, 60)}）回访不满意：${v.comments ?? ''}`, wants: v.comments ?? '重新处理', wantedBy: null, cause: help ? '求助处理' : '维修质量' },
    actorId,
    null,
    null,
    now,
    'visit',
  );
  return row;
}

/**
 * HELP-1: a help request of category c recorded at the desk becomes a complaint about customer service's
 * handling by default (the judge may send it on), the place its unit, what the household wants what it asked for.
 */
export async function complaintFromHelp(
  tx: Tx,
  p: { request: { id: string; projectId: string; number: string; requesterName: string; householdId: string | null; unitId: string | null; phone: string | null; need: string }; actor: RequestActor['actor']; ip: string; at: Date },
): Promise<ComplaintRow> {
  const r = p.request;
  let place = '未注明';
  if (r.unitId) {
    const [u] = await tx.select({ code: units.code }).from(units).where(eq(units.id, r.unitId));
    if (u) place = u.code;
  }
  return insertComplaint(
    tx,
    { projectId: r.projectId, callId: null, workOrderId: null, helpRequestId: r.id, helpNumber: r.number, householdId: r.householdId, unitId: r.unitId, complainantName: r.requesterName, complainantPhone: r.phone, occurredAt: p.at, place, department: 'customer_service', aboutPerson: null, content: r.need, wants: r.need, wantedBy: null, cause: null },
    p.actor.userId,
    p.actor,
    p.ip,
    p.at,
    'help',
  );
}
