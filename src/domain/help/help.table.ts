import { bigserial, boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { households, projects, units } from '../property/property.table';
import { roleEnum, users } from '../users/users.table';
import type { EscalationChain } from './help.escalation';

/** HELP-1: a) medical emergency, b) repair, c) complaint, d) inquiry, e) security incident, f) disaster, g) other help. */
export const HELP_CATEGORIES = ['medical', 'repair', 'complaint', 'inquiry', 'security', 'disaster', 'other'] as const;
export type HelpCategory = (typeof HELP_CATEGORIES)[number];
export const helpCategoryEnum = pgEnum('help_category', HELP_CATEGORIES);

/** open: waiting for its first response (the five-minute clock runs); handling: answered, being handled; closed. */
export const HELP_STATUSES = ['open', 'handling', 'closed'] as const;
export type HelpStatus = (typeof HELP_STATUSES)[number];
export const helpStatusEnum = pgEnum('help_status', HELP_STATUSES);

/** How a request ended: solved by us, answered on the spot (inquiry), or "we cannot do this" with whom we helped contact (HELP-4). */
export const HELP_OUTCOMES = ['solved', 'answered', 'referred'] as const;
export type HelpOutcome = (typeof HELP_OUTCOMES)[number];
export const helpOutcomeEnum = pgEnum('help_outcome', HELP_OUTCOMES);

/** The medical playbook's three branches, the requester's choice (HELP-5..8). */
export const MEDICAL_BRANCHES = ['hospital', 'call120', 'care'] as const;
export type MedicalBranch = (typeof MEDICAL_BRANCHES)[number];

export const HELP_STEP_STATUSES = ['pending', 'acknowledged', 'done'] as const;
export type HelpStepStatus = (typeof HELP_STEP_STATUSES)[number];
export const helpStepStatusEnum = pgEnum('help_step_status', HELP_STEP_STATUSES);

/** 住户求助: one request, with its first-response clock; an emergency playbook makes it an incident. */
export const helpRequests = pgTable(
  'help_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    number: text('number').notNull(),
    category: helpCategoryEnum('category').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    recordedBy: uuid('recorded_by').notNull().references(() => users.id),
    requesterName: text('requester_name').notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    householdId: uuid('household_id').references(() => households.id),
    /** The call-back phone: masked on the way out (ARC-12). */
    phone: text('phone'),
    need: text('need').notNull(),
    status: helpStatusEnum('status').notNull().default('open'),
    /** The first-response deadline (HELP-2: five minutes unless the service keeps its own limit). */
    dueAt: timestamp('due_at', { withTimezone: true }),
    firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
    firstResponseBy: uuid('first_response_by').references(() => users.id),
    /** Repairs (b) and complaints (c) become records of their own: the kind of record it went to, and its number when known. */
    routedTo: text('routed_to'),
    /** The linked record's id (a call record or a complaint) and its number (HELP-1). */
    routedId: uuid('routed_id'),
    routedRef: text('routed_ref'),
    // The incident: the playbook copied in when it started (a snapshot; later edits of the playbook do not change it).
    playbookCode: text('playbook_code'),
    playbookName: text('playbook_name'),
    branch: text('branch'),
    patientAddress: text('patient_address'),
    patientPhone: text('patient_phone'),
    incidentStartedAt: timestamp('incident_started_at', { withTimezone: true }),
    /** The playbook's escalation chain, copied at the start (later edits do not change a running incident). */
    escalation: jsonb('escalation').$type<EscalationChain>(),
    outcome: helpOutcomeEnum('outcome'),
    /** The written result (closing needs it). */
    result: text('result'),
    /** HELP-4: whom we helped the resident contact, when we could not do it ourselves. */
    referredTo: text('referred_to'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => users.id),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('help_requests_project_number_uq').on(t.projectId, t.number),
    index('help_requests_open_idx').on(t.projectId, t.receivedAt).where(sql`${t.status} <> 'closed'`),
  ],
);

