import { describe, expect, it } from 'vitest';
import { addMonths, classify, leavesComplaintProcedure, warrantyLastDay, type ClassifyInput } from './classify';

const months = { waterproofing: 60, plumbing: 24, electrical: 24, fittings: 12 };
const plumbing = { kind: 'repair' as const, label: '给排水管道漏水', warrantyCategory: 'plumbing', vendorCategory: null };
const base: ClassifyInput = { category: plumbing, handoverDate: '2025-06-30', warrantyMonths: months, vendor: null, explicitComplaint: false, needsCoordination: false, today: '2026-11-26' };

describe('classification of a call', () => {
  it('CALL-5 a repair of an item still in the builder warranty is proposed Z, with the reason', () => {
    const c = classify(base);
    expect(c.class).toBe('Z');
    expect(c.warrantyEnds).toBe('2027-06-29');
    expect(c.reason).toContain('保修至 2027-06-29');
  });

  // Warranty edges: the term runs from the handover day; the last covered day is one day before the anniversary.
  it.each([
    ['2024-11-27', '2026-11-26', 'Z'], // last day of a 2-year term
    ['2024-11-26', '2026-11-26', 'normal'], // the anniversary: warranty over
    ['2024-11-28', '2026-11-26', 'Z'],
    ['2024-02-29', '2026-02-28', 'normal'], // leap-day handover: anniversary falls back to Feb 28
    ['2024-02-29', '2026-02-27', 'Z'],
  ])('CALL-5 plumbing handed over %s, called on %s → %s', (handoverDate, today, expected) => {
    expect(classify({ ...base, handoverDate, today }).class).toBe(expected);
  });

  it.each([
    ['waterproofing', 60, '2021-11-27', 'Z'],
    ['waterproofing', 60, '2021-11-26', 'normal'],
    ['fittings', 12, '2025-11-27', 'Z'],
    ['fittings', 12, '2025-11-25', 'normal'],
  ])('CALL-5 %s (%i months) handed over %s → %s', (category, _m, handoverDate, expected) => {
    const c = classify({ ...base, category: { kind: 'repair', label: category, warrantyCategory: category, vendorCategory: null }, handoverDate });
    expect(c.class).toBe(expected);
  });

  it('CALL-2 an out-of-warranty repair is a normal repair and says the warranty ended', () => {
    const c = classify({ ...base, handoverDate: '2019-12-31' });
    expect(c.class).toBe('normal');
    expect(c.reason).toContain('已于 2021-12-30 届满');
  });

  it('CALL-2 a repair with no warranty category or no handover date is a normal repair', () => {
    expect(classify({ ...base, category: { ...plumbing, warrantyCategory: null } }).class).toBe('normal');
    expect(classify({ ...base, handoverDate: null }).class).toBe('normal');
    expect(classify({ ...base, category: null }).class).toBe('normal');
  });

  it('CALL-6 an item owed by an outside unit is Q and names the unit', () => {
    const c = classify({ ...base, category: { kind: 'vendor', label: '宽带故障', warrantyCategory: null, vendorCategory: 'broadband' }, vendor: { name: '城市宽带' } });
    expect(c.class).toBe('Q');
    expect(c.reason).toContain('城市宽带');
  });

  it('CALL-7 a matter needing coordination is GT, even for an item in warranty', () => {
    expect(classify({ ...base, needsCoordination: true }).class).toBe('GT');
    expect(classify({ ...base, category: { kind: 'coordination', label: '邻里噪音', warrantyCategory: null, vendorCategory: null } }).class).toBe('GT');
  });

  it('CALL-8 an explicit complaint is a complaint whatever it is about', () => {
    expect(classify({ ...base, explicitComplaint: true, needsCoordination: true }).class).toBe('complaint');
    expect(classify({ ...base, category: { kind: 'complaint', label: '投诉', warrantyCategory: null, vendorCategory: null } }).class).toBe('complaint');
  });

  it('an inquiry is answered on the spot', () => {
    expect(classify({ ...base, category: { kind: 'inquiry', label: '咨询', warrantyCategory: null, vendorCategory: null } }).class).toBe('inquiry');
  });

  it('months are calendar months; the 31st falls back to the month end', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2025-06-30', 24)).toBe('2027-06-30');
    expect(warrantyLastDay('2025-06-30', 24)).toBe('2027-06-29');
  });
});

