import type { BorrowerKind, KeyKind, KeyStatus } from './kinds';

export const KEY_KIND_LABELS: Record<KeyKind, string> = {
  developer_held: '开发商代管',
  owner_deposited: '业主寄存',
  public_area: '公共区域',
  plant_room: '设备机房',
};
export const KEY_STATUS_LABELS: Record<KeyStatus, string> = { in: '在柜', out: '借出', handed_over: '已移交业主' };
export const BORROWER_KIND_LABELS: Record<BorrowerKind, string> = { owner: '业主本人', authorised: '业主书面授权人', staff: '本公司员工' };
