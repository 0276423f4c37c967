import { boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { districts, households, projects, units } from '../property/property.table';
import { users } from '../users/users.table';

/** How a call or visit is classed (CALL-2, 5, 6, 7, 8); inquiries are answered on the spot. */
export const CALL_CLASSES = ['normal', 'Z', 'Q', 'GT', 'complaint', 'inquiry'] as const;
export type CallClass = (typeof CALL_CLASSES)[number];
export const callClassEnum = pgEnum('call_class', CALL_CLASSES);

export const CHANNELS = ['phone', 'visit'] as const;
export const channelEnum = pgEnum('call_channel', CHANNELS);

export const URGENCIES = ['normal', 'urgent', 'emergency'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const urgencyEnum = pgEnum('urgency', URGENCIES);

export const CALL_STATUSES = ['open', 'in_progress', 'resolved', 'closed'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];
export const callStatusEnum = pgEnum('call_status', CALL_STATUSES);

export const CATEGORY_KINDS = ['repair', 'vendor', 'coordination', 'inquiry', 'complaint'] as const;
export type CategoryKind = (typeof CATEGORY_KINDS)[number];
export const categoryKindEnum = pgEnum('category_kind', CATEGORY_KINDS);

/** What a caller can report, per project: a repair of an item (with its warranty category), a vendor's item, … */
export const serviceCategories = pgTable(
  'service_categories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    code: text('code').notNull(),
    label: text('label').notNull(),
    kind: categoryKindEnum('kind').notNull(),
    /** warranty_terms.category for repairs of builder-warranted items (CALL-5). */
    warrantyCategory: text('warranty_category'),
    /** vendors.category for items owed by an outside unit (CALL-6). */
    vendorCategory: text('vendor_category'),
    /** Whose responsibility, said to the household (CALL-12). */
    scopeNote: text('scope_note'),
    /** Everyday words, synonyms and pinyin initials a desk may type to find this category. */
    keywords: text('keywords').array().notNull().default(sql`'{}'::text[]`),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [uniqueIndex('service_categories_project_code_uq').on(t.projectId, t.code)],
);

/** 外联单位: outside units with their promised on-site time (CALL-6, CALL-11). */
export const vendors = pgTable(
  'vendors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    category: text('category').notNull(),
    name: text('name').notNull(),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    promisedMinutes: integer('promised_minutes').notNull(),
    active: boolean('active').notNull().default(true),
  },
  (t) => [index('vendors_project_category_idx').on(t.projectId, t.category)],
);

/** Users who act for a vendor on its own page. */
export const vendorMembers = pgTable(
  'vendor_members',
  {
    vendorId: uuid('vendor_id').notNull().references(() => vendors.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.vendorId, t.userId] })],
);

/** 《来电来访记录》 (CALL-1): one row per call or visit. */
export const callRecords = pgTable(
  'call_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    number: text('number').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    channel: channelEnum('channel').notNull(),
    householdId: uuid('household_id').references(() => households.id),
    unitId: uuid('unit_id').references(() => units.id),
    districtId: uuid('district_id').references(() => districts.id),
    callerName: text('caller_name').notNull(),
    callerPhone: text('caller_phone'),
    content: text('content').notNull(),
    categoryId: uuid('category_id').references(() => serviceCategories.id),
    urgency: urgencyEnum('urgency').notNull().default('normal'),
    class: callClassEnum('class').notNull(),
    proposedClass: callClassEnum('proposed_class').notNull(),
    classReason: text('class_reason').notNull(),
    overrideReason: text('override_reason'),
    status: callStatusEnum('status').notNull().default('open'),
    /** Processing status written back from the work order (CALL-2). */
    progress: text('progress'),
    recordedBy: uuid('recorded_by').notNull().references(() => users.id),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    lastReplyAt: timestamp('last_reply_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => users.id),
    /** 销项编号 (CALL-3). */
    closeNumber: text('close_number'),
    /** The closer's signature (an attachment). */
    signatureId: uuid('signature_id'),
    /** The next deadline of this record, for boards and the "overdue first" order. */
    dueAt: timestamp('due_at', { withTimezone: true }),
    /** The desk's key for retries, unique per user (IETF Idempotency-Key), and a digest of the body sent with it. */
    idempotencyKey: text('idempotency_key'),
    idempotencyFingerprint: text('idempotency_fingerprint'),
    /** The help request (住户求助, HELP-1) this repair call was made from; no foreign key: features stay apart. */
    helpRequestId: uuid('help_request_id'),
    helpNumber: text('help_number'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('call_records_number_uq').on(t.projectId, t.number),
    uniqueIndex('call_records_idem_user_uq').on(t.projectId, t.recordedBy, t.idempotencyKey),
    index('call_records_project_received_idx').on(t.projectId, t.receivedAt),
    /** Open and overdue calls; the district last so the managers' home counts overdue by district from the index alone. */
    index('call_records_open_idx').on(t.projectId, t.status, t.dueAt, t.districtId),
    index('call_records_district_idx').on(t.districtId, t.status),
    index('call_records_household_idx').on(t.householdId, t.receivedAt),
    /** The managers' home: calls resolved this month against their deadline, by district — answered from the index alone. */
    index('call_records_project_resolved_idx').on(t.projectId, t.resolvedAt, t.dueAt, t.districtId),
  ],
);

export const REPLY_CHANNELS = ['phone', 'visit', 'sms', 'wechat', 'notice'] as const;
export const replyChannelEnum = pgEnum('reply_channel', REPLY_CHANNELS);

/** Every reply to the household: when, how, who, what (CALL-9). */
export const callReplies = pgTable(
  'call_replies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').notNull(),
    callId: uuid('call_id').notNull().references(() => callRecords.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    channel: replyChannelEnum('channel').notNull(),
    byUserId: uuid('by_user_id').notNull().references(() => users.id),
    content: text('content').notNull(),
    /** Whether this reply tells the household how the matter ended (needed to close). */
    final: boolean('final').notNull().default(false),
  },
  (t) => [index('call_replies_call_idx').on(t.callId, t.at)],
);

/** The timeline of a call record: classification, overrides, dispatch, chases, write-backs. */
export const callEvents = pgTable(
  'call_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').notNull(),
    callId: uuid('call_id').notNull().references(() => callRecords.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    type: text('type').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
  },
  (t) => [index('call_events_call_idx').on(t.callId, t.at)],
);

/**
 * The call desk's settings of one project (CALL-4): whether an account manager may also follow up another
 * district's items (cover for a colleague). No row: the default, he may.
 */
export const callSettings = pgTable('call_settings', {
  projectId: uuid('project_id')
    .primaryKey()
    .references(() => projects.id),
  coverOtherDistricts: boolean('cover_other_districts').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  version: integer('version').notNull().default(1),
});