/* Boundary cases and the exact reasons the desk reads (the mutants that survived the cases above). */
describe('classification: boundaries and reasons, by hand', () => {
  it('CALL-5 a call on the handover day itself is in warranty (Z), and the reason gives term, handover and last day', () => {
    const c = classify({ ...base, handoverDate: '2025-06-30', today: '2025-06-30' });
    expect(c).toEqual({ class: 'Z', reason: '给排水管道漏水保修期 2 年，交房 2025-06-30，保修至 2027-06-29，在保修期内，由开发商工程师维修', warrantyEnds: '2027-06-29' });
  });
  it('CALL-5 the warranty end day is still Z; the day after is a normal repair that says when it ended', () => {
    expect(classify({ ...base, today: '2027-06-29' }).class).toBe('Z');
    expect(classify({ ...base, today: '2027-06-30' })).toEqual({ class: 'normal', reason: '给排水管道漏水保修期 2 年，已于 2027-06-29 届满，按一般报修处理', warrantyEnds: '2027-06-29' });
  });
  it('CALL-5 a term that is not whole years is given in months', () => {
    const c = classify({ ...base, warrantyMonths: { plumbing: 18 }, today: '2026-12-29' });
    expect(c).toEqual({ class: 'Z', reason: '给排水管道漏水保修期 18 个月，交房 2025-06-30，保修至 2026-12-29，在保修期内，由开发商工程师维修', warrantyEnds: '2026-12-29' });
    expect(classify({ ...base, warrantyMonths: { plumbing: 12 } }).reason).toContain('保修期 1 年');
  });
  it('CALL-2 a warranty category the project has no term for is not the developer\'s: a normal repair, no warranty end', () => {
    expect(classify({ ...base, warrantyMonths: { waterproofing: 60 } })).toEqual({ class: 'normal', reason: '给排水管道漏水不在开发商保修范围，按一般报修处理' });
    expect(classify({ ...base, category: { ...plumbing, warrantyCategory: null } })).toEqual({ class: 'normal', reason: '给排水管道漏水不在开发商保修范围，按一般报修处理' });
  });
  it('CALL-2 a warranty item of a unit with no handover date cannot be judged: a normal repair that says why', () => {
    expect(classify({ ...base, handoverDate: null })).toEqual({ class: 'normal', reason: '房屋无交房日期记录，无法判断保修，按一般报修处理' });
  });
  it('CALL-2 no category chosen: a normal repair that says so', () => {
    expect(classify({ ...base, category: null })).toEqual({ class: 'normal', reason: '未选择类别，按一般报修处理' });
  });
  it('CALL-6 a repair category owed by an outside unit (vendor category set) is Q even when it is not of kind vendor', () => {
    const c = classify({ ...base, category: { kind: 'repair', label: '热水器故障', warrantyCategory: 'plumbing', vendorCategory: 'water_heater' }, vendor: { name: '华帝售后' } });
    expect(c).toEqual({ class: 'Q', reason: '热水器故障属“华帝售后”负责维修，按其承诺时间催办' });
  });
  it('CALL-6 vendor register miss: no vendor on record for the item, still Q, naming "the outside unit"', () => {
    const c = classify({ ...base, category: { kind: 'vendor', label: '宽带故障', warrantyCategory: null, vendorCategory: null }, vendor: null });
    expect(c).toEqual({ class: 'Q', reason: '宽带故障属外联单位负责维修，按其承诺时间催办' });
  });
  it('CALL-5 a repair without a vendor category in warranty is Z, not Q', () => {
    expect(classify({ ...base, category: { ...plumbing, vendorCategory: null }, vendor: { name: '城市宽带' } }).class).toBe('Z');
  });
  it('CALL-8, CALL-7 and inquiry reasons, exactly', () => {
    expect(classify({ ...base, explicitComplaint: true })).toEqual({ class: 'complaint', reason: '来电明确表示投诉，转投诉处理程序' });
    expect(classify({ ...base, needsCoordination: true })).toEqual({ class: 'GT', reason: '需与其他业户、外联单位或其他部门协调，预计处理时间较长' });
    expect(classify({ ...base, category: { kind: 'inquiry', label: '咨询', warrantyCategory: null, vendorCategory: null } })).toEqual({ class: 'inquiry', reason: '咨询类，当场解答' });
  });
  it('CALL-5 dates keep two-digit months and days', () => {
    expect(addMonths('2025-01-05', 1)).toBe('2025-02-05');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2025-12-15', 1)).toBe('2026-01-15');
    expect(warrantyLastDay('2025-03-01', 12)).toBe('2026-02-28');
  });
});

describe('an explicit complaint stays in the complaint procedure', () => {
  it('CALL-8 a call proposed as a complaint may not become any other class; another call may become a complaint and back', () => {
    for (const other of ['normal', 'Z', 'Q', 'GT', 'inquiry'] as const) {
      expect(leavesComplaintProcedure('complaint', other), other).toBe(true);
      expect(leavesComplaintProcedure(other, 'complaint'), other).toBe(false);
      expect(leavesComplaintProcedure(other, 'inquiry'), other).toBe(false);
    }
    expect(leavesComplaintProcedure('complaint', 'complaint')).toBe(false);
  });
});
