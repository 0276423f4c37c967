import { and, eq, sql } from 'drizzle-orm';
import { visits, visitSettings, type VisitSubject } from '../../domain/visits/visits.table';
import { visitPolicy, visitSettingsPolicy } from '../../domain/visits/visits.policy';
import { drawsByRule, helpVisitRule, shareOfPercent, VISIT_DUE_DAYS, type VisitRule } from '../../domain/visits/sampling';
import type { HelpRequestClosed } from '../core/hooks';
import { callRecords } from '../../domain/calls/calls.table';
import type { WorkOrderStepped } from '../work-orders/work-orders.hooks';
import type { AppContext, RequestActor } from '../core/context';
import type { Executor, Tx } from '../db/store';
import { authorize } from '../core/authorize';
import { badRequest, conflict } from '../core/errors';
import { appendAudit } from '../audit/audit.writer';
import { decodeImage, saveAttachment } from '../attachments/attachments';
import { notify, usersWithRoles } from '../notifications/notifier';
import { visitRecorded } from './visits.hooks';

export type { VisitRow } from './visits.hooks';
import type { VisitRow } from './visits.hooks';

/** A handled record to follow up, as its owning feature hands it over. */
export interface VisitSubjectInput {
  projectId: string;
  subjectKind: VisitSubject;
  subjectId: string;
  subjectNumber: string;
  summary: string;
  householdId: string | null;
  contactName: string | null;
  contactPhone: string | null;
  handledAt: Date;
  /** Defaults: a complaint always, anything else by the project's share. */
  rule?: VisitRule;
}

/** The installation's default share (VISIT_REPAIR_SHARE) and the random source of the draw (VISIT-2); app.ts passes them. */
export interface VisitDraw {
  repairShare: number;
  random: () => number;
}

/** VISIT-2: the project's share in [0, 1]: its own setting, or the installation default. */
export async function visitShareOf(ex: Executor, projectId: string, fallback: number): Promise<number> {
  const [row] = await ex.select({ p: visitSettings.sharePercent }).from(visitSettings).where(eq(visitSettings.projectId, projectId));
  return row ? shareOfPercent(row.p) : fallback;
}

/**
 * Draws a return visit for a handled record (VISIT-1, 2), inside the caller's transaction: a complaint always,
 * due within 3 days; a repair or help request by the project's share, a medical emergency always, due within a
 * week. Returns the visit, or null when not drawn.
 */
export async function drawVisit(tx: Executor, s: VisitSubjectInput, draw?: VisitDraw): Promise<VisitRow | null> {
  const rule = s.rule ?? (s.subjectKind === 'complaint' ? 'always' : 'share');
  const share = rule === 'share' ? await visitShareOf(tx, s.projectId, draw?.repairShare ?? 0) : 0;
  if (!drawsByRule(rule, share, draw?.random ?? Math.random)) return null;
  const dueAt = new Date(s.handledAt.getTime() + VISIT_DUE_DAYS[s.subjectKind] * 86_400_000);
  const [row] = await tx
    .insert(visits)
    .values({ projectId: s.projectId, subjectKind: s.subjectKind, subjectId: s.subjectId, subjectNumber: s.subjectNumber, summary: s.summary.slice(0, 200), householdId: s.householdId, contactName: s.contactName, contactPhone: s.contactPhone, drawnAt: s.handledAt, dueAt })
    .returning();
  const to = await usersWithRoles(tx, s.projectId, ['cs_assistant']);
  await notify(tx, to.map((userId) => ({ userId, projectId: s.projectId, type: 'visit.due', title: `待回访：${s.subjectNumber}`, body: s.summary.slice(0, 80), link: '/visits' })), s.handledAt);
  return row;
}

/** VISIT-2: a verified repair (the work order's last step) may be drawn for a return visit. */
export function drawRepairVisit(draw: VisitDraw) {
  return async (tx: Tx, p: WorkOrderStepped): Promise<void> => {
    if (p.event !== 'verify') return;
    const [call] = await tx
      .select({ content: callRecords.content, householdId: callRecords.householdId, callerName: callRecords.callerName, callerPhone: callRecords.callerPhone })
      .from(callRecords)
      .where(eq(callRecords.id, p.workOrder.callId));
    await drawVisit(
      tx,
      { projectId: p.workOrder.projectId, subjectKind: 'work_order', subjectId: p.workOrder.id, subjectNumber: p.workOrder.number, summary: call?.content ?? '', householdId: call?.householdId ?? null, contactName: call?.callerName ?? null, contactPhone: call?.callerPhone ?? null, handledAt: p.at },
      draw,
    );
  };
}