/** 应急预案: a playbook the company edits (data, not code). */
export const helpPlaybooks = pgTable(
  'help_playbooks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** The request category it usually answers (a hint for the desk). */
    category: helpCategoryEnum('category'),
    /** Branches the requester chooses between (the medical playbook's three); empty: none. */
    branches: text('branches').array().notNull().default(sql`'{}'::text[]`),
    /** The playbook refuses to start without the patient's address and phone (HELP-5). */
    needsPatient: boolean('needs_patient').notNull().default(false),
    keywords: text('keywords').array().notNull().default(sql`'{}'::text[]`),
    active: boolean('active').notNull().default(true),
    sort: integer('sort').notNull().default(0),
    /** The escalation chain while steps wait for acknowledgement (null: the shipped default). */
    escalation: jsonb('escalation').$type<EscalationChain>(),
    /** Bumped by every edit: two supervisors editing at once, the second is told (409). */
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('help_playbooks_project_code_uq').on(t.projectId, t.code)],
);

/** One step of a playbook: who, in which order, which run together, within how many minutes of the start. */
export const helpPlaybookSteps = pgTable(
  'help_playbook_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    playbookId: uuid('playbook_id').notNull().references(() => helpPlaybooks.id, { onDelete: 'cascade' }),
    /** null: every branch; else only the branch of that name. */
    branch: text('branch'),
    seq: integer('seq').notNull(),
    /** Steps with the same group run in parallel. */
    parallelGroup: integer('parallel_group').notNull(),
    role: roleEnum('role').notNull(),
    title: text('title').notNull(),
    instruction: text('instruction'),
    /** Minutes after the incident's start by which the step is due; null: no limit. */
    limitMinutes: integer('limit_minutes'),
  },
  (t) => [index('help_playbook_steps_playbook_idx').on(t.playbookId, t.seq)],
);

/** A running incident's step: copied from the playbook at the start, then acknowledged and completed by a user of its role. */
export const helpSteps = pgTable(
  'help_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    helpRequestId: uuid('help_request_id').notNull().references(() => helpRequests.id),
    seq: integer('seq').notNull(),
    parallelGroup: integer('parallel_group').notNull(),
    role: roleEnum('role').notNull(),
    title: text('title').notNull(),
    instruction: text('instruction'),
    limitMinutes: integer('limit_minutes'),
    dueAt: timestamp('due_at', { withTimezone: true }),
    status: helpStepStatusEnum('status').notNull().default('pending'),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: uuid('done_by').references(() => users.id),
    note: text('note'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('help_steps_request_idx').on(t.helpRequestId, t.seq), index('help_steps_open_role_idx').on(t.projectId, t.role).where(sql`${t.status} <> 'done'`)],
);

/** The request's timeline: typed, append-only (who, what, from which device, when). */
export const helpEvents = pgTable(
  'help_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Insertion order: events of one instant (one timer round) keep the order they were written in. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    helpRequestId: uuid('help_request_id').notNull().references(() => helpRequests.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    type: text('type').notNull(),
    stepId: uuid('step_id'),
    device: text('device'),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
  },
  (t) => [index('help_events_request_idx').on(t.helpRequestId, t.at)],
);

/** 值班表: who holds a post (a role) in a shift, so emergency alerts reach the people on duty. */
export const helpDutyShifts = pgTable(
  'help_duty_shifts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    role: roleEnum('role').notNull(),
    userId: uuid('user_id').notNull().references(() => users.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').notNull().references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('help_duty_shifts_project_role_idx').on(t.projectId, t.role, t.startsAt)],
);

/** 交接班: the outgoing guard hands the post over (open incidents, keys and equipment out, pending matters); the incoming one acknowledges. */
export const helpHandovers = pgTable(
  'help_handovers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    role: roleEnum('role').notNull(),
    fromUserId: uuid('from_user_id').notNull().references(() => users.id),
    toUserId: uuid('to_user_id').notNull().references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    /** The incidents open at the handover (numbers and names), listed by the server. */
    openIncidents: jsonb('open_incidents').$type<{ id: string; number: string; name: string }[]>().notNull(),
    keysOut: text('keys_out'),
    equipmentOut: text('equipment_out'),
    pending: text('pending'),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('help_handovers_to_idx').on(t.toUserId, t.at)],
);
