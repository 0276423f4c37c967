import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { callRecords } from '../../domain/calls/calls.table';
import { callPolicy, markActionFor } from '../../domain/calls/calls.policy';
import { classify, leavesComplaintProcedure, type Classification } from '../../domain/calls/classify';
import type { CallCreate, ClassifyRequest } from '../../domain/calls/calls.contract';
import { pickPolicy, planDeadline } from '../../domain/deadlines/sla';
import { appendAudit } from '../audit/audit.writer';
import type { AppContext, RequestActor } from '../core/context';
import type { Executor, Tx } from '../db/store';
import { authorize } from '../core/authorize';
import { AppError, badRequest } from '../core/errors';
import { canonicalJson } from '../audit/audit-chain';
import { sqlState } from '../plugins/errors';
import { localDay, numberInStatement } from '../numbering/numbering';
import { scheduleTimers } from '../deadlines/timers';
import { createWorkOrder, designatedEngineer } from '../work-orders/work-orders.service';
import { addCallEvent, findCall, loadIntakeContext, slaPoliciesOf, type CallRow } from './calls.repository';
import { presentCall, presentClassification } from './calls.presenter';
import { t } from '../../domain/shared/messages.zh-CN';

async function propose(ex: Executor, ctx: AppContext, input: ClassifyRequest) {
  const c = await loadIntakeContext(ex, ctx.store, input.projectId, input);
  const classification: Classification = classify({
    category: c.category,
    handoverDate: c.unit?.handoverDate ?? null,
    warrantyMonths: c.warrantyMonths,
    vendor: c.vendor,
    explicitComplaint: input.explicitComplaint,
    needsCoordination: input.needsCoordination,
    today: localDay(ctx.now()),
  });
  return { ...c, classification };
}

/** What the desk sees while typing: the proposed class and why (CALL-2, 5, 6, 7, 8). */
export async function previewClass(ctx: AppContext, ra: RequestActor, input: ClassifyRequest) {
  authorize(callPolicy, ra.actor, 'create', { projectId: input.projectId });
  const p = await propose(ctx.store.db, ctx, input);
  return presentClassification(p.classification, p.vendor, p.category?.scopeNote ?? null);
}

/**
 * Records a call or visit (CALL-1) in one transaction: classified, numbered, its deadline timers set, and
 * dispatched where the class says who does the work (Z → the designated engineer, Q → the vendor, a normal
 * repair → the technician the desk chose). A retried submission with the same idempotency key returns the
 * record it created the first time.
 */
export async function recordCall(ctx: AppContext, ra: RequestActor, input: CallCreate): Promise<{ created: boolean; call: ReturnType<typeof presentCall> }> {
  authorize(callPolicy, ra.actor, 'create', { projectId: input.projectId });
  try {
    return await insertCall(ctx, ra, input);
  } catch (err) {
    // Two submissions with one key raced: the loser's insert hit the unique index; answer with the winner's record.
    if (input.idempotencyKey && sqlState(err) === '23505') {
      const [dupe] = await ctx.store.db.select().from(callRecords).where(sameKey(ra, input));
      if (dupe) return replay(ctx.store.db, ctx, ra, input, dupe);
    }
    throw err;
  }
}

/** The same key from the same user in the same project: a key is the user's own (one desk's key never finds another's call). */
const sameKey = (ra: RequestActor, input: CallCreate) =>
  and(eq(callRecords.projectId, input.projectId), eq(callRecords.recordedBy, ra.actor.userId), eq(callRecords.idempotencyKey, input.idempotencyKey!));

/** A digest of what was asked, without the key: a retry must ask for the same thing. */
const fingerprint = (input: CallCreate): string => {
  const { idempotencyKey: _key, ...asked } = input;
  return createHash('sha256').update(canonicalJson(asked)).digest('hex');
};

/** A retry answers with the record it made; the same key with another body is a 409 (IETF Idempotency-Key). */
async function replay(ex: Executor, ctx: AppContext, ra: RequestActor, input: CallCreate, call: CallRow) {
  if (call.idempotencyFingerprint && call.idempotencyFingerprint !== fingerprint(input)) {
    throw new AppError(409, 'IDEMPOTENCY_KEY_REUSED', [{ path: 'body.idempotencyKey', message: '该提交编号已用于另一条内容不同的记录，请刷新后重新提交' }]);
  }
  // `ex`: inside the intake's transaction its own executor — on the embedded store (one connection) a query
  // outside it would wait for the transaction that waits for it.
  return { created: false, call: presentCall(ra.actor, call, ctx.now(), await slaPoliciesOf(ex, ctx.store, call.projectId)) };
}

async function insertCall(ctx: AppContext, ra: RequestActor, input: CallCreate): Promise<{ created: boolean; call: ReturnType<typeof presentCall> }> {
  return ctx.store.db.transaction((tx) => insertCallIn(tx, ctx, ra, input));
}

/** Where a call came from when another feature made it (a help request, HELP-1): kept on the call as its back link. */
export interface CallOrigin {
  helpRequestId: string;
  helpNumber: string;
}

