import { and, asc, count, eq, inArray, like, sql } from 'drizzle-orm';
import { union } from 'drizzle-orm/pg-core';
import { buildings, districts, households, persons, projects, units } from '../../domain/property/property.table';
import { userProjects, userRoles, users } from '../../domain/users/users.table';
import { classifySearch } from '../../domain/property/property.contract';
import type { Executor } from '../db/store';
import { escapeLike } from '../db/like';

export interface HouseholdRow {
  id: string;
  projectId: string;
  unitId: string;
  unitCode: string;
  movedInAt: string | null;
  movedOutAt: string | null;
  note: string | null;
  version: number;
}

const householdColumns = {
  id: households.id,
  projectId: households.projectId,
  unitId: households.unitId,
  unitCode: units.code,
  movedInAt: households.movedInAt,
  movedOutAt: households.movedOutAt,
  note: households.note,
  version: households.version,
};

/**
 * Units in the order people count them — building, entrance, floor, room — not as text (where 10-… comes
 * before 2-… and 1001 before 101). Numbers are padded; lettered buildings follow the numbered ones.
 */
export const naturalUnitOrder = () => [
  sql`lpad(split_part(${units.code}, '-', 1), 8, '0')`,
  asc(units.entrance),
  asc(units.floor),
  sql`lpad(${units.room}, 8, '0')`,
  asc(units.code),
];

/** Households matching a room code, phone, last four digits or name, within the given projects only. */
export async function searchHouseholds(ex: Executor, projectIds: string[], q: string, limit: number): Promise<HouseholdRow[]> {
  if (projectIds.length === 0) return [];
  const s = q.trim();
  const inProjects = inArray(households.projectId, projectIds);
  const personHouseholds = (cond: ReturnType<typeof eq>) =>
    ex.select({ id: persons.householdId }).from(persons).where(and(inArray(persons.projectId, projectIds), cond));
  let cond;
  switch (classifySearch(s)) {
    case 'last4OrRoom':
      // One indexed lookup per table, united: an OR across the join would scan both tables.
      cond = inArray(
        households.id,
        union(
          ex.select({ id: households.id }).from(households).innerJoin(units, eq(units.id, households.unitId)).where(and(inArray(units.projectId, projectIds), eq(units.room, s))),
          personHouseholds(eq(persons.phoneLast4, s)),
        ),
      );
      break;
    case 'phone':
      cond = inArray(households.id, personHouseholds(eq(persons.phone, s.replace(/^\+?86(?=1)/, ''))));
      break;
    case 'unitPrefix':
      cond = like(units.code, `${escapeLike(s.toUpperCase())}%`);
      break;
    default:
      cond = inArray(households.id, personHouseholds(like(persons.name, `${escapeLike(s)}%`)));
  }
  return ex
    .select(householdColumns)
    .from(households)
    .innerJoin(units, eq(units.id, households.unitId))
    .where(and(inProjects, cond))
    .orderBy(...naturalUnitOrder())
    .limit(limit);
}

export async function personsOf(ex: Executor, householdIds: string[]) {
  if (householdIds.length === 0) return [];
  return ex.select().from(persons).where(inArray(persons.householdId, householdIds)).orderBy(asc(persons.relation), asc(persons.name));
}

export async function findHousehold(ex: Executor, id: string) {
  const [row] = await ex
    .select({
      ...householdColumns,
      floor: units.floor,
      areaM2: units.areaM2,
      handoverDate: units.handoverDate,
      buildingName: buildings.name,
      districtName: districts.name,
      projectName: projects.name,
    })
    .from(households)
    .innerJoin(units, eq(units.id, households.unitId))
    .innerJoin(buildings, eq(buildings.id, units.buildingId))
    .innerJoin(districts, eq(districts.id, buildings.districtId))
    .innerJoin(projects, eq(projects.id, households.projectId))
    .where(eq(households.id, id))
    .limit(1);
  return row ?? null;
}

export async function findPerson(ex: Executor, id: string) {
  const [row] = await ex.select().from(persons).where(eq(persons.id, id)).limit(1);
  return row ?? null;
}

export async function projectTree(ex: Executor, projectId: string) {
  const [project] = await ex.select().from(projects).where(eq(projects.id, projectId)).limit(1);
  if (!project) return null;
  const ds = await ex
    .select({ id: districts.id, name: districts.name, accountManagerId: districts.accountManagerId, accountManagerName: users.displayName })
    .from(districts)
    .leftJoin(users, eq(users.id, districts.accountManagerId))
    .where(eq(districts.projectId, projectId))
    .orderBy(asc(districts.name));
  const bs = await ex
    .select({ id: buildings.id, districtId: buildings.districtId, code: buildings.code, name: buildings.name, unitCount: count(units.id) })
    .from(buildings)
    .leftJoin(units, eq(units.buildingId, buildings.id))
    .where(eq(buildings.projectId, projectId))
    .groupBy(buildings.id)
    .orderBy(sql`length(${buildings.code})`, asc(buildings.code));
  return { project, districts: ds.map((d) => ({ ...d, buildings: bs.filter((b) => b.districtId === d.id) })) };
}

export async function listUnits(
  ex: Executor,
  q: { projectId: string; buildingId?: string; districtId?: string; q?: string; page: number; pageSize: number },
) {
  const conds = [eq(units.projectId, q.projectId)];
  if (q.buildingId) conds.push(eq(units.buildingId, q.buildingId));
  if (q.districtId) conds.push(inArray(units.buildingId, ex.select({ id: buildings.id }).from(buildings).where(eq(buildings.districtId, q.districtId))));
  if (q.q) conds.push(like(units.code, `%${escapeLike(q.q)}%`));
  const where = and(...conds);
  const [{ total }] = await ex.select({ total: count() }).from(units).where(where);
  const items = await ex
    .select({
      id: units.id,
      code: units.code,
      floor: units.floor,
      areaM2: units.areaM2,
      handoverDate: units.handoverDate,
      householdId: households.id,
      projectId: units.projectId,
    })
    .from(units)
    .leftJoin(households, eq(households.unitId, units.id))
    .where(where)
    .orderBy(...naturalUnitOrder())
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { total, items };
}

export async function ownerNames(ex: Executor, householdIds: string[]) {
  if (householdIds.length === 0) return new Map<string, string>();
  const rows = await ex
    .select({ householdId: persons.householdId, name: persons.name })
    .from(persons)
    .where(and(inArray(persons.householdId, householdIds), inArray(persons.relation, ['owner', 'tenant'])));
  const map = new Map<string, string>();
  for (const r of rows) if (!map.has(r.householdId)) map.set(r.householdId, r.name);
  return map;
}
