import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { projects } from '../property/property.table';
import { users } from '../users/users.table';
import type { Department } from '../shared/departments';

export const CONTACT_FORM_STATUSES = ['sent', 'signed', 'replied', 'closed'] as const;
export type ContactFormStatus = (typeof CONTACT_FORM_STATUSES)[number];

/** 《工作联系单》 (LINK-1, 2): one department asks another for work in writing. */
export const contactForms = pgTable(
  'contact_forms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    number: text('number').notNull(),
    fromDepartment: text('from_department').$type<Department>().notNull(),
    toDepartment: text('to_department').$type<Department>().notNull(),
    subject: text('subject').notNull(),
    details: text('details').notNull(),
    requiredResult: text('required_result').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    status: text('status').$type<ContactFormStatus>().notNull().default('sent'),
    sentBy: uuid('sent_by').notNull().references(() => users.id),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    signedBy: uuid('signed_by').references(() => users.id),
    reply: text('reply'),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    repliedBy: uuid('replied_by').references(() => users.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => users.id),
    closeNote: text('close_note'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('contact_forms_number_uq').on(t.projectId, t.number),
    index('contact_forms_to_idx').on(t.projectId, t.toDepartment, t.status),
    index('contact_forms_from_idx').on(t.projectId, t.fromDepartment, t.status),
  ],
);

export const contactFormEvents = pgTable(
  'contact_form_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').notNull(),
    formId: uuid('form_id').notNull().references(() => contactForms.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    type: text('type').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
  },
  (t) => [index('contact_form_events_f_idx').on(t.formId, t.at)],
);
