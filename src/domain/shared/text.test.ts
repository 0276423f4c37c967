import { describe, expect, it } from 'vitest';
import { hasInvisible, idCheckDigitOk, normalizeTyped, plainText, queryBoolean } from './text';

describe('typed input', () => {
  it('full-width digits, letters and dashes fold to ASCII', () => {
    expect(normalizeTyped(' ３-２-１５０２ ')).toBe('3-2-1502');
    expect(normalizeTyped('１３９１２３４５６７８')).toBe('13912345678');
    expect(normalizeTyped('Ａ５７０１')).toBe('A5701');
  });

  it('query booleans are strict: "false" and "0" are false, anything else but true/1 is refused', () => {
    expect(queryBoolean.parse('true')).toBe(true);
    expect(queryBoolean.parse('1')).toBe(true);
    expect(queryBoolean.parse('false')).toBe(false);
    expect(queryBoolean.parse('0')).toBe(false);
    for (const bad of ['', 'yes', 'no', 'FALSE ', 'off']) expect(queryBoolean.safeParse(bad).success).toBe(false);
  });

  it('invisible and direction-control characters are refused in names', () => {
    const name = plainText({ max: 50 });
    expect(name.safeParse('王晓丽').success).toBe(true);
    for (const spoof of ['王\u200B晓丽', '\u202Eabc', '王晓\u2066丽\u2069', '王\uFEFF丽', '王\u00AD丽']) {
      expect(hasInvisible(spoof)).toBe(true);
      const r = name.safeParse(spoof);
      expect(r.success).toBe(false);
      expect(r.error!.issues[0].message).toContain('不可见字符');
    }
  });

  it('resident ID numbers carry a GB 11643 check digit', () => {
    expect(idCheckDigitOk('11010519491231002X')).toBe(true);
    expect(idCheckDigitOk('110105194912310021')).toBe(false);
    expect(idCheckDigitOk('440305199001011234')).toBe(false);
  });
});
