import { boolean, date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { households, persons, projects } from '../property/property.table';
import { ARCHIVE_DEPARTMENTS, DOCUMENT_STATUSES, SIGNER_ROLES, SIGNOFF_KINDS } from './departments';

export const archiveDepartmentEnum = pgEnum('archive_department', ARCHIVE_DEPARTMENTS);
export const documentStatusEnum = pgEnum('archive_document_status', DOCUMENT_STATUSES);

/** The documents every household's archive should hold, per source department; each project edits its own (ARC-1..4). */
export const archiveTemplates = pgTable(
  'archive_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    department: archiveDepartmentEnum('department').notNull(),
    name: text('name').notNull(),
    sort: integer('sort').notNull().default(0),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('archive_templates_project_name_uq').on(t.projectId, t.name)],
);

/** One document of one household's archive: received or missing, who handed it over and when, where the paper lies. */
export const archiveDocuments = pgTable(
  'archive_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    householdId: uuid('household_id').notNull().references(() => households.id),
    templateId: uuid('template_id').notNull().references(() => archiveTemplates.id),
    status: documentStatusEnum('status').notNull(),
    handedOverBy: text('handed_over_by'),
    handedOverOn: date('handed_over_on', { mode: 'string' }),
    receivedBy: uuid('received_by'),
    /** 档案袋 / box where the paper lies once bagged and filed (装袋归档). */
    location: text('location'),
    filedAt: timestamp('filed_at', { withTimezone: true }),
    note: text('note'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('archive_documents_household_template_uq').on(t.householdId, t.templateId), index('archive_documents_project_idx').on(t.projectId)],
);

export const signoffKindEnum = pgEnum('household_signoff_kind', SIGNOFF_KINDS);
export const signerRoleEnum = pgEnum('household_signer_role', SIGNER_ROLES);

/** A confirmation signed on screen (ARC-5..7), kept with the household's archive and printed on its form. */
export const householdSignoffs = pgTable(
  'household_signoffs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    householdId: uuid('household_id').notNull().references(() => households.id),
    kind: signoffKindEnum('kind').notNull(),
    items: jsonb('items').$type<string[]>().notNull(),
    signerRole: signerRoleEnum('signer_role').notNull(),
    signerPersonId: uuid('signer_person_id').references(() => persons.id),
    signerName: text('signer_name').notNull(),
    signatureId: uuid('signature_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    by: uuid('by').notNull(),
  },
  (t) => [index('household_signoffs_household_idx').on(t.householdId)],
);

/** A scan of an archive document (PDF/JPEG/PNG): the bytes in attachments under a generated id, the name as given kept apart. */
export const archiveScans = pgTable(
  'archive_scans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    documentId: uuid('document_id').notNull().references(() => archiveDocuments.id),
    attachmentId: uuid('attachment_id').notNull(),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    by: uuid('by').notNull(),
  },
  (t) => [index('archive_scans_document_idx').on(t.documentId)],
);
