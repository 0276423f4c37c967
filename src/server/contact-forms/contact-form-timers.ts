import type { Role } from '../../domain/shared/roles';
import { isContactFormPending } from '../../domain/contact-forms/contact-forms.status';
import { localTime } from '../../domain/shared/business-time';
import { notify, usersWithRoles } from '../notifications/notifier';
import { subjectTimers, type TimerRunner } from '../deadlines/timers';
import { addContactFormEvent, findContactForm, headsOf } from './contact-forms.service';

export interface ContactFormTimerPayloads {
  warn: { roles?: Role[] };
  escalate: { roles?: Role[] };
}

/** LINK-2: before the deadline the receiver is warned; overdue, both departments are told, then the ladder climbs. */
export const contactFormTimers = subjectTimers<ContactFormTimerPayloads>()('contact_form', {
  warn: async (tx, t, now) => {
    const f = await findContactForm(tx, t.subjectId);
    if (!f || !isContactFormPending(f.status)) return { skipped: 'done' };
    const to = await headsOf(tx, f.projectId, f.toDepartment);
    await notify(tx, to.map((userId) => ({ userId, projectId: f.projectId, type: 'deadline.warning', title: `联系单即将到期：${f.number}`, body: `须在 ${localTime(f.dueAt)} 前完成：${f.subject}`, link: `/contact-forms/${f.id}` })), now);
    return { notified: to.length };
  },
  escalate: async (tx, t, now) => {
    const f = await findContactForm(tx, t.subjectId);
    if (!f || !isContactFormPending(f.status)) return { skipped: 'done' };
    const to = new Set([...(await headsOf(tx, f.projectId, f.toDepartment)), ...(await headsOf(tx, f.projectId, f.fromDepartment)), ...(await usersWithRoles(tx, f.projectId, (t.payload?.roles ?? []).filter(Boolean)))]);
    await notify(tx, [...to].map((userId) => ({ userId, projectId: f.projectId, type: 'deadline.escalation', title: `联系单已超期（第 ${t.level} 级）：${f.number}`, body: f.subject, link: `/contact-forms/${f.id}`, detail: { level: t.level } })), now);
    await addContactFormEvent(tx, f, now, null, t.level === 1 ? 'deadline_missed' : 'deadline_escalated', { level: t.level, to: to.size });
    return { notified: to.size };
  },
});

export function registerContactFormTimers(runner: TimerRunner): void {
  runner.register(contactFormTimers);
}
