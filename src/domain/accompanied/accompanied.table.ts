import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { households, projects } from '../property/property.table';
import { users } from '../users/users.table';

/**
 * 陪同查阅 (ARC-8..10): a department lead looks at one household's file while a customer-service staff member,
 * who confirmed with their own password on the lead's screen, sits beside him. Read-only and time-boxed.
 */
export const accompaniedSessions = pgTable(
  'accompanied_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    householdId: uuid('household_id').notNull().references(() => households.id),
    leadUserId: uuid('lead_user_id').notNull().references(() => users.id),
    csUserId: uuid('cs_user_id').notNull().references(() => users.id),
    reason: text('reason').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedBy: uuid('ended_by').references(() => users.id),
  },
  (t) => [index('accompanied_sessions_project_idx').on(t.projectId, t.startedAt), index('accompanied_sessions_lead_idx').on(t.leadUserId), index('accompanied_sessions_cs_idx').on(t.csUserId)],
);
