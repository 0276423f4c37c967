import { describe, expect, it } from 'vitest';
import { addMonths, classify, warrantyLastDay, type ClassifyInput } from './classify';

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
