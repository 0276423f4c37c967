import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { households, projects } from '../property/property.table';
import { users } from '../users/users.table';

/** What a return visit follows up (VISIT-1, 2): a complaint, a verified repair, a closed help request or incident. */
export const VISIT_SUBJECTS = ['complaint', 'work_order', 'help_request'] as const;
export type VisitSubject = (typeof VISIT_SUBJECTS)[number];

/** VISIT-3: 满意 / 较满意 / 不满意. */
export const VISIT_RATINGS = ['satisfied', 'fairly_satisfied', 'unsatisfied'] as const;
export type VisitRating = (typeof VISIT_RATINGS)[number];

export const VISIT_METHODS = ['phone', 'in_person'] as const;
export type VisitMethod = (typeof VISIT_METHODS)[number];

export const VISIT_STATUSES = ['due', 'done'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

/** 回访: one per followed-up record, drawn when the record is handled (complaints always, repairs by share). */
export const visits = pgTable(
  'visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    subjectKind: text('subject_kind').$type<VisitSubject>().notNull(),
    subjectId: uuid('subject_id').notNull(),
    /** The followed-up record's number and a line about it, for the work list. */
    subjectNumber: text('subject_number').notNull(),
    summary: text('summary').notNull(),
    householdId: uuid('household_id').references(() => households.id),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    status: text('status').$type<VisitStatus>().notNull().default('due'),
    drawnAt: timestamp('drawn_at', { withTimezone: true }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    rating: text('rating').$type<VisitRating>(),
    comments: text('comments'),
    method: text('method').$type<VisitMethod>(),
    visitorId: uuid('visitor_id').references(() => users.id),
    /** In person: the household's signature (an attachment). */
    signatureId: uuid('signature_id'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('visits_subject_idx').on(t.subjectKind, t.subjectId),
    index('visits_project_status_idx').on(t.projectId, t.status, t.dueAt),
    index('visits_project_drawn_idx').on(t.projectId, t.drawnAt),
  ],
);

/**
 * VISIT-2's share, per project: the percentage (0–100) of finished repairs and help requests drawn for a visit.
 * No row: the installation default (VISIT_REPAIR_SHARE, 30 %). Edited by the supervisors.
 */
export const visitSettings = pgTable('visit_settings', {
  projectId: uuid('project_id')
    .primaryKey()
    .references(() => projects.id),
  sharePercent: integer('share_percent').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  version: integer('version').notNull().default(1),
});
