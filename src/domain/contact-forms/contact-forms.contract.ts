import { z } from 'zod';
import { createSelectSchema } from 'drizzle-zod';
import { contactForms, CONTACT_FORM_STATUSES } from './contact-forms.table';
import { contactFormPolicy } from './contact-forms.policy';
import { DEPARTMENTS } from '../shared/departments';
import { abilitiesSchema, instant, timelineEvent } from '../shared/wire.contract';
import { plainText } from '../shared/text';
import { slaReadingSchema } from '../deadlines/deadlines.contract';

// 工作联系单 requests and answers (src/server/contact-forms/contact-forms.routes.ts).

const row = createSelectSchema(contactForms, {
  dueAt: instant,
  signedAt: instant.nullable(),
  repliedAt: instant.nullable(),
  closedAt: instant.nullable(),
  createdAt: instant,
  status: z.enum(CONTACT_FORM_STATUSES),
  fromDepartment: z.enum(DEPARTMENTS),
  toDepartment: z.enum(DEPARTMENTS),
});

export const contactForm = row
  .pick({ id: true, projectId: true, number: true, fromDepartment: true, toDepartment: true, subject: true, details: true, requiredResult: true, dueAt: true, status: true, signedAt: true, reply: true, repliedAt: true, closedAt: true, closeNote: true, version: true, createdAt: true })
  .extend({ sentByName: z.string().nullable(), signedByName: z.string().nullable(), repliedByName: z.string().nullable(), closedByName: z.string().nullable(), sla: slaReadingSchema, abilities: abilitiesSchema(contactFormPolicy) });
export const contactFormDetail = contactForm.extend({ events: z.array(timelineEvent) });
export const contactFormList = z.object({ items: z.array(contactForm) });

export const contactFormInput = z
  .object({
    projectId: z.uuid({ error: '请选择项目' }),
    fromDepartment: z.enum(DEPARTMENTS, { error: '请选择发出部门' }),
    toDepartment: z.enum(DEPARTMENTS, { error: '请选择接收部门' }),
    subject: plainText({ max: 100, required: '请填写事由' }),
    details: plainText({ max: 2000, required: '请填写具体内容' }),
    requiredResult: plainText({ max: 500, required: '请填写要求达到的结果' }),
    dueAt: z.iso.datetime({ offset: true, error: '请填写完成期限' }),
  })
  .strict();

const version = z.number().int().positive();
export const contactFormStepBodies = {
  sign: z.object({ version }).strict(),
  reply: z.object({ version, reply: plainText({ max: 2000, required: '请填写处理结果' }) }).strict(),
  close: z.object({ version, note: z.string().trim().max(500, '最多 500 字').optional() }).strict(),
} as const;

export const contactFormListQuery = z.object({ projectId: z.uuid().optional(), box: z.enum(['in', 'out', 'all']).optional() });

export type ContactForm = z.input<typeof contactForm>;
export type ContactFormDetail = z.input<typeof contactFormDetail>;
export type ContactFormList = z.input<typeof contactFormList>;
export type ContactFormInput = z.input<typeof contactFormInput>;
