import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { projects } from '../property/property.table';
import { callClassEnum, urgencyEnum } from '../calls/calls.table';

export const TIMER_STATUSES = ['pending', 'fired', 'cancelled'] as const;
export const timerStatusEnum = pgEnum('timer_status', TIMER_STATUSES);

/**
 * Durable timers: one row per future act (a warning, an escalation step, the two-day GT check).
 * A claim loop takes due rows with FOR UPDATE SKIP LOCKED and fires each inside the transaction
 * that marks it fired, so a timer fires exactly once across restarts and instances.
 */
export const timers = pgTable(
  'timers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    kind: text('kind').notNull(),
    level: integer('level').notNull().default(0),
    fireAt: timestamp('fire_at', { withTimezone: true }).notNull(),
    status: timerStatusEnum('status').notNull().default('pending'),
    firedAt: timestamp('fired_at', { withTimezone: true }),
    firedBy: text('fired_by'),
    payload: jsonb('payload').$type<Record<string, unknown>>(),
  },
  (t) => [
    index('timers_due_idx').on(t.status, t.fireAt),
    index('timers_subject_idx').on(t.subjectType, t.subjectId),
  ],
);

/**
 * Deadline policy per project, class and urgency (first match wins; null matches any).
 * ladder: steps after the deadline, each naming the roles to alert.
 */
export const slaPolicies = pgTable(
  'sla_policies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    class: callClassEnum('class'),
    urgency: urgencyEnum('urgency'),
    /** Minutes from receipt to the deadline; null: the vendor's promised time (Q). */
    dueMinutes: integer('due_minutes'),
    warnBeforeMinutes: integer('warn_before_minutes').notNull(),
    ladder: jsonb('ladder').$type<{ afterMinutes: number; roles: string[] }[]>().notNull(),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [index('sla_policies_project_idx').on(t.projectId, t.sort)],
);
