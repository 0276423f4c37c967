import { z } from 'zod';
import { BORROWER_KINDS, KEY_KINDS, KEY_STATUSES } from './keys.table';
import { keyPolicy } from './keys.policy';
import { abilitiesOf } from '../shared/api.contract';
import { plainText, queryBoolean, typed } from '../shared/text';
import type { SlaState } from '../deadlines/sla';

const uuid = z.uuid({ error: '无效的编号' });
const version = z.number().int().positive();

/** A signature drawn on screen, as a PNG data URL (≤ 200 KB). */
export const signatureDataUrl = z
  .string({ error: '请在签名板上签名' })
  .max(280_000, '签名图片过大')
  .regex(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/, '请在签名板上签名');

export const keyCreate = z
  .object({
    projectId: uuid,
    number: typed(z.string().min(1, '请填写钥匙编号').max(30, '钥匙编号最多 30 字')),
    kind: z.enum(KEY_KINDS, { error: '请选择钥匙种类' }),
    /** The unit's code (3-2-1502) for unit keys; empty for public-area and plant-room keys. */
    unitCode: typed(z.string().max(30)).nullish(),
    label: plainText({ max: 60 }).nullish(),
    count: z.number({ error: '请填写数量' }).int('数量应为整数').min(1, '数量至少为 1').max(50, '数量最多 50'),
    cabinetPosition: plainText({ max: 30, required: '请填写存放位置（钥匙柜号-格号）' }),
  })
  .strict();
export type KeyCreate = z.infer<typeof keyCreate>;

export const keyPatch = z
  .object({
    version,
    label: plainText({ max: 60 }).nullish(),
    count: z.number().int('数量应为整数').min(1, '数量至少为 1').max(50, '数量最多 50').optional(),
    cabinetPosition: plainText({ max: 30, required: '请填写存放位置（钥匙柜号-格号）' }).optional(),
  })
  .strict();

export const keyListQuery = z.object({
  projectId: uuid,
  status: z.enum(KEY_STATUSES).optional(),
  q: typed(z.string().max(30)).optional(),
});

/**
 * One lending (KEY-2, KEY-4). `ownerPersonId` is the owner who borrows (owner) or who signed the written
 * authorisation (authorised); staff borrow only public-area and plant-room keys.
 */
export const loanCreate = z
  .object({
    version,
    borrowerKind: z.enum(BORROWER_KINDS, { error: '请选择借用人身份' }),
    ownerPersonId: uuid.nullish(),
    /** The authorised holder's or staff member's name; for an owner it comes from the register. */
    borrowerName: plainText({ max: 50 }).nullish(),
    identityChecked: z.boolean({ error: '请确认已核验借用人身份证件' }),
    identityDocument: plainText({ max: 30, required: '请填写核验的证件（如身份证、工作证）' }),
    /** The written authorisation seen (授权书), e.g. its date and what it allows. */
    authorisation: plainText({ max: 200 }).nullish(),
    purpose: plainText({ max: 200, required: '请填写借用事由' }),
    approverId: uuid,
    ownerContacted: z.boolean({ error: '请选择是否已联系业主' }),
    contactMethod: plainText({ max: 50 }).nullish(),
    dueAt: z.iso.datetime({ offset: true, error: '请选择归还时间' }),
    signature: signatureDataUrl,
  })
  .strict();
export type LoanCreate = z.infer<typeof loanCreate>;

export const loanReturn = z
  .object({
    version,
    /** Who handed the key in (交还人). */
    returnedByName: plainText({ max: 50, required: '请填写交还人' }),
  })
  .strict();

export const loanListQuery = z.object({
  projectId: uuid,
  /** Only keys still out. */
  open: queryBoolean.optional(),
  from: z.iso.date({ error: '日期格式应为 YYYY-MM-DD' }).optional(),
  to: z.iso.date({ error: '日期格式应为 YYYY-MM-DD' }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const handoverCreate = z
  .object({
    version,
    ownerPersonId: uuid,
    /** The secondary-renovation procedure the owner completed (装修申请 number or date). */
    renovationRef: plainText({ max: 100, required: '请填写二次装修手续（如装修申请编号）' }),
    signature: signatureDataUrl,
  })
  .strict();

export const loanDeleteParams = z.object({ id: uuid });

// Answers.

export const keyAbilities = abilitiesOf(keyPolicy);

export const keyView = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  number: z.string(),
  kind: z.enum(KEY_KINDS),
  unitId: z.uuid().nullable(),
  unitCode: z.string().nullable(),
  label: z.string().nullable(),
  count: z.number().int(),
  cabinetPosition: z.string(),
  status: z.enum(KEY_STATUSES),
  version: z.number().int(),
  /** The open lending while the key is out. */
  openLoanId: z.uuid().nullable(),
  abilities: keyAbilities,
});
export type KeyView = z.infer<typeof keyView>;
export const keyList = z.object({ items: z.array(keyView), canCreate: z.boolean().meta({ description: '当前用户可否在该项目登记钥匙' }) });

/** ARC-12: names are masked (张*) for roles whose work does not need the full name; no phone or ID number is ever sent. */
export const keyHolder = z.object({ id: z.uuid(), name: z.string(), relation: z.string() });
export const keyHolders = z.object({ items: z.array(keyHolder) });
export type KeyHolder = z.infer<typeof keyHolder>;

export const approver = z.object({ id: z.uuid(), displayName: z.string() });
export const approverList = z.object({ items: z.array(approver) });

const slaState = z.enum(['none', 'ok', 'warning', 'overdue'] satisfies SlaState[]);

export const loanView = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  keyId: z.uuid(),
  keyNumber: z.string(),
  keyKind: z.enum(KEY_KINDS),
  unitCode: z.string().nullable(),
  borrowerKind: z.enum(BORROWER_KINDS),
  borrowerName: z.string().meta({ description: '无权查看全名的角色只见姓氏' }),
  identityDocument: z.string(),
  authorisation: z.string().nullable(),
  purpose: z.string(),
  approverName: z.string(),
  ownerContacted: z.boolean(),
  contactMethod: z.string().nullable(),
  lentAt: z.iso.datetime(),
  lentByName: z.string(),
  dueAt: z.iso.datetime(),
  state: slaState,
  overdue: z.boolean(),
  chaseCount: z.number().int(),
  returnedAt: z.iso.datetime().nullable(),
  returnedByName: z.string().nullable(),
  receivedByName: z.string().nullable(),
  signature: z.string().meta({ description: '借用人签名图片地址' }),
  version: z.number().int(),
});
export type LoanView = z.infer<typeof loanView>;
export const loanList = z.object({ items: z.array(loanView) });

export const handoverView = z.object({
  id: z.uuid(),
  keyId: z.uuid(),
  keyNumber: z.string(),
  unitCode: z.string().nullable(),
  ownerName: z.string(),
  renovationRef: z.string(),
  at: z.iso.datetime(),
  byName: z.string(),
  signature: z.string(),
});
export type HandoverView = z.infer<typeof handoverView>;