/** VISIT-2: a closed help request or incident, wired to the help feature's `helpRequestClosed` in app.ts. */
export function drawHelpVisit(draw: VisitDraw) {
  return async (tx: Tx, p: HelpRequestClosed): Promise<void> => {
    const rule = helpVisitRule(p);
    if (rule === 'never') return;
    await drawVisit(
      tx,
      { projectId: p.projectId, subjectKind: 'help_request', subjectId: p.helpRequestId, subjectNumber: p.number, summary: p.need, householdId: p.householdId, contactName: p.requesterName, contactPhone: p.phone, handledAt: p.closedAt, rule },
      draw,
    );
  };
}

/** VISIT-2: a supervisor sets the project's share (0–100 %); optimistic on `version` (0: no setting yet). */
export async function setVisitShare(ctx: AppContext, ra: RequestActor, input: { projectId: string; sharePercent: number; version: number }) {
  authorize(visitSettingsPolicy, ra.actor, 'edit', { projectId: input.projectId });
  return ctx.store.db.transaction(async (tx) => {
    const now = ctx.now();
    const [cur] = await tx.select().from(visitSettings).where(eq(visitSettings.projectId, input.projectId));
    if ((cur?.version ?? 0) !== input.version) throw conflict({ current: { version: cur?.version ?? 0 } });
    const [row] = cur
      ? await tx
          .update(visitSettings)
          .set({ sharePercent: input.sharePercent, updatedBy: ra.actor.userId, updatedAt: now, version: sql`${visitSettings.version} + 1` })
          .where(and(eq(visitSettings.projectId, input.projectId), eq(visitSettings.version, input.version)))
          .returning()
      : await tx.insert(visitSettings).values({ projectId: input.projectId, sharePercent: input.sharePercent, updatedBy: ra.actor.userId, updatedAt: now }).onConflictDoNothing().returning();
    if (!row) throw conflict({ current: { version: cur?.version ?? 0 } });
    await appendAudit(tx, { actor: ra.actor, action: 'visit.settings', entity: 'visit_settings', entityId: input.projectId, projectId: input.projectId, ip: ra.ip, detail: { from: cur?.sharePercent ?? null, to: input.sharePercent } }, now);
    return row;
  });
}

export interface RecordVisitInput {
  version: number;
  rating: 'satisfied' | 'fairly_satisfied' | 'unsatisfied';
  comments?: string;
  method: 'phone' | 'in_person';
  signature?: string;
}

export async function findVisit(ex: Executor, id: string) {
  const [v] = await ex.select().from(visits).where(eq(visits.id, id));
  return v ? { ...v, rec: { projectId: v.projectId, status: v.status, version: v.version } } : null;
}

/** VISIT-3: the rating, comments, visitor and method; in person the household signs. Reactions run in the same transaction. */
export async function recordVisit(ctx: AppContext, ra: RequestActor, id: string, input: RecordVisitInput): Promise<VisitRow> {
  return ctx.store.db.transaction(async (tx) => {
    const now = ctx.now();
    const v = await findVisit(tx, id);
    authorize(visitPolicy, ra.actor, 'record', v?.rec);
    if (input.method === 'in_person' && !input.signature) throw badRequest([{ path: 'body.signature', message: '上门回访须由业户签名' }]);
    if (input.rating === 'unsatisfied' && !input.comments) throw badRequest([{ path: 'body.comments', message: '业户不满意时请记录其意见' }]);
    let signatureId: string | null = null;
    if (input.signature) {
      const img = decodeImage(input.signature, 'body.signature', 256 * 1024);
      signatureId = await saveAttachment(tx, { projectId: v!.projectId, ownerType: 'visit', ownerId: id, kind: 'signature', ...img, createdBy: ra.actor.userId, at: now });
    }
    const [row] = await tx
      .update(visits)
      .set({ status: 'done', rating: input.rating, comments: input.comments ?? null, method: input.method, visitorId: ra.actor.userId, signatureId, doneAt: now, version: sql`${visits.version} + 1` })
      .where(and(eq(visits.id, id), eq(visits.version, input.version), eq(visits.status, 'due')))
      .returning();
    if (!row) throw conflict({ current: { status: v!.status, version: v!.version } });
    await appendAudit(tx, { actor: ra.actor, action: 'visit.record', entity: 'visit', entityId: id, projectId: row.projectId, ip: ra.ip, detail: { rating: input.rating, method: input.method } }, now);
    await ctx.hooks.run(visitRecorded, tx, { visit: row, actorId: ra.actor.userId, at: now });
    return row;
  });
}
