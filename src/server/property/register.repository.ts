import { and, asc, desc, eq } from 'drizzle-orm';
import { householdHistory, householdRenovations, householdVehicles } from '../../domain/property/register.table';
import type { Executor } from '../db/store';

export type VehicleRow = typeof householdVehicles.$inferSelect;
export type RenovationRow = typeof householdRenovations.$inferSelect;
export type HistoryRow = typeof householdHistory.$inferSelect;

export async function vehiclesOf(ex: Executor, householdId: string): Promise<VehicleRow[]> {
  return ex.select().from(householdVehicles).where(eq(householdVehicles.householdId, householdId)).orderBy(asc(householdVehicles.createdAt), asc(householdVehicles.plate));
}

export async function renovationsOf(ex: Executor, householdId: string): Promise<RenovationRow[]> {
  return ex.select().from(householdRenovations).where(eq(householdRenovations.householdId, householdId)).orderBy(desc(householdRenovations.startedOn), asc(householdRenovations.createdAt));
}

export async function findVehicle(ex: Executor, id: string): Promise<VehicleRow | null> {
  const [row] = await ex.select().from(householdVehicles).where(eq(householdVehicles.id, id)).limit(1);
  return row ?? null;
}

export async function findRenovation(ex: Executor, id: string): Promise<RenovationRow | null> {
  const [row] = await ex.select().from(householdRenovations).where(eq(householdRenovations.id, id)).limit(1);
  return row ?? null;
}

export async function activePlate(ex: Executor, projectId: string, plate: string, exceptId?: string): Promise<boolean> {
  const rows = await ex
    .select({ id: householdVehicles.id, removedOn: householdVehicles.removedOn })
    .from(householdVehicles)
    .where(and(eq(householdVehicles.projectId, projectId), eq(householdVehicles.plate, plate)));
  return rows.some((r) => r.id !== exceptId && !r.removedOn);
}

export async function historyOf(ex: Executor, householdId: string, limit = 500): Promise<HistoryRow[]> {
  return ex
    .select()
    .from(householdHistory)
    .where(eq(householdHistory.householdId, householdId))
    .orderBy(desc(householdHistory.at), asc(householdHistory.seq))
    .limit(limit);
}
