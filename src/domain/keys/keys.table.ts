import { index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { persons, projects, units } from '../property/property.table';
import { BORROWER_KINDS, KEY_KINDS, KEY_STATUSES } from './kinds';

export { BORROWER_KINDS, KEY_KINDS, KEY_STATUSES, type BorrowerKind, type KeyKind, type KeyStatus } from './kinds';

export const keyKindEnum = pgEnum('key_kind', KEY_KINDS);

export const keyStatusEnum = pgEnum('key_status', KEY_STATUSES);

export const borrowerKindEnum = pgEnum('key_borrower_kind', BORROWER_KINDS);

/** 钥匙清单: one row per key (or bunch of identical keys) the property holds. */
export const propertyKeys = pgTable(
  'property_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    number: text('number').notNull(),
    /** The unit the key opens; null for public-area and plant-room keys. */
    unitId: uuid('unit_id').references(() => units.id),
    kind: keyKindEnum('kind').notNull(),
    label: text('label'),
    count: integer('count').notNull().default(1),
    cabinetPosition: text('cabinet_position').notNull(),
    status: keyStatusEnum('status').notNull().default('in'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('property_keys_project_number_uq').on(t.projectId, t.number), index('property_keys_unit_idx').on(t.unitId)],
);

/** 《钥匙出借记录表》: one row per lending (KEY-2), kept at least two years (KEY-5). */
export const keyLoans = pgTable(
  'key_loans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    keyId: uuid('key_id').notNull().references(() => propertyKeys.id),
    borrowerKind: borrowerKindEnum('borrower_kind').notNull(),
    /** The owner who borrows, or the owner who authorised the borrower in writing. */
    ownerPersonId: uuid('owner_person_id').references(() => persons.id),
    borrowerName: text('borrower_name').notNull(),
    identityDocument: text('identity_document').notNull(),
    authorisation: text('authorisation'),
    purpose: text('purpose').notNull(),
    approverId: uuid('approver_id').notNull(),
    ownerContacted: text('owner_contacted_via'),
    lentAt: timestamp('lent_at', { withTimezone: true }).notNull(),
    lentBy: uuid('lent_by').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    borrowerSignatureId: uuid('borrower_signature_id').notNull(),
    overdueAt: timestamp('overdue_at', { withTimezone: true }),
    chaseCount: integer('chase_count').notNull().default(0),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    returnedByName: text('returned_by_name'),
    receivedBy: uuid('received_by'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('key_loans_key_idx').on(t.keyId), index('key_loans_project_idx').on(t.projectId, t.lentAt)],
);

/** KEY-1: the unit's keys handed to its owner at the secondary-renovation procedure, signed for. */
export const keyHandovers = pgTable(
  'key_handovers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    keyId: uuid('key_id').notNull().references(() => propertyKeys.id),
    ownerPersonId: uuid('owner_person_id').notNull().references(() => persons.id),
    renovationRef: text('renovation_ref').notNull(),
    signatureId: uuid('signature_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    by: uuid('by').notNull(),
  },
  (t) => [index('key_handovers_key_idx').on(t.keyId)],
);
