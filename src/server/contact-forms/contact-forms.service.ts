import { and, eq, sql } from 'drizzle-orm';
import { contactFormEvents, contactForms } from '../../domain/contact-forms/contact-forms.table';
import { contactFormPolicy, type ContactFormRec } from '../../domain/contact-forms/contact-forms.policy';
import { nextContactFormStatus, type ContactFormEvent } from '../../domain/contact-forms/contact-forms.status';
import { DEPARTMENT_HEADS, DEPARTMENT_LABELS, type Department } from '../../domain/shared/departments';
import { pickPolicy, planDeadline } from '../../domain/deadlines/sla';
import { users } from '../../domain/users/users.table';
import type { AppContext, RequestActor } from '../core/context';
import type { Executor } from '../db/store';
import { authorize } from '../core/authorize';
import { AppError, badRequest, conflict } from '../core/errors';
import { appendAudit } from '../audit/audit.writer';
import { nextNumber } from '../numbering/numbering';
import { notify, usersWithRoles } from '../notifications/notifier';
import { cancelTimers, scheduleTimers } from '../deadlines/timers';
import { slaPoliciesOf } from '../deadlines/sla-policies';

export type ContactFormRow = typeof contactForms.$inferSelect;
export const recOf = (f: ContactFormRow): ContactFormRec => ({ projectId: f.projectId, status: f.status, fromDepartment: f.fromDepartment, toDepartment: f.toDepartment, version: f.version });

export async function findContactForm(ex: Executor, id: string) {
  const [f] = await ex.select().from(contactForms).where(eq(contactForms.id, id));
  return f ? { ...f, rec: recOf(f) } : null;
}

export async function addContactFormEvent(ex: Executor, f: { id: string; projectId: string }, at: Date, actorId: string | null, type: string, detail?: Record<string, unknown>) {
  await ex.insert(contactFormEvents).values({ formId: f.id, projectId: f.projectId, at, actorId, type, detail });
}

export async function eventsOfContactForm(ex: Executor, id: string) {
  return ex
    .select({ at: contactFormEvents.at, type: contactFormEvents.type, detail: contactFormEvents.detail, actorName: users.displayName })
    .from(contactFormEvents)
    .leftJoin(users, eq(users.id, contactFormEvents.actorId))
    .where(eq(contactFormEvents.formId, id))
    .orderBy(contactFormEvents.at);
}

/** The heads of a department in a project (they receive what is addressed to it). */
export const headsOf = (ex: Executor, projectId: string, d: Department) => usersWithRoles(ex, projectId, DEPARTMENT_HEADS[d]);

export interface SendInput {
  projectId: string;
  fromDepartment: Department;
  toDepartment: Department;
  subject: string;
  details: string;
  requiredResult: string;
  dueAt: string;
}

/** LINK-1: a numbered form from one department to another, with its deadline on the deadline engine. */
export async function sendContactForm(ctx: AppContext, ra: RequestActor, input: SendInput): Promise<ContactFormRow> {
  return ctx.store.db.transaction(async (tx) => {
    const now = ctx.now();
    authorize(contactFormPolicy, ra.actor, 'send', { projectId: input.projectId, status: 'sent', fromDepartment: input.fromDepartment, toDepartment: input.toDepartment, version: 1 });
    const errors = [];
    if (input.fromDepartment === input.toDepartment) errors.push({ path: 'body.toDepartment', message: '接收部门不能与发出部门相同' });
    const dueAt = new Date(input.dueAt);
    if (dueAt <= now) errors.push({ path: 'body.dueAt', message: '完成期限应晚于现在' });
    if (errors.length) throw badRequest(errors);
    const number = await nextNumber(tx, input.projectId, 'contact_form', 'LX', now);
    const [row] = await tx
      .insert(contactForms)
      .values({ projectId: input.projectId, number, fromDepartment: input.fromDepartment, toDepartment: input.toDepartment, subject: input.subject, details: input.details, requiredResult: input.requiredResult, dueAt, sentBy: ra.actor.userId, createdAt: now })
      .returning();
    await addContactFormEvent(tx, row, now, ra.actor.userId, 'sent', { to: input.toDepartment });
    await appendAudit(tx, { actor: ra.actor, action: 'contact_form.send', entity: 'contact_form', entityId: row.id, projectId: row.projectId, ip: ra.ip }, now);
    const minutes = Math.max(1, Math.round((dueAt.getTime() - now.getTime()) / 60_000));
    const plan = planDeadline(pickPolicy(await slaPoliciesOf(tx, ctx.store, row.projectId), 'contact_form', null, null), now, minutes);
    if (plan) await scheduleTimers(tx, row.projectId, 'contact_form', row.id, plan.timers);
    const to = await headsOf(tx, row.projectId, row.toDepartment);
    await notify(tx, to.map((userId) => ({ userId, projectId: row.projectId, type: 'contact_form.sent', title: `工作联系单 ${row.number}（${DEPARTMENT_LABELS[row.fromDepartment]}）：${row.subject}`, body: row.requiredResult.slice(0, 80), link: `/contact-forms/${row.id}` })), now);
    return row;
  });
}

export interface ContactFormStepInput {
  version: number;
  reply?: string;
  note?: string;
}

/** LINK-2: the receiver signs and replies; the sender confirms and closes. */
export async function stepContactForm(ctx: AppContext, ra: RequestActor, id: string, event: ContactFormEvent, input: ContactFormStepInput): Promise<ContactFormRow> {
  return ctx.store.db.transaction(async (tx) => {
    const now = ctx.now();
    const f = await findContactForm(tx, id);
    authorize(contactFormPolicy, ra.actor, event, f?.rec);
    const next = nextContactFormStatus(f!.status, event);
    if (!next) throw new AppError(409, 'INVALID_STATE', undefined, '联系单当前状态不能执行此操作', { current: { status: f!.status, version: f!.version } });
    const set: Partial<typeof contactForms.$inferInsert> = { status: next };
    if (event === 'sign') Object.assign(set, { signedAt: now, signedBy: ra.actor.userId });
    if (event === 'reply') Object.assign(set, { reply: input.reply, repliedAt: now, repliedBy: ra.actor.userId });
    if (event === 'close') Object.assign(set, { closedAt: now, closedBy: ra.actor.userId, closeNote: input.note || null });
    const [row] = await tx
      .update(contactForms)
      .set({ ...set, version: sql`${contactForms.version} + 1` })
      .where(and(eq(contactForms.id, id), eq(contactForms.version, input.version), eq(contactForms.status, f!.status)))
      .returning();
    if (!row) throw conflict({ current: { status: f!.status, version: f!.version } });
    await addContactFormEvent(tx, row, now, ra.actor.userId, event, { reply: input.reply, note: input.note });
    await appendAudit(tx, { actor: ra.actor, action: `contact_form.${event}`, entity: 'contact_form', entityId: id, projectId: row.projectId, ip: ra.ip }, now);
    if (event === 'reply') {
      // The required result is answered: the deadline stops; the sender is asked to confirm.
      await cancelTimers(tx, 'contact_form', row.id);
      const to = await headsOf(tx, row.projectId, row.fromDepartment);
      await notify(tx, to.map((userId) => ({ userId, projectId: row.projectId, type: 'contact_form.replied', title: `工作联系单 ${row.number} 已回复，请确认`, body: input.reply?.slice(0, 80), link: `/contact-forms/${row.id}` })), now);
    }
    return row;
  });
}
