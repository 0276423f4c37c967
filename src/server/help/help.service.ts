import { and, desc, eq, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { helpRequests, helpSteps } from '../../domain/help/help.table';
import { helpPolicy, helpStepPolicy } from '../../domain/help/help.policy';
import type { CloseHelpInput, HelpCreate, StartPlaybookInput, helpDetail as helpDetailSchema } from '../../domain/help/help.contract';
import { BRANCH_LABELS } from '../../domain/help/labels';
import { phoneSchema } from '../../domain/property/property.contract';
import { pickPolicy, planDeadline } from '../../domain/deadlines/sla';
import type { Role } from '../../domain/shared/roles';
import type { Actor } from '../../domain/shared/policy';
import { appendAudit } from '../audit/audit.writer';
import type { AppContext, RequestActor } from '../core/context';
import type { Executor, Tx } from '../db/store';
import { authorize } from '../core/authorize';
import { helpRequestClosed } from '../core/hooks';
import { AppError, badRequest, conflict, type FieldError } from '../core/errors';
import { nextNumber } from '../numbering/numbering';
import { cancelTimers, scheduleTimers } from '../deadlines/timers';
import { slaPoliciesOf } from '../deadlines/sla-policies';
import { notify, usersWithRoles } from '../notifications/notifier';
import {
  addHelpEvent,
  eventsOf,
  findHelp,
  findStep,
  householdUnit,
  namesOf,
  openStepsFor,
  playbookByCode,
  playbooksOf,
  stepsOf,
  unitCodesOf,
  unitOfProject,
  type HelpRow,
} from './help.repository';
import { afterStepMoved, scheduleChain, scheduleStepTimer } from './help-timers';
import { DEFAULT_ESCALATION } from '../../domain/help/help.playbooks';
import { alerteesOf } from './roster.service';
import { presentEvent, presentHelp, presentMyStep, presentStep } from './help.presenter';
import { helpComplaintRouted, helpRepairRouted, type HelpRouted } from './help.hooks';

/** Who acted, and from which kind of device (the timeline says it). */
export interface HelpActor extends RequestActor {
  device: string | null;
}

/** The roles whose responders' page lists their steps (everyone else follows the incident page). */
const RESPONDER_LINK_ROLES: readonly Role[] = ['guard', 'guard_leader', 'gate_guard', 'eng_lead', 'technician'];

async function present(ex: Executor, ctx: AppContext, actor: Actor, r: HelpRow) {
  const [names, codes, policies] = [await namesOf(ex, [r.recordedBy]), await unitCodesOf(ex, [r.unitId]), await slaPoliciesOf(ex, ctx.store, r.projectId)];
  return presentHelp(actor, r, ctx.now(), policies, names, codes);
}

/** Bumps the version of a request the caller read at `version`; another edit in between is a 409. */
async function update(tx: Tx, r: HelpRow, version: number, set: Partial<typeof helpRequests.$inferInsert>): Promise<HelpRow> {
  const [row] = await tx
    .update(helpRequests)
    .set({ ...set, version: sql`${helpRequests.version} + 1` })
    .where(and(eq(helpRequests.id, r.id), eq(helpRequests.version, version)))
    .returning();
  if (!row) throw conflict({ current: { version: r.version, status: r.status } });
  return row;
}

/**
 * HELP-1, 2: a help request taken at the desk, numbered, its five-minute first-response clock started.
 * An inquiry (d) is answered and closed in the same step; a repair (b) or complaint (c) is noted as going to
 * a record of its own (the call record), so its own clock applies there.
 */
export async function createHelp(ctx: AppContext, ha: HelpActor, input: HelpCreate) {
  authorize(helpPolicy, ha.actor, 'create', { projectId: input.projectId });
  return ctx.store.db.transaction(async (tx) => {
    const now = ctx.now();
    const fields: FieldError[] = [];
    let unitId = input.unitId ?? null;
    if (input.householdId) {
      const u = await householdUnit(tx, input.projectId, input.householdId);
      if (u === undefined) fields.push({ path: 'body.householdId', message: '住户不存在' });
      else unitId = u;
    } else if (unitId && !(await unitOfProject(tx, input.projectId, unitId))) fields.push({ path: 'body.unitId', message: '房号不存在' });
    const inquiry = input.category === 'inquiry';
    if (inquiry && (!input.answer || input.answer.length < 2)) fields.push({ path: 'body.answer', message: '咨询请填写当场答复的内容' });
    if (fields.length) throw badRequest(fields);

    const policies = await slaPoliciesOf(tx, ctx.store, input.projectId);
    const plan = inquiry ? null : planDeadline(pickPolicy(policies, 'help_request', input.category, null), now);
    const number = await nextNumber(tx, input.projectId, 'help', 'QZ', now);
    const routedTo = input.category === 'repair' ? 'call' : input.category === 'complaint' ? 'complaint' : null;
    let [row] = await tx
      .insert(helpRequests)
      .values({
        projectId: input.projectId,
        number,
        category: input.category,
        receivedAt: now,
        recordedBy: ha.actor.userId,
        requesterName: input.requesterName,
        unitId,
        householdId: input.householdId ?? null,
        phone: input.phone ?? null,
        need: input.need,
        status: inquiry ? 'closed' : 'open',
        dueAt: plan?.dueAt ?? null,
        routedTo,
        ...(inquiry ? { firstResponseAt: now, firstResponseBy: ha.actor.userId, outcome: 'answered' as const, result: input.answer!, closedAt: now, closedBy: ha.actor.userId } : {}),
      })
      .returning();
    const ev = { device: ha.device };
    await addHelpEvent(tx, row, now, ha.actor.userId, 'recorded', { ...ev, detail: { category: input.category } });
    if (routedTo) row = await routeToRecord(ctx, tx, ha, row, now);
    if (inquiry) {
      await addHelpEvent(tx, row, now, ha.actor.userId, 'responded', { ...ev, detail: { note: input.answer } });
      await addHelpEvent(tx, row, now, ha.actor.userId, 'closed', { ...ev, detail: { outcome: 'answered' } });
    }
    if (plan) await scheduleTimers(tx, row.projectId, 'help_request', row.id, plan.timers);
    await appendAudit(tx, { actor: ha.actor, action: 'help.create', entity: 'help_request', entityId: row.id, projectId: row.projectId, ip: ha.ip, detail: { number, category: input.category } }, now);
    return present(tx, ctx, ha.actor, row);
  });
}

/**
 * HELP-1: a repair (b) or a complaint (c) becomes its own record, made by its feature through a hook in this
 * transaction; the request keeps the record's id and number. No record made: nothing is written (the error rolls back).
 */
async function routeToRecord(ctx: AppContext, tx: Tx, ha: HelpActor, row: HelpRow, now: Date): Promise<HelpRow> {
  const point = row.category === 'repair' ? helpRepairRouted : helpComplaintRouted;
  const payload: HelpRouted = {
    request: { id: row.id, projectId: row.projectId, number: row.number, requesterName: row.requesterName, householdId: row.householdId, unitId: row.unitId, phone: row.phone, need: row.need },
    actor: ha.actor,
    ip: ha.ip,
    at: now,
  };
  await ctx.hooks.run(point, tx, payload);
  const linked = payload.linked;
  if (!linked) throw new Error(`Hook ${point.name} made no record for help request ${row.number}.`);
  const [updated] = await tx.update(helpRequests).set({ routedTo: linked.kind, routedId: linked.id, routedRef: linked.number }).where(eq(helpRequests.id, row.id)).returning();
  await addHelpEvent(tx, row, now, ha.actor.userId, 'routed', { device: ha.device, detail: { to: linked.kind, number: linked.number } });
  return updated;
}

export async function listHelp(ctx: AppContext, ra: RequestActor, q: { projectId: string; status: 'active' | 'closed' | 'all' }) {
  authorize(helpPolicy, ra.actor, 'read', { projectId: q.projectId });
  const db = ctx.store.db;
  const cond = q.status === 'active' ? ne(helpRequests.status, 'closed') : q.status === 'closed' ? eq(helpRequests.status, 'closed') : undefined;
  const rows = await db.select().from(helpRequests).where(and(eq(helpRequests.projectId, q.projectId), cond)).orderBy(desc(helpRequests.receivedAt)).limit(200);
  const [names, codes, policies] = [await namesOf(db, rows.map((r) => r.recordedBy)), await unitCodesOf(db, rows.map((r) => r.unitId)), await slaPoliciesOf(db, ctx.store, q.projectId)];
  const now = ctx.now();
  return { items: rows.map((r) => presentHelp(ra.actor, r, now, policies, names, codes)) };
}

export async function helpDetail(ctx: AppContext, ra: RequestActor, id: string): Promise<z.infer<typeof helpDetailSchema>> {
  const db = ctx.store.db;
  const r = await findHelp(db, id);
  authorize(helpPolicy, ra.actor, 'read', r);
  const [steps, events] = [await stepsOf(db, id), await eventsOf(db, id)];
  const names = await namesOf(db, [r.recordedBy, ...steps.flatMap((s) => [s.acknowledgedBy, s.doneBy]), ...events.map((e) => e.actorId)]);
  const codes = await unitCodesOf(db, [r.unitId]);
  const titles = new Map(steps.map((s) => [s.id, s.title]));
  const now = ctx.now();
  return {
    ...presentHelp(ra.actor, r, now, await slaPoliciesOf(db, ctx.store, r.projectId), names, codes),
    steps: steps.map((s) => presentStep(ra.actor, s, r, now, names)),
    timeline: events.map((e) => presentEvent(e, r, names, titles)),
  };
}

/** The first response (HELP-2): the clock stops, no one is alerted. */
async function firstResponse(tx: Tx, r: HelpRow, ha: HelpActor, now: Date, note: string): Promise<Partial<typeof helpRequests.$inferInsert>> {
  await cancelTimers(tx, 'help_request', r.id, ['warn', 'escalate']);
  await addHelpEvent(tx, r, now, ha.actor.userId, 'responded', { device: ha.device, detail: { note } });
  return { status: 'handling', firstResponseAt: now, firstResponseBy: ha.actor.userId };
}

export async function respond(ctx: AppContext, ha: HelpActor, id: string, input: { version: number; note: string }) {
  return ctx.store.db.transaction(async (tx) => {
    const now = ctx.now();
    const r = await findHelp(tx, id);
    authorize(helpPolicy, ha.actor, 'respond', r);
    const row = await update(tx, r, input.version, await firstResponse(tx, r, ha, now, input.note));
    await appendAudit(tx, { actor: ha.actor, action: 'help.respond', entity: 'help_request', entityId: id, projectId: r.projectId, ip: ha.ip }, now);
    return present(tx, ctx, ha.actor, row);
  });
}

const addMinutes = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);

