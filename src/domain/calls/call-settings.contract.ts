import { z } from 'zod';
import { instant } from '../shared/wire.contract';

/** The call desk's settings of one project (GET/PATCH /api/calls/settings), CALL-4. */
export const callSettingsQuery = z.object({ projectId: z.uuid({ error: '请选择项目' }) });
export const callSettings = z.object({
  projectId: z.string(),
  /** May an account manager also follow up another district's items (dispatch, chase, reply, resolve, reopen)? */
  coverOtherDistricts: z.boolean(),
  /** True while the project has no setting of its own (the default applies: he may). */
  isDefault: z.boolean(),
  /** 0 while there is no row yet; send it back on save. */
  version: z.number().int(),
  updatedAt: instant.nullable(),
  updatedByName: z.string().nullable(),
  canEdit: z.boolean(),
});
export const callSettingsInput = z
  .object({
    projectId: z.uuid({ error: '请选择项目' }),
    coverOtherDistricts: z.boolean({ error: '请选择客户经理能否跟进其他辖区的事项' }),
    version: z.number({ error: '缺少版本号' }).int().min(0),
  })
  .strict();

export type CallSettings = z.input<typeof callSettings>;
export type CallSettingsInput = z.input<typeof callSettingsInput>;
