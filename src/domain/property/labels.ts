import type { PersonRelation } from './property.table';
import type { VehicleKind } from './register.table';

/** Chinese labels of the register's enums (pure module, importable by the web app). */
export const RELATION_LABELS: Record<PersonRelation, string> = {
  owner: '业主',
  tenant: '租户',
  family: '家庭成员',
  emergency: '紧急联系人',
};

export const VEHICLE_KIND_LABELS: Record<VehicleKind, string> = {
  car: '小型汽车',
  new_energy: '新能源汽车',
  motorcycle: '摩托车',
  other: '其他',
};

export const ACCEPTANCE_LABELS: Record<'passed' | 'failed', string> = { passed: '验收合格', failed: '验收不合格' };