/** The intake inside the caller's transaction: a help request's repair is recorded with it, or neither is. */
export async function insertCallIn(tx: Tx, ctx: AppContext, ra: RequestActor, input: CallCreate, origin?: CallOrigin): Promise<{ created: boolean; call: ReturnType<typeof presentCall> }> {
  const now = ctx.now();
  if (input.idempotencyKey) {
    const [dupe] = await tx.select({ id: callRecords.id }).from(callRecords).where(sameKey(ra, input));
    if (dupe) return replay(tx, ctx, ra, input, (await findCall(tx, dupe.id))!);
  }
  const p = await propose(tx, ctx, input);
  const proposed = p.classification.class;
  const cls = input.class ?? proposed;
  if (leavesComplaintProcedure(proposed, cls)) throw badRequest([{ path: 'body.class', message: t('COMPLAINT_STAYS') }], 'COMPLAINT_STAYS');
  if (cls !== proposed) {
    if (!input.overrideReason || input.overrideReason.length < 2) throw badRequest([{ path: 'body.overrideReason', message: '调整系统建议的分类时请说明原因' }]);
    authorize(callPolicy, ra.actor, markActionFor(cls), { projectId: input.projectId, status: 'open' });
  }
  const policies = await slaPoliciesOf(tx, ctx.store, input.projectId);
  const plan = planDeadline(pickPolicy(policies, 'call', cls, input.urgency), now, p.vendor?.promisedMinutes);
  // One statement numbers the record and inserts it with its first event (ADR 0022). The day counter's row is
  // locked from that statement to the commit: the deadline timers (no foreign key, invisible until the commit) go
  // in before it, and the audit rows are written at the commit (ADR 0023), so fewer round trips hold it.
  const id = crypto.randomUUID();
  if (plan) await scheduleTimers(tx, input.projectId, 'call', id, plan.timers);
  const numbered = numberInStatement(tx, input.projectId, 'call', 'LD', now);
  const recordedDetail = { class: cls, proposed, reason: p.classification.reason, ...(origin ? { fromHelp: origin.helpNumber, helpRequestId: origin.helpRequestId } : {}) };
  const recordedEvent = tx.$with('e', { x: sql<number>`x`.as('x') }).as(
    sql`INSERT INTO call_events (project_id, call_id, at, actor_id, type, detail)
        VALUES (${input.projectId}, ${id}, ${now.toISOString()}::timestamptz, ${ra.actor.userId}, 'recorded', ${JSON.stringify(recordedDetail)}::jsonb)
        RETURNING 1 AS x`,
  );
  const [call] = await tx
    .with(numbered.cte, recordedEvent)
    .insert(callRecords)
    .values({
      id,
      projectId: input.projectId,
      number: numbered.value,
      receivedAt: now,
      channel: input.channel,
      householdId: p.householdId,
      unitId: p.unit?.id ?? null,
      districtId: p.unit?.districtId ?? null,
      callerName: input.callerName,
      callerPhone: input.callerPhone ?? null,
      content: input.content,
      categoryId: p.category?.id ?? null,
      urgency: input.urgency,
      class: cls,
      proposedClass: proposed,
      classReason: p.classification.reason,
      overrideReason: cls !== proposed ? input.overrideReason : null,
      recordedBy: ra.actor.userId,
      dueAt: plan?.dueAt ?? null,
      idempotencyKey: input.idempotencyKey ?? null,
      idempotencyFingerprint: input.idempotencyKey ? fingerprint(input) : null,
      helpRequestId: origin?.helpRequestId ?? null,
      helpNumber: origin?.helpNumber ?? null,
      status: 'open',
    })
    .returning();
  if (cls !== proposed) {
    await addCallEvent(tx, call, now, ra.actor.userId, 'class_override', { from: proposed, to: cls, reason: input.overrideReason });
    await appendAudit(tx, { actor: ra.actor, action: 'call.class_override', entity: 'call', entityId: call.id, projectId: call.projectId, ip: ra.ip, detail: { from: proposed, to: cls, reason: input.overrideReason } }, now);
  }
  await appendAudit(tx, { actor: ra.actor, action: 'call.create', entity: 'call', entityId: call.id, projectId: call.projectId, ip: ra.ip, detail: { number: call.number, class: cls } }, now);

  let dispatched = false;
  if (cls === 'Z') {
    const engineer = await designatedEngineer(tx, call.projectId);
    if (engineer) dispatched = !!(await createWorkOrder(tx, ctx, ra.actor.userId, call, { kind: 'Z', assigneeId: engineer, dueAt: plan?.dueAt ?? null }));
  } else if (cls === 'Q' && p.vendor) {
    dispatched = !!(await createWorkOrder(tx, ctx, ra.actor.userId, call, { kind: 'Q', vendorId: p.vendor.id, vendorName: p.vendor.name, dueAt: plan?.dueAt ?? null }));
  } else if (cls === 'normal' && input.assigneeId) {
    dispatched = !!(await createWorkOrder(tx, ctx, ra.actor.userId, call, { kind: 'normal', assigneeId: input.assigneeId, dueAt: plan?.dueAt ?? null }));
  }
  // The work order's hook moved the call: present it as it now stands.
  const current = dispatched ? (await findCall(tx, call.id))! : call;
  return { created: true, call: presentCall(ra.actor, current, now, policies) };
}
