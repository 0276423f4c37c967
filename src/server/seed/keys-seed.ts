import { propertyKeys } from '../../domain/keys/keys.table';
import type { Executor } from '../db/store';

/** A few keys in the demo estate's cabinet, so the key desk has something to lend (demo data only). */
export async function seedDemoKeys(tx: Executor, projectId: string, unitIdByCode: Map<string, string>, at: Date): Promise<void> {
  const unitKey = (code: string, kind: 'developer_held' | 'owner_deposited', number: string, position: string) => {
    const unitId = unitIdByCode.get(code);
    return unitId ? [{ projectId, number, kind, unitId, label: '入户门', count: 2, cabinetPosition: position, createdAt: at }] : [];
  };
  await tx.insert(propertyKeys).values([
    ...unitKey('3-2-1502', 'owner_deposited', 'K-3-2-1502', 'A柜-01'),
    ...unitKey('3-2-1501', 'developer_held', 'K-3-2-1501', 'A柜-02'),
    ...unitKey('3-2-1601', 'developer_held', 'K-3-2-1601', 'A柜-03'),
    { projectId, number: 'G-01', kind: 'public_area' as const, unitId: null, label: '会所大门', count: 1, cabinetPosition: 'B柜-01', createdAt: at },
    { projectId, number: 'J-01', kind: 'plant_room' as const, unitId: null, label: '生活水泵房', count: 1, cabinetPosition: 'B柜-02', createdAt: at },
  ]);
}
