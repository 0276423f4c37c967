import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { projects } from '../property/property.table';
import type { SubjectKind } from './sla';

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
 * Deadline policy per project, subject kind and the kind's class and level (first match wins; null matches
 * any): for calls the class and urgency, for work orders the kind and urgency. Everything a deadline does
 * is here: due time, warn window, escalation ladder, the re-class check (GT after two days).
 * ladder: steps after the deadline, each naming the roles to alert.
 */
export const slaPolicies = pgTable(
  'sla_policies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    subjectKind: text('subject_kind').$type<SubjectKind>().notNull().default('call'),
    class: text('class'),
    level: text('level'),
    /** Minutes from receipt to the deadline; null: the vendor's promised time (Q), or the call's (a work order). */
    dueMinutes: integer('due_minutes'),
    warnBeforeMinutes: integer('warn_before_minutes').notNull(),
    ladder: jsonb('ladder').$type<{ afterMinutes: number; roles: string[] }[]>().notNull(),
    /** Minutes after receipt when a still-open record is re-classed (CALL-7: GT); null: never. */
    reclassAfterMinutes: integer('reclass_after_minutes'),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [index('sla_policies_project_idx').on(t.projectId, t.subjectKind, t.sort)],
);
