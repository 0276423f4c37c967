import { date, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';

/** One counter row per project, kind and day; incremented inside the creating transaction, so gapless. */
export const numberCounters = pgTable(
  'number_counters',
  {
    projectId: uuid('project_id').notNull(),
    kind: text('kind').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.kind, t.day] })],
);
