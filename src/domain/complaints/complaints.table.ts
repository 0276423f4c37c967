import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { households, projects, units } from '../property/property.table';
import { users } from '../users/users.table';
import { callRecords } from '../calls/calls.table';

/** COMP-2: 重大 / 重要 / 轻微. Order matters: "one level higher" is the previous entry. */
export const COMPLAINT_LEVELS = ['major', 'serious', 'minor'] as const;
export type ComplaintLevel = (typeof COMPLAINT_LEVELS)[number];

/** The departments a complaint can be about (COMP-1): the shared list, whose heads sign for it. */
export { DEPARTMENTS, type Department } from '../shared/departments';
import type { Department } from '../shared/departments';

export const COMPLAINT_STATUSES = ['recorded', 'assigned', 'in_progress', 'returned', 'informed', 'closed', 'invalid'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** 投诉 (COMP-1..7): one row per complaint, from the desk or from a call recorded as a complaint (CALL-8). */
export const complaints = pgTable(
  'complaints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    number: text('number').notNull(),
    /** The call record this complaint came from (CALL-8); one complaint per call. */
    callId: uuid('call_id').references(() => callRecords.id),
    /** The work order whose unsatisfied return visit became this complaint (VISIT-4). */
    workOrderId: uuid('work_order_id'),
    /** The help request (住户求助, HELP-1) this complaint was made from; no foreign key: features stay apart. */
    helpRequestId: uuid('help_request_id'),
    helpNumber: text('help_number'),
    householdId: uuid('household_id').references(() => households.id),
    unitId: uuid('unit_id').references(() => units.id),
    complainantName: text('complainant_name').notNull(),
    complainantPhone: text('complainant_phone'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    place: text('place').notNull(),
    department: text('department').$type<Department>().notNull(),
    /** The person complained about, if named. */
    aboutPerson: text('about_person'),
    content: text('content').notNull(),
    wants: text('wants').notNull(),
    /** The household's own date for a minor complaint (COMP-2). */
    wantedBy: timestamp('wanted_by', { withTimezone: true }),
    /** The cause, for the monthly analysis (COMP-7). */
    cause: text('cause'),
    status: text('status').$type<ComplaintStatus>().notNull().default('recorded'),
    valid: boolean('valid'),
    invalidReason: text('invalid_reason'),
    level: text('level').$type<ComplaintLevel>(),
    dueAt: timestamp('due_at', { withTimezone: true }),
    judgedAt: timestamp('judged_at', { withTimezone: true }),
    judgedBy: uuid('judged_by').references(() => users.id),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    signedBy: uuid('signed_by').references(() => users.id),
    action: text('action'),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    informedAt: timestamp('informed_at', { withTimezone: true }),
    informedBy: uuid('informed_by').references(() => users.id),
    informNote: text('inform_note'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    reopenCount: integer('reopen_count').notNull().default(0),
    /** Set when COMP-5 made it major after a month open. */
    autoMajorAt: timestamp('auto_major_at', { withTimezone: true }),
    recordedBy: uuid('recorded_by').notNull().references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('complaints_number_uq').on(t.projectId, t.number),
    uniqueIndex('complaints_call_uq').on(t.callId),
    /** Unfinished complaints by level and department, and overdue ones (the managers' home), from the index alone. */
    index('complaints_project_status_idx').on(t.projectId, t.status, t.dueAt, t.level, t.department),
    index('complaints_project_created_idx').on(t.projectId, t.createdAt),
    /** The managers' home: complaints returned this month (issue 12 benchmark). */
    index('complaints_project_returned_idx').on(t.projectId, t.returnedAt),
  ],
);

export const complaintEvents = pgTable(
  'complaint_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').notNull(),
    complaintId: uuid('complaint_id').notNull().references(() => complaints.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    type: text('type').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
  },
  (t) => [index('complaint_events_c_idx').on(t.complaintId, t.at)],
);