/**
 * Starts a playbook on the request (HELP-5..11): its steps (of the chosen branch) are copied into the incident,
 * each with its due time, and every user of each step's role is alerted at once with an emergency notification.
 * The medical playbook refuses to start without the patient's address and phone, and a branch (HELP-5).
 */
export async function startPlaybook(ctx: AppContext, ha: HelpActor, id: string, input: StartPlaybookInput) {
  return ctx.store.db.transaction(async (tx) => {
    const now = ctx.now();
    const r = await findHelp(tx, id);
    authorize(helpPolicy, ha.actor, 'startPlaybook', r);
    const book = await playbookByCode(tx, r.projectId, input.playbookCode);
    if (!book) throw badRequest([{ path: 'body.playbookCode', message: '应急预案不存在或已停用' }]);
    const pb = book.playbook;
    const fields: FieldError[] = [];
    if (pb.needsPatient) {
      if (!input.patientAddress || input.patientAddress.length < 2) fields.push({ path: 'body.patientAddress', message: '请先询问并记录患者地址' });
      if (!input.patientPhone) fields.push({ path: 'body.patientPhone', message: '请先询问并记录患者电话' });
      else if (!phoneSchema.safeParse(input.patientPhone).success) fields.push({ path: 'body.patientPhone', message: '请输入正确的手机号或座机号' });
    }
    if (pb.branches.length > 0 && (!input.branch || !pb.branches.includes(input.branch))) {
      fields.push({ path: 'body.branch', message: `请选择处理方式（${pb.branches.map((b) => BRANCH_LABELS[b] ?? b).join('、')}）` });
    }
    if (fields.length) throw badRequest(fields);
    const branch = pb.branches.length > 0 ? input.branch! : null;

    const first = r.status === 'open' ? await firstResponse(tx, r, ha, now, `启动应急预案：${pb.name}`) : {};
    const row = await update(tx, r, input.version, {
      ...first,
      playbookCode: pb.code,
      playbookName: pb.name,
      branch,
      patientAddress: pb.needsPatient ? input.patientAddress! : null,
      patientPhone: pb.needsPatient ? phoneSchema.parse(input.patientPhone) : null,
      incidentStartedAt: now,
      // The chain is copied too: a later edit of the playbook does not change this incident's escalation.
      escalation: pb.escalation ?? DEFAULT_ESCALATION,
    });
    // The snapshot: later edits of the playbook do not change a running incident.
    const chosen = book.steps.filter((s) => s.branch === null || s.branch === branch);
    const steps = chosen.length
      ? await tx
          .insert(helpSteps)
          .values(
            chosen.map((s) => ({
              projectId: r.projectId,
              helpRequestId: r.id,
              seq: s.seq,
              parallelGroup: s.parallelGroup,
              role: s.role,
              title: s.title,
              instruction: s.instruction,
              limitMinutes: s.limitMinutes,
              dueAt: s.limitMinutes !== null ? addMinutes(now, s.limitMinutes) : null,
            })),
          )
          .returning()
      : [];
    for (const s of steps) if (s.dueAt) await scheduleStepTimer(tx, s);
    if (steps.length) await scheduleChain(tx, row, row.escalation, now);
    await addHelpEvent(tx, row, now, ha.actor.userId, 'playbook_started', { device: ha.device, detail: { playbook: pb.name, branch, steps: steps.length } });

    // Everyone of each step's role is alerted now (an emergency: the alert stays on their screens until acknowledged).
    const where = row.patientAddress ?? (row.unitId ? ((await unitCodesOf(tx, [row.unitId])).get(row.unitId) ?? '') : '');
    const byRole = new Map<Role, string[]>();
    for (const s of steps) byRole.set(s.role, [...(byRole.get(s.role) ?? []), s.title]);
    const items = [];
    for (const [role, titles] of byRole) {
      const to = await alerteesOf(tx, r.projectId, role, now);
      const link = RESPONDER_LINK_ROLES.includes(role) ? '/duty' : `/help/${r.id}`;
      for (const userId of to) {
        items.push({ userId, projectId: r.projectId, type: 'help.emergency', title: `紧急：${pb.name}${branch ? `（${BRANCH_LABELS[branch] ?? branch}）` : ''} ${r.number}`, body: `${where ? `${where}：` : ''}${titles.join('；')}`.slice(0, 300), link, detail: { helpRequestId: r.id, emergency: true } });
      }
    }
    // The CS supervisor follows every incident on his screen (an emergency there too), unless a step already alerted him.
    const alerted = new Set(items.map((i) => i.userId));
    for (const userId of await alerteesOf(tx, r.projectId, 'cs_supervisor', now)) {
      if (!alerted.has(userId)) items.push({ userId, projectId: r.projectId, type: 'help.emergency', title: `紧急：${pb.name}${branch ? `（${BRANCH_LABELS[branch] ?? branch}）` : ''} ${r.number}`, body: `${where ? `${where}：` : ''}${r.need}`.slice(0, 300), link: `/help/${r.id}`, detail: { helpRequestId: r.id, emergency: true } });
    }
    await notify(tx, items, now);
    await addHelpEvent(tx, row, now, null, 'alerted', { detail: { roles: [...byRole.keys()], users: new Set(items.map((i) => i.userId)).size } });
    await appendAudit(tx, { actor: ha.actor, action: 'help.playbook_start', entity: 'help_request', entityId: id, projectId: r.projectId, ip: ha.ip, detail: { playbook: pb.code, branch } }, now);
    return present(tx, ctx, ha.actor, row);
  });
}

