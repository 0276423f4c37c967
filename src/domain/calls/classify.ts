import type { CallClass, CategoryKind } from './calls.table';

export interface ClassifyInput {
  category: { kind: CategoryKind; label: string; warrantyCategory: string | null; vendorCategory: string | null } | null;
  /** 交房日期 of the unit (YYYY-MM-DD), if known. */
  handoverDate: string | null;
  /** Warranty terms of the project by item category, in months. */
  warrantyMonths: Record<string, number>;
  /** The vendor who owes the item, if the register has one. */
  vendor: { name: string } | null;
  /** The caller explicitly complains (CALL-8). */
  explicitComplaint: boolean;
  /** The matter needs coordination with other households, vendors or departments (CALL-7). */
  needsCoordination: boolean;
  /** The local (Beijing) day of the call, YYYY-MM-DD. */
  today: string;
}

export interface Classification {
  class: CallClass;
  /** Why, in Chinese, for the person at the desk. */
  reason: string;
  /** For Z: the last day of the warranty. */
  warrantyEnds?: string;
}

/** Adds calendar months to a YYYY-MM-DD date; the 31st of a short month falls back to its last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * The last day covered by a warranty that starts on the handover date: a 2-year term from 2025-06-30
 * covers up to and including 2027-06-29.
 */
export function warrantyLastDay(handoverDate: string, months: number): string {
  const end = new Date(`${addMonths(handoverDate, months)}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

/**
 * CALL-8: a call the household explicitly made a complaint (or filed under a complaint category) was proposed as a
 * complaint and stays one: only the complaint procedure judges it, valid or not (COMP-1). The desk may make another
 * call a complaint, and undo that, but not take an explicit complaint out of the procedure.
 */
export const leavesComplaintProcedure = (proposed: CallClass, cls: CallClass): boolean => proposed === 'complaint' && cls !== 'complaint';

/**
 * Proposes the class of a call and says why (CALL-2, 5, 6, 7, 8). Order matters: a complaint is a
 * complaint whatever it is about; coordination trumps repair; an outside unit's item is Q; an item still
 * in the builder's warranty is Z; anything else needing work is a normal repair.
 */
export function classify(i: ClassifyInput): Classification {
  if (i.explicitComplaint || i.category?.kind === 'complaint') return { class: 'complaint', reason: '来电明确表示投诉，转投诉处理程序' };
  if (i.needsCoordination || i.category?.kind === 'coordination') {
    return { class: 'GT', reason: '需与其他业户、外联单位或其他部门协调，预计处理时间较长' };
  }
  if (!i.category) return { class: 'normal', reason: '未选择类别，按一般报修处理' };
  if (i.category.kind === 'inquiry') return { class: 'inquiry', reason: '咨询类，当场解答' };
  if (i.category.kind === 'vendor' || i.category.vendorCategory) {
    const who = i.vendor ? `“${i.vendor.name}”` : '外联单位';
    return { class: 'Q', reason: `${i.category.label}属${who}负责维修，按其承诺时间催办` };
  }
  const wc = i.category.warrantyCategory;
  if (wc && i.handoverDate && i.warrantyMonths[wc] !== undefined) {
    const last = warrantyLastDay(i.handoverDate, i.warrantyMonths[wc]);
    const years = i.warrantyMonths[wc] % 12 === 0 ? `${i.warrantyMonths[wc] / 12} 年` : `${i.warrantyMonths[wc]} 个月`;
    if (i.today <= last) {
      return { class: 'Z', reason: `${i.category.label}保修期 ${years}，交房 ${i.handoverDate}，保修至 ${last}，在保修期内，由开发商工程师维修`, warrantyEnds: last };
    }
    return { class: 'normal', reason: `${i.category.label}保修期 ${years}，已于 ${last} 届满，按一般报修处理`, warrantyEnds: last };
  }
  if (wc && !i.handoverDate) return { class: 'normal', reason: '房屋无交房日期记录，无法判断保修，按一般报修处理' };
  return { class: 'normal', reason: `${i.category.label}不在开发商保修范围，按一般报修处理` };
}
