import { z } from 'zod';
import { createInsertSchema } from 'drizzle-zod';
import { persons, PERSON_RELATIONS } from './property.table';
import { registerPolicy } from './property.policy';
import { abilitiesOf } from '../shared/api.contract';
import { idCheckDigitOk, plainText, typed } from '../shared/text';
import { renovationView, vehicleView } from './register.contract';

/** Mainland mobile or landline: digits, optional leading +86 / area code dash. */
export const phoneSchema = typed(z.string().regex(/^(\+?86)?1[3-9]\d{9}$|^0\d{2,3}-?\d{7,8}$/, '请输入正确的手机号或座机号'));

/** 18-character resident ID whose last character is its GB 11643 check digit (may be X), or a 15-digit old one. */
export const idNumberSchema = typed(
  z
    .string()
    .toUpperCase()
    .regex(/^\d{17}[\dX]$|^\d{15}$/, '请输入正确的身份证号')
    .refine((s) => s.length === 15 || idCheckDigitOk(s), '身份证号校验位不正确，请核对'),
);

export const personInput = createInsertSchema(persons, {
  name: () => plainText({ max: 50, required: '请输入姓名', tooLong: '姓名最多 50 字' }),
  relation: z.enum(PERSON_RELATIONS, { error: '请选择关系' }),
  phone: phoneSchema.nullish(),
  idNumber: idNumberSchema.nullish(),
})
  .pick({ name: true, relation: true, phone: true, idNumber: true })
  .strict();
export type PersonInput = z.infer<typeof personInput>;

export const personPatch = personInput.partial().extend({ version: z.number().int().positive() }).strict();

const isoDate = z.iso.date({ error: '日期格式应为 YYYY-MM-DD' });

export const householdPatch = z
  .object({
    version: z.number().int().positive(),
    note: z.string().trim().max(500, '备注最多 500 字').nullish(),
    movedInAt: isoDate.nullish(),
    movedOutAt: isoDate.nullish(),
  })
  .strict()
  .refine((v) => !(v.movedInAt && v.movedOutAt && v.movedOutAt < v.movedInAt), { path: ['movedOutAt'], message: '迁出日期不能早于入住日期' });
export type HouseholdPatch = z.infer<typeof householdPatch>;

export const revealInput = z
  .object({
    field: z.enum(['phone', 'idNumber'], { error: '请选择要查看的字段' }),
    reason: z.string().trim().min(2, '请说明查看原因').max(200),
  })
  .strict();

export const searchQuery = z
  .object({
    q: typed(z.string().min(1, '请输入房号、姓名或手机号').max(50)),
    projectId: z.uuid().optional(),
    limit: z.coerce.number().int().min(1).max(100).default(30),
  })
  .meta({ example: { q: '3-2-1502', projectId: '6f1c1a52-8d4e-4f7e-9a43-2f1f5b0c1d11', limit: 30 } });

/** A run of seven or more digits, or a mobile number written in groups: a phone or ID number (or most of one). */
export const looksLikePersonalNumber = (s: string): boolean => /\d{7,}/.test(s.replace(/\s/g, '')) || /^(\+?86)?1\d{2}[-\s]?\d{4}[-\s]?\d{4}$/.test(s.trim());

/**
 * The GET form of the household search: personal numbers never travel in a URL (proxy logs, browser history),
 * so a phone or ID number is refused here and searched with POST /api/households/search.
 */
export const householdUrlSearchQuery = searchQuery.extend({
  q: searchQuery.shape.q.refine((s) => !looksLikePersonalNumber(s), '手机号、身份证号请通过查询框（请求体）查找，不能放在网址中'),
});

export const unitListQuery = z.object({
  projectId: z.uuid(),
  buildingId: z.uuid().optional(),
  districtId: z.uuid().optional(),
  q: typed(z.string().max(50)).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});


/** How a search string is read: a room code, a phone (full or last four digits), or a name. */
export type SearchKind = 'unitPrefix' | 'last4OrRoom' | 'phone' | 'name';
export function classifySearch(q: string): SearchKind {
  const s = q.trim();
  if (/^\d{4}$/.test(s)) return 'last4OrRoom';
  if (/^(\+?86)?1\d{10}$/.test(s) || /^0\d{2,3}-?\d{7,8}$/.test(s)) return 'phone';
  // Room codes: digits, or buildings with letters as the import allows (A5701-1-101, B2-3-0502).
  if (/^[A-Za-z]{0,3}\d[A-Za-z0-9]*(-[A-Za-z0-9]*)*$/.test(s) || /^[A-Za-z]{1,3}\d*(-[A-Za-z0-9]*)+$/.test(s)) return 'unitPrefix';
  return 'name';
}

// Answers (src/server/property/property.presenter.ts and property.routes.ts).

/** ARC-12: a person as the server presents them: phone and ID number always masked. */
export const personView = z.object({
  id: z.uuid(),
  relation: z.enum(PERSON_RELATIONS),
  name: z.string(),
  phone: z.string().nullable().meta({ description: '已遮蔽，如 138****5678' }),
  idNumber: z.string().nullable().meta({ description: '已遮蔽' }),
  hasPhone: z.boolean(),
  hasIdNumber: z.boolean(),
  movedOutAt: z.string().nullable().meta({ description: '迁出日期；迁出的人员保留在档案中' }),
  version: z.number().int(),
});
export type PersonView = z.infer<typeof personView>;

export const householdAbilities = abilitiesOf(registerPolicy);
export type HouseholdAbilities = z.infer<typeof householdAbilities>;

export const householdSummary = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  unitId: z.uuid(),
  unitCode: z.string(),
  movedInAt: z.string().nullable(),
  movedOutAt: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
  persons: z.array(personView),
  abilities: householdAbilities,
});
export type HouseholdSummary = z.infer<typeof householdSummary>;
export const householdList = z.object({ items: z.array(householdSummary) });

export const householdDetail = householdSummary.extend({
  floor: z.number().int(),
  areaM2: z.number().nullable(),
  handoverDate: z.string().nullable(),
  buildingName: z.string(),
  districtName: z.string(),
  projectName: z.string(),
  vehicles: z.array(vehicleView),
  renovations: z.array(renovationView),
});
export type HouseholdDetail = z.infer<typeof householdDetail>;

export const revealResult = z.object({ field: z.enum(['phone', 'idNumber']), value: z.string() });
export type RevealResult = z.infer<typeof revealResult>;

export const buildingNode = z.object({ id: z.uuid(), districtId: z.uuid(), code: z.string(), name: z.string(), unitCount: z.number().int() });
export const districtNode = z.object({
  id: z.uuid(),
  name: z.string(),
  accountManagerId: z.uuid().nullable(),
  accountManagerName: z.string().nullable(),
  buildings: z.array(buildingNode),
});
/** The project's districts and buildings; null when the project has none of its own. */
export const projectTree = z
  .object({ project: z.object({ id: z.uuid(), code: z.string(), name: z.string() }), districts: z.array(districtNode) })
  .nullable();
export type ProjectTree = NonNullable<z.infer<typeof projectTree>>;

export const unitRow = z.object({
  id: z.uuid(),
  code: z.string(),
  floor: z.number().int(),
  areaM2: z.number().nullable(),
  handoverDate: z.string().nullable(),
  householdId: z.uuid().nullable(),
  projectId: z.uuid(),
  residentName: z.string().nullable().meta({ description: '业主/租户姓名；无权查看全名的角色只见姓氏' }),
});
export const unitPage = z.object({ total: z.number().int(), items: z.array(unitRow) });
export type UnitPage = z.infer<typeof unitPage>;
