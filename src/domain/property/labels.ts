import type { PersonRelation } from './property.table';

/** Chinese labels of the register's enums (pure module, importable by the web app). */
export const RELATION_LABELS: Record<PersonRelation, string> = {
  owner: '业主',
  tenant: '租户',
  family: '家庭成员',
  emergency: '紧急联系人',
};
