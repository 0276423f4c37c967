import { describe, expect, it } from 'vitest';
import { ARCHIVE_DEPARTMENTS, DEFAULT_ARCHIVE_TEMPLATE, MANUAL_RECEIPT_ITEMS, SIGNER_ROLES, SIGNOFF_KINDS } from './departments';

/* The manual's documents, copied by hand from SPEC.md ARC-1..3, per department that collects them. */
describe('household archive template', () => {
  it('ARC-1 the developer hands over the owners\' covenant and the preliminary service agreement', () => {
    expect(DEFAULT_ARCHIVE_TEMPLATE.filter((d) => d.department === 'developer').map((d) => d.name)).toEqual(['《业主规约》', '《前期物业管理服务协议》']);
  });
  it('ARC-2 the customer-service centre collects the move-in procedure form and the household form', () => {
    expect(DEFAULT_ARCHIVE_TEMPLATE.filter((d) => d.department === 'cs_centre').map((d) => d.name)).toEqual(['《入伙接楼程序表》', '《业户家庭情况登记表》']);
  });
  it('ARC-3 engineering collects the handover forms, repair list and renovation documents', () => {
    expect(DEFAULT_ARCHIVE_TEMPLATE.filter((d) => d.department === 'engineering').map((d) => d.name)).toEqual([
      '《入伙接楼表》(一)及附件', '《入伙接楼表》(二)及附件', '《入伙返修项目表》', '《装修申请表》', '《装修施工承诺表》', '《业户自装承诺书》',
      '《装修竣工验收表》', '装修设计图纸', '装修公司营业执照及资质证书复印件', '装修管理记录',
    ]);
    expect(DEFAULT_ARCHIVE_TEMPLATE).toHaveLength(14);
  });
  it('ARC-5 ARC-6 ARC-7 what a household signs for, and who signs', () => {
    expect([...ARCHIVE_DEPARTMENTS]).toEqual(['developer', 'cs_centre', 'engineering']);
    expect([...SIGNOFF_KINDS]).toEqual(['facility_opening', 'handover_items', 'manual_receipt']);
    expect([...SIGNER_ROLES]).toEqual(['household', 'repairer']);
    expect([...MANUAL_RECEIPT_ITEMS]).toEqual(['《物业使用手册》', '《房屋装饰装修管理规定》']);
  });
});
