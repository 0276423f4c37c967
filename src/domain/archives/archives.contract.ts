import { z } from 'zod';
import { ARCHIVE_DEPARTMENTS, DOCUMENT_STATUSES, SIGNER_ROLES, SIGNOFF_KINDS } from './departments';
import { plainText, typed } from '../shared/text';

const uuid = z.uuid({ error: '无效的编号' });

export const templateQuery = z.object({ projectId: uuid });
export const templateCreate = z
  .object({
    projectId: uuid,
    department: z.enum(ARCHIVE_DEPARTMENTS, { error: '请选择来源部门' }),
    name: plainText({ max: 60, required: '请填写文件名称' }),
    sort: z.number().int().min(0).max(999).optional(),
  })
  .strict();
export const templatePatch = z
  .object({
    version: z.number().int().positive(),
    name: plainText({ max: 60, required: '请填写文件名称' }).optional(),
    active: z.boolean().optional(),
    sort: z.number().int().min(0).max(999).optional(),
  })
  .strict();

export const templateView = z.object({
  id: z.uuid(),
  department: z.enum(ARCHIVE_DEPARTMENTS),
  name: z.string(),
  sort: z.number().int(),
  active: z.boolean(),
  version: z.number().int(),
});
export type TemplateView = z.infer<typeof templateView>;
export const templateList = z.object({ items: z.array(templateView), canEdit: z.boolean() });

export const documentRecord = z
  .object({
    /** The document row's version when it exists (null: first record). */
    version: z.number().int().positive().nullable(),
    status: z.enum(DOCUMENT_STATUSES, { error: '请选择已收或缺失' }),
    handedOverBy: plainText({ max: 50 }).nullish(),
    handedOverOn: z.iso.date({ error: '日期格式应为 YYYY-MM-DD' }).nullish(),
    location: plainText({ max: 50 }).nullish(),
    note: z.string().trim().max(200, '备注最多 200 字').nullish(),
  })
  .strict();
export type DocumentRecord = z.infer<typeof documentRecord>;

export const byUnitQuery = z.object({ projectId: uuid, unitCode: typed(z.string().min(1, '请输入房号').max(30)) });

/** The file types a scan may be (checked against the bytes, not only the label). */
export const SCAN_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const scanQuery = z.object({ name: plainText({ max: 200, required: '请提供文件名' }).optional() });
export const scanView = z.object({ id: z.uuid(), fileName: z.string(), mime: z.string(), size: z.number().int(), url: z.string(), at: z.iso.datetime() });
export type ScanView = z.infer<typeof scanView>;

export const documentView = z.object({
  templateId: z.uuid(),
  scans: z.array(scanView),
  name: z.string(),
  status: z.enum(DOCUMENT_STATUSES),
  handedOverBy: z.string().nullable(),
  handedOverOn: z.string().nullable(),
  receivedByName: z.string().nullable(),
  location: z.string().nullable(),
  filedAt: z.iso.datetime().nullable(),
  note: z.string().nullable(),
  version: z.number().int().nullable(),
});
export type DocumentView = z.infer<typeof documentView>;

export const householdArchive = z.object({
  householdId: z.uuid(),
  projectId: z.uuid(),
  unitCode: z.string(),
  complete: z.boolean(),
  received: z.number().int(),
  expected: z.number().int(),
  departments: z.array(z.object({ department: z.enum(ARCHIVE_DEPARTMENTS), documents: z.array(documentView), missing: z.array(z.string()) })),
  canRecord: z.boolean(),
  /** Who may sign for the household (names only: no phone or ID number travels here, ARC-12). */
  members: z.array(z.object({ id: z.uuid(), name: z.string(), relation: z.string() })),
});
export type HouseholdArchive = z.infer<typeof householdArchive>;

export const completenessQuery = z.object({ projectId: uuid });
const deptCounts = z.object({ developer: z.number().int(), cs_centre: z.number().int(), engineering: z.number().int() });
const tally = z.object({ households: z.number().int(), complete: z.number().int(), missingByDepartment: deptCounts });
export const completeness = z.object({
  project: tally,
  districts: z.array(tally.extend({ id: z.uuid(), name: z.string() })),
  buildings: z.array(tally.extend({ id: z.uuid(), name: z.string(), districtId: z.uuid() })),
  /** Each department's documents with how many households still miss them. */
  missingDocuments: z.array(z.object({ department: z.enum(ARCHIVE_DEPARTMENTS), name: z.string(), households: z.number().int() })),
});
export type Completeness = z.infer<typeof completeness>;

export const signoffCreate = z
  .object({
    kind: z.enum(SIGNOFF_KINDS, { error: '请选择签字确认的事项' }),
    items: z.array(plainText({ max: 80 })).min(1, '请列出确认的项目').max(50),
    signerRole: z.enum(SIGNER_ROLES, { error: '请选择签字人' }),
    /** The household member who signs (household signatures). */
    signerPersonId: uuid.nullish(),
    /** The repairer's name (ARC-6). */
    signerName: plainText({ max: 50 }).nullish(),
    signature: z
      .string({ error: '请在签名板上签名' })
      .max(280_000, '签名图片过大')
      .regex(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/, '请在签名板上签名'),
  })
  .strict();
export type SignoffCreate = z.infer<typeof signoffCreate>;

export const signoffView = z.object({
  id: z.uuid(),
  kind: z.enum(SIGNOFF_KINDS),
  items: z.array(z.string()),
  signerRole: z.enum(SIGNER_ROLES),
  signerName: z.string(),
  signature: z.string().meta({ description: '签名图片地址' }),
  at: z.iso.datetime(),
  byName: z.string(),
});
export type SignoffView = z.infer<typeof signoffView>;
export const signoffList = z.object({ items: z.array(signoffView), unitCode: z.string() });
