import { sql } from 'drizzle-orm';
import { date, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** 物业项目: every other row carries its project, so one database serves many estates. */
export const projects = pgTable('projects', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** 辖区, with its account manager (CALL-4). */
export const districts = pgTable(
  'districts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    name: text('name').notNull(),
    accountManagerId: uuid('account_manager_id'),
  },
  (t) => [uniqueIndex('districts_project_name_uq').on(t.projectId, t.name)],
);

/** 楼栋 */
export const buildings = pgTable(
  'buildings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    districtId: uuid('district_id').notNull().references(() => districts.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('buildings_project_code_uq').on(t.projectId, t.code)],
);

/** 房屋: code is 楼栋-单元-房号, e.g. 3-2-1502. */
export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    buildingId: uuid('building_id').notNull().references(() => buildings.id),
    code: text('code').notNull(),
    entrance: integer('entrance').notNull(),
    floor: integer('floor').notNull(),
    room: text('room').notNull(),
    areaM2: integer('area_m2'),
    handoverDate: date('handover_date', { mode: 'string' }),
  },
  (t) => [
    uniqueIndex('units_project_code_uq').on(t.projectId, t.code),
    index('units_code_prefix_idx').using('btree', t.code.op('text_pattern_ops')),
    index('units_building_idx').on(t.buildingId),
    index('units_project_room_idx').on(t.projectId, t.room),
  ],
);

/** 保修期: warranty term per item category, configurable per project (CALL-5 uses it). */
export const warrantyTerms = pgTable(
  'warranty_terms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    category: text('category').notNull(),
    label: text('label').notNull(),
    months: integer('months').notNull(),
  },
  (t) => [uniqueIndex('warranty_terms_project_category_uq').on(t.projectId, t.category)],
);

/** 业户: the household living in (or owning) a unit. */
export const households = pgTable(
  'households',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    unitId: uuid('unit_id').notNull().references(() => units.id),
    movedInAt: date('moved_in_at', { mode: 'string' }),
    /** 迁出: the household left the unit (the file is kept). */
    movedOutAt: date('moved_out_at', { mode: 'string' }),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('households_unit_idx').on(t.unitId), index('households_project_idx').on(t.projectId)],
);

export const PERSON_RELATIONS = ['owner', 'tenant', 'family', 'emergency'] as const;
export type PersonRelation = (typeof PERSON_RELATIONS)[number];
export const personRelationEnum = pgEnum('person_relation', PERSON_RELATIONS);

/** People of a household. Phone and ID number are personal data (ARC-8..12). */
export const persons = pgTable(
  'persons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').notNull().references(() => projects.id),
    householdId: uuid('household_id').notNull().references(() => households.id, { onDelete: 'cascade' }),
    relation: personRelationEnum('relation').notNull(),
    name: text('name').notNull(),
    phone: text('phone'),
    phoneLast4: text('phone_last4').generatedAlwaysAs(sql`right(phone, 4)`),
    idNumber: text('id_number'),
    /** 迁出: a person is never deleted from the register, only marked moved out (with the date). */
    movedOutAt: date('moved_out_at', { mode: 'string' }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('persons_household_idx').on(t.householdId),
    index('persons_last4_idx').on(t.projectId, t.phoneLast4),
    index('persons_phone_idx').on(t.projectId, t.phone),
    index('persons_name_prefix_idx').using('btree', t.name.op('text_pattern_ops')),
  ],
);