async function moveStep(ctx: AppContext, ha: HelpActor, stepId: string, action: 'acknowledge' | 'complete', input: { version: number; note?: string }) {
  return ctx.store.db.transaction(async (tx) => {
    const now = ctx.now();
    const s = await findStep(tx, stepId);
    const r = s ? await findHelp(tx, s.helpRequestId) : undefined;
    if (!s || !r) throw new AppError(404, 'NOT_FOUND');
    authorize(helpStepPolicy, ha.actor, action, { projectId: s.projectId, role: s.role, status: s.status, requestStatus: r.status });
    const set =
      action === 'acknowledge'
        ? { status: 'acknowledged' as const, acknowledgedAt: now, acknowledgedBy: ha.actor.userId }
        : { status: 'done' as const, doneAt: now, doneBy: ha.actor.userId, note: input.note ?? null, ...(s.acknowledgedAt ? {} : { acknowledgedAt: now, acknowledgedBy: ha.actor.userId }) };
    const [row] = await tx
      .update(helpSteps)
      .set({ ...set, version: sql`${helpSteps.version} + 1` })
      .where(and(eq(helpSteps.id, stepId), eq(helpSteps.version, input.version)))
      .returning();
    if (!row) throw conflict({ current: { version: s.version, status: s.status } });
    await afterStepMoved(tx, r, row, action);
    await addHelpEvent(tx, r, now, ha.actor.userId, action === 'acknowledge' ? 'step_acknowledged' : 'step_done', { stepId, device: ha.device, detail: input.note ? { note: input.note } : undefined });
    await appendAudit(tx, { actor: ha.actor, action: `help.step_${action}`, entity: 'help_step', entityId: stepId, projectId: s.projectId, ip: ha.ip }, now);
    return presentStep(ha.actor, row, r, now, await namesOf(tx, [row.acknowledgedBy, row.doneBy]));
  });
}

