// Plain lists (no drizzle), so the browser can read them.

/** Where an archive document comes from (ARC-1..3): the developer, the customer-service centre, engineering. */
export const ARCHIVE_DEPARTMENTS = ['developer', 'cs_centre', 'engineering'] as const;
export type ArchiveDepartment = (typeof ARCHIVE_DEPARTMENTS)[number];

export const ARCHIVE_DEPARTMENT_LABELS: Record<ArchiveDepartment, string> = { developer: '开发商', cs_centre: '客户服务中心', engineering: '工程部' };

export const DOCUMENT_STATUSES = ['received', 'missing'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** The manual's documents per source department: the template a project starts with, and then edits. */
export const DEFAULT_ARCHIVE_TEMPLATE: { department: ArchiveDepartment; name: string }[] = [
  // ARC-1
  { department: 'developer', name: '《业主规约》' },
  { department: 'developer', name: '《前期物业管理服务协议》' },
  // ARC-2
  { department: 'cs_centre', name: '《入伙接楼程序表》' },
  { department: 'cs_centre', name: '《业户家庭情况登记表》' },
  // ARC-3
  { department: 'engineering', name: '《入伙接楼表》(一)及附件' },
  { department: 'engineering', name: '《入伙接楼表》(二)及附件' },
  { department: 'engineering', name: '《入伙返修项目表》' },
  { department: 'engineering', name: '《装修申请表》' },
  { department: 'engineering', name: '《装修施工承诺表》' },
  { department: 'engineering', name: '《业户自装承诺书》' },
  { department: 'engineering', name: '《装修竣工验收表》' },
  { department: 'engineering', name: '装修设计图纸' },
  { department: 'engineering', name: '装修公司营业执照及资质证书复印件' },
  { department: 'engineering', name: '装修管理记录' },
];

/** What a household signs for (ARC-5..7): facilities opened and items handed out; completed handover-form items; receipt of the manuals. */
export const SIGNOFF_KINDS = ['facility_opening', 'handover_items', 'manual_receipt'] as const;
export type SignoffKind = (typeof SIGNOFF_KINDS)[number];
export const SIGNOFF_KIND_LABELS: Record<SignoffKind, string> = {
  facility_opening: '配套设施开通、物品发放确认',
  handover_items: '《入伙接楼表》(一)(二)完成项目确认',
  manual_receipt: '《物业使用手册》《房屋装饰装修管理规定》签收',
};
/** Who signs: the household, or (for completed handover-form items, ARC-6) the repairer. */
export const SIGNER_ROLES = ['household', 'repairer'] as const;
export type SignerRole = (typeof SIGNER_ROLES)[number];
/** ARC-7: the two documents the household signs for before they are handed over. */
export const MANUAL_RECEIPT_ITEMS = ['《物业使用手册》', '《房屋装饰装修管理规定》'] as const;
