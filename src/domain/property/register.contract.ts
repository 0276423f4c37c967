import { z } from 'zod';
import { HISTORY_ACTIONS, HISTORY_SUBJECTS, RENOVATION_ACCEPTANCE, VEHICLE_KINDS } from './register.table';
import { plainText, typed } from '../shared/text';

/**
 * The household register kept by hand (issue 11, point 2): vehicles, renovation records, move-in/move-out and
 * the history of every change. Requests first, then the answers the presenters build field by field.
 */

const isoDate = z.iso.date({ error: '日期格式应为 YYYY-MM-DD' });
const version = z.number({ error: '缺少版本号' }).int().positive();

/** Provinces' one-character abbreviations that start a mainland plate. */
const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
/** 粤B12345, 粤BD12345 (new energy), 粤B1234学; letters I and O are never used. Typed with spaces or a dot: normalised. */
const PLATE = new RegExp(`^[${PROVINCES}][A-HJ-NP-Z](?:[A-HJ-NP-Z0-9]{5}|[DF][A-HJ-NP-Z0-9]{5}|[A-HJ-NP-Z0-9]{5}[DF]|[A-HJ-NP-Z0-9]{4}[挂学警港澳])$`);
export const plateSchema = typed(
  z
    .string()
    .transform((s) => s.toUpperCase().replace(/[\s·.\-]/g, ''))
    .pipe(z.string().min(1, '请输入车牌号').regex(PLATE, '车牌号格式不正确，如 粤B12345')),
);

export const vehicleInput = z
  .object({
    plate: plateSchema,
    kind: z.enum(VEHICLE_KINDS, { error: '请选择车辆类型' }),
    parkingSpace: plainText({ max: 30, tooLong: '车位号最多 30 字' }).nullish(),
  })
  .strict();
export type VehicleInput = z.infer<typeof vehicleInput>;

export const vehiclePatch = vehicleInput
  .partial()
  .extend({ version, removedOn: isoDate.nullish().meta({ description: '车辆迁出/注销日期；登记不会被删除' }) })
  .strict();
export type VehiclePatch = z.infer<typeof vehiclePatch>;

const renovationFields = z.object({
  startedOn: isoDate,
  finishedOn: isoDate.nullish(),
  company: plainText({ max: 100, required: '请输入装修公司', tooLong: '装修公司最多 100 字' }),
  permitNo: plainText({ max: 50, tooLong: '许可证号最多 50 字' }).nullish(),
  approvedOn: isoDate.nullish(),
  acceptedOn: isoDate.nullish(),
  acceptance: z.enum(RENOVATION_ACCEPTANCE, { error: '请选择验收结果' }).nullish(),
  note: z.string().trim().max(500, '备注最多 500 字').nullish(),
});

type Dates = { startedOn?: string | null; finishedOn?: string | null; acceptedOn?: string | null; acceptance?: string | null };
const datesInOrder = (v: Dates, ctx: z.RefinementCtx) => {
  if (v.startedOn && v.finishedOn && v.finishedOn < v.startedOn) ctx.addIssue({ code: 'custom', path: ['finishedOn'], message: '竣工日期不能早于开工日期' });
  if (v.startedOn && v.acceptedOn && v.acceptedOn < v.startedOn) ctx.addIssue({ code: 'custom', path: ['acceptedOn'], message: '验收日期不能早于开工日期' });
  if (v.acceptance && !v.acceptedOn) ctx.addIssue({ code: 'custom', path: ['acceptedOn'], message: '填写验收结果时请填写验收日期' });
};

export const renovationInput = renovationFields.strict().superRefine(datesInOrder);
export type RenovationInput = z.infer<typeof renovationInput>;
export const renovationPatch = renovationFields.partial().extend({ version }).strict().superRefine(datesInOrder);
export type RenovationPatch = z.infer<typeof renovationPatch>;

/** 迁出: the person stays in the file, marked moved out on that date. */
export const personMoveOut = z.object({ version, movedOutOn: isoDate }).strict();
export type PersonMoveOut = z.infer<typeof personMoveOut>;

// Answers.

export const vehicleView = z.object({
  id: z.uuid(),
  plate: z.string(),
  kind: z.enum(VEHICLE_KINDS),
  parkingSpace: z.string().nullable(),
  removedOn: z.string().nullable(),
  version: z.number().int(),
});
export type VehicleView = z.infer<typeof vehicleView>;

export const renovationView = z.object({
  id: z.uuid(),
  startedOn: z.string(),
  finishedOn: z.string().nullable(),
  company: z.string(),
  permitNo: z.string().nullable(),
  approvedOn: z.string().nullable(),
  acceptedOn: z.string().nullable(),
  acceptance: z.enum(RENOVATION_ACCEPTANCE).nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
});
export type RenovationView = z.infer<typeof renovationView>;

/** ARC-12: one change of the register; phone and ID numbers appear masked (they are stored masked). */
export const historyEntry = z.object({
  id: z.uuid(),
  at: z.iso.datetime(),
  actorName: z.string(),
  subject: z.enum(HISTORY_SUBJECTS),
  subjectLabel: z.string().nullable(),
  action: z.enum(HISTORY_ACTIONS),
  field: z.string().nullable(),
  oldValue: z.string().nullable().meta({ description: '个人号码已遮蔽' }),
  newValue: z.string().nullable().meta({ description: '个人号码已遮蔽' }),
});
export type HistoryEntry = z.infer<typeof historyEntry>;
export const householdHistoryList = z.object({ items: z.array(historyEntry) });
export type HouseholdHistoryList = z.infer<typeof householdHistoryList>;