export const acknowledgeStep = (ctx: AppContext, ha: HelpActor, stepId: string, input: { version: number; note?: string }) => moveStep(ctx, ha, stepId, 'acknowledge', input);
export const completeStep = (ctx: AppContext, ha: HelpActor, stepId: string, input: { version: number; note?: string }) => moveStep(ctx, ha, stepId, 'complete', input);

/**
 * Closing needs a written result; a request we could not do ourselves is closed only with whom we helped the
 * resident contact (HELP-4). An incident's record is reported to the service-centre manager.
 */
export async function closeHelp(ctx: AppContext, ha: HelpActor, id: string, input: CloseHelpInput) {
  return ctx.store.db.transaction(async (tx) => {
    const now = ctx.now();
    const r = await findHelp(tx, id);
    authorize(helpPolicy, ha.actor, 'close', r);
    if (input.outcome === 'referred' && (!input.referredTo || input.referredTo.length < 2)) {
      throw badRequest([{ path: 'body.referredTo', message: '无法由我们办理时，请填写已协助住户联系的单位或人员' }]);
    }
    const first = r.status === 'open' ? await firstResponse(tx, r, ha, now, input.result) : {};
    const row = await update(tx, r, input.version, { ...first, status: 'closed', outcome: input.outcome, result: input.result, referredTo: input.outcome === 'referred' ? input.referredTo! : null, closedAt: now, closedBy: ha.actor.userId });
    await cancelTimers(tx, 'help_request', id);
    const open = (await stepsOf(tx, id)).filter((s) => s.status !== 'done');
    await addHelpEvent(tx, row, now, ha.actor.userId, 'closed', { device: ha.device, detail: { outcome: input.outcome, result: input.result, referredTo: row.referredTo, unfinishedSteps: open.map((s) => s.title) } });
    if (r.playbookCode) {
      const to = await usersWithRoles(tx, r.projectId, ['centre_manager']);
      await notify(tx, to.map((userId) => ({ userId, projectId: r.projectId, type: 'help.report', title: `求助事件已结案：${r.number} ${r.playbookName ?? ''}`, body: input.result.slice(0, 200), link: `/help/${r.id}` })), now);
      await addHelpEvent(tx, row, now, null, 'reported', { detail: { to: 'centre_manager', users: to.length } });
    }
    await appendAudit(tx, { actor: ha.actor, action: 'help.close', entity: 'help_request', entityId: id, projectId: r.projectId, ip: ha.ip, detail: { outcome: input.outcome } }, now);
    await ctx.hooks.run(helpRequestClosed, tx, { projectId: row.projectId, helpRequestId: row.id, number: row.number, category: row.category, outcome: input.outcome, routedTo: row.routedTo, playbookCode: row.playbookCode, need: row.need, householdId: row.householdId, requesterName: row.requesterName, phone: row.phone, closedAt: now });
    return present(tx, ctx, ha.actor, row);
  });
}

