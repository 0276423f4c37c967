import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { projects } from '../property/property.table';
import { users } from '../users/users.table';
import { callRecords, vendors } from '../calls/calls.table';

/** Who does the work: the maintenance technician, the builder's warranty engineer, or an outside unit. */
export const WORK_ORDER_KINDS = ['normal', 'Z', 'Q'] as const;
export type WorkOrderKind = (typeof WORK_ORDER_KINDS)[number];
export const workOrderKindEnum = pgEnum('work_order_kind', WORK_ORDER_KINDS);

export const WORK_ORDER_STATUSES = ['assigned', 'accepted', 'on_site', 'done', 'verified', 'cancelled'] as const;
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];
export const workOrderStatusEnum = pgEnum('work_order_status', WORK_ORDER_STATUSES);

/** 《报修单》 (CALL-2, 5, 6). */
export const workOrders = pgTable(
  'work_orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    number: text('number').notNull(),
    callId: uuid('call_id').notNull().references(() => callRecords.id),
    kind: workOrderKindEnum('kind').notNull(),
    status: workOrderStatusEnum('status').notNull().default('assigned'),
    assigneeId: uuid('assignee_id').references(() => users.id),
    vendorId: uuid('vendor_id').references(() => vendors.id),
    dueAt: timestamp('due_at', { withTimezone: true }),
    result: text('result'),
    materials: text('materials'),
    /** Attachment ids of the photos taken on completion. */
    photoIds: jsonb('photo_ids').$type<string[]>(),
    chaseCount: integer('chase_count').notNull().default(0),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    onSiteAt: timestamp('on_site_at', { withTimezone: true }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    verifiedBy: uuid('verified_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('work_orders_number_uq').on(t.projectId, t.number),
    index('work_orders_call_idx').on(t.callId),
    index('work_orders_assignee_idx').on(t.assigneeId, t.status),
    index('work_orders_vendor_idx').on(t.vendorId, t.status),
  ],
);

/** Assignment history, chases (催办) and every status step of a work order. */
export const workOrderEvents = pgTable(
  'work_order_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').notNull(),
    workOrderId: uuid('work_order_id').notNull().references(() => workOrders.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    type: text('type').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
  },
  (t) => [index('work_order_events_wo_idx').on(t.workOrderId, t.at)],
);
