import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { households, projects } from './property.table';

/** Kinds of vehicle a household registers (车辆类型). */
export const VEHICLE_KINDS = ['car', 'new_energy', 'motorcycle', 'other'] as const;
export type VehicleKind = (typeof VEHICLE_KINDS)[number];

/** 车辆: part of the household file; removal is a date, never a deletion. */
export const householdVehicles = pgTable(
  'household_vehicles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    householdId: uuid('household_id').notNull().references(() => households.id),
    plate: text('plate').notNull(),
    kind: text('kind', { enum: VEHICLE_KINDS }).notNull(),
    parkingSpace: text('parking_space'),
    removedOn: date('removed_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('household_vehicles_household_idx').on(t.householdId)],
);

export const RENOVATION_ACCEPTANCE = ['passed', 'failed'] as const;

/** 装修记录: dates, the renovation company, the permit and its approval, the acceptance (竣工验收). */
export const householdRenovations = pgTable(
  'household_renovations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    householdId: uuid('household_id').notNull().references(() => households.id),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    finishedOn: date('finished_on', { mode: 'string' }),
    company: text('company').notNull(),
    permitNo: text('permit_no'),
    approvedOn: date('approved_on', { mode: 'string' }),
    acceptedOn: date('accepted_on', { mode: 'string' }),
    acceptance: text('acceptance', { enum: RENOVATION_ACCEPTANCE }),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('household_renovations_household_idx').on(t.householdId)],
);

export const HISTORY_SUBJECTS = ['household', 'person', 'vehicle', 'renovation'] as const;
export const HISTORY_ACTIONS = ['create', 'update', 'move_in', 'move_out', 'remove'] as const;

/**
 * 档案变更记录: every change of the household register, one row per changed field: who, when, old → new.
 * Phone and ID numbers are stored here already masked (ARC-12): the history never holds a full number.
 */
export const householdHistory = pgTable(
  'household_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    householdId: uuid('household_id').notNull().references(() => households.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id').notNull(),
    actorName: text('actor_name').notNull(),
    subject: text('subject', { enum: HISTORY_SUBJECTS }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    /** What the row is about, as recorded then (a person's name, a plate, a company). */
    subjectLabel: text('subject_label'),
    action: text('action', { enum: HISTORY_ACTIONS }).notNull(),
    field: text('field'),
    oldValue: text('old_value'),
    newValue: text('new_value'),
    seq: integer('seq').notNull().default(0),
  },
  (t) => [index('household_history_household_idx').on(t.householdId, t.at)],
);