/** The signed-in user's open steps (the guards' phone page). */
export async function myOpenSteps(ctx: AppContext, ra: RequestActor, projectId: string) {
  authorize(helpStepPolicy, ra.actor, 'read', { projectId, role: 'guard' });
  const db = ctx.store.db;
  const rows = await openStepsFor(db, projectId, [...ra.actor.roles]);
  const names = await namesOf(db, rows.map((x) => x.step.acknowledgedBy));
  const codes = await unitCodesOf(db, rows.map((x) => x.req.unitId));
  const now = ctx.now();
  return { items: rows.map((x) => presentMyStep(ra.actor, x.step, x.req, now, names, codes)) };
}

/** The full number of a request (the call-back or the patient's phone), on purpose and audited (ARC-12). */
export async function revealPhone(ctx: AppContext, ra: RequestActor, id: string, input: { field: 'phone' | 'patientPhone'; reason: string }) {
  return ctx.store.db.transaction(async (tx) => {
    const r = await findHelp(tx, id);
    authorize(helpPolicy, ra.actor, 'revealPhone', r);
    const value = input.field === 'phone' ? r.phone : r.patientPhone;
    if (!value) throw badRequest([{ path: 'body.field', message: '该号码未登记' }]);
    await appendAudit(tx, { actor: ra.actor, action: 'help.reveal', entity: 'help_request', entityId: id, projectId: r.projectId, ip: ra.ip, detail: { field: input.field, reason: input.reason } }, ctx.now());
    return { field: input.field, value };
  });
}
