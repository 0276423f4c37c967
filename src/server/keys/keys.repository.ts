import { and, asc, desc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import { keyHandovers, keyLoans, propertyKeys } from '../../domain/keys/keys.table';
import { households, persons, units } from '../../domain/property/property.table';
import { userProjects, userRoles, users } from '../../domain/users/users.table';
import type { Role } from '../../domain/shared/roles';
import type { Executor } from '../db/store';
import { notFound } from '../core/errors';

export type KeyRow = typeof propertyKeys.$inferSelect & { unitCode: string | null };
export type LoanRow = typeof keyLoans.$inferSelect;

const keyColumns = {
  id: propertyKeys.id,
  projectId: propertyKeys.projectId,
  number: propertyKeys.number,
  unitId: propertyKeys.unitId,
  kind: propertyKeys.kind,
  label: propertyKeys.label,
  count: propertyKeys.count,
  cabinetPosition: propertyKeys.cabinetPosition,
  status: propertyKeys.status,
  version: propertyKeys.version,
  createdAt: propertyKeys.createdAt,
  unitCode: units.code,
};

export async function listKeys(ex: Executor, q: { projectId: string; status?: KeyRow['status']; q?: string }): Promise<KeyRow[]> {
  const conds = [eq(propertyKeys.projectId, q.projectId)];
  if (q.status) conds.push(eq(propertyKeys.status, q.status));
  if (q.q) conds.push(sql`(${propertyKeys.number} ILIKE ${q.q.replace(/[%_\\]/g, '\\$&') + '%'} OR ${units.code} LIKE ${q.q.replace(/[%_\\]/g, '\\$&') + '%'})`);
  return ex.select(keyColumns).from(propertyKeys).leftJoin(units, eq(units.id, propertyKeys.unitId)).where(and(...conds)).orderBy(asc(propertyKeys.number)).limit(500);
}

/** A key, or 404. */
export async function findKey(ex: Executor, id: string): Promise<KeyRow> {
  const [k] = await ex.select(keyColumns).from(propertyKeys).leftJoin(units, eq(units.id, propertyKeys.unitId)).where(eq(propertyKeys.id, id));
  if (!k) throw notFound();
  return k;
}

export async function findLoan(ex: Executor, id: string): Promise<LoanRow> {
  const [l] = await ex.select().from(keyLoans).where(eq(keyLoans.id, id));
  if (!l) throw notFound();
  return l;
}

export async function openLoans(ex: Executor, keyIds: string[]): Promise<Map<string, string>> {
  if (keyIds.length === 0) return new Map();
  const rows = await ex.select({ id: keyLoans.id, keyId: keyLoans.keyId }).from(keyLoans).where(and(inArray(keyLoans.keyId, keyIds), isNull(keyLoans.returnedAt)));
  return new Map(rows.map((r) => [r.keyId, r.id]));
}

export async function unitByCode(ex: Executor, projectId: string, code: string) {
  const [u] = await ex.select({ id: units.id, code: units.code }).from(units).where(and(eq(units.projectId, projectId), eq(units.code, code)));
  return u ?? null;
}

/** The owners (业主) registered for a unit's household(s); an owner marked moved out (迁出) is no longer one. */
export async function ownersOfUnit(ex: Executor, unitId: string) {
  return ex
    .select({ id: persons.id, name: persons.name, relation: persons.relation })
    .from(persons)
    .innerJoin(households, eq(households.id, persons.householdId))
    .where(and(eq(households.unitId, unitId), eq(persons.relation, 'owner'), isNull(persons.movedOutAt)))
    .orderBy(asc(persons.name));
}

export async function personName(ex: Executor, id: string): Promise<string> {
  const [p] = await ex.select({ name: persons.name }).from(persons).where(eq(persons.id, id));
  return p?.name ?? '';
}

export async function userNames(ex: Executor, ids: (string | null)[]): Promise<Map<string, string>> {
  const list = [...new Set(ids.filter((i): i is string => Boolean(i)))];
  if (list.length === 0) return new Map();
  const rows = await ex.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, list));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Active users of the project holding one of the roles. */
export async function projectUsersWithRoles(ex: Executor, projectId: string, roles: readonly Role[]) {
  return ex
    .selectDistinct({ id: users.id, displayName: users.displayName })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .innerJoin(userProjects, eq(userProjects.userId, users.id))
    .where(and(eq(users.disabled, false), eq(userProjects.projectId, projectId), inArray(userRoles.role, [...roles])))
    .orderBy(asc(users.displayName));
}

export interface LoanWithKey {
  loan: LoanRow;
  keyNumber: string;
  keyKind: KeyRow['kind'];
  unitCode: string | null;
}

export async function listLoans(ex: Executor, q: { projectId: string; open?: boolean; from?: Date; to?: Date; limit: number; ids?: string[] }): Promise<LoanWithKey[]> {
  const conds = [eq(keyLoans.projectId, q.projectId)];
  if (q.open) conds.push(isNull(keyLoans.returnedAt));
  if (q.from) conds.push(gte(keyLoans.lentAt, q.from));
  if (q.to) conds.push(lt(keyLoans.lentAt, q.to));
  if (q.ids) conds.push(inArray(keyLoans.id, q.ids));
  const rows = await ex
    .select({ loan: keyLoans, keyNumber: propertyKeys.number, keyKind: propertyKeys.kind, unitCode: units.code })
    .from(keyLoans)
    .innerJoin(propertyKeys, eq(propertyKeys.id, keyLoans.keyId))
    .leftJoin(units, eq(units.id, propertyKeys.unitId))
    .where(and(...conds))
    .orderBy(desc(keyLoans.lentAt))
    .limit(q.limit);
  return rows;
}

export async function listHandovers(ex: Executor, keyId: string) {
  return ex.select().from(keyHandovers).where(eq(keyHandovers.keyId, keyId)).orderBy(desc(keyHandovers.at));
}
