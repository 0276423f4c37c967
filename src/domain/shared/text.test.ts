import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { hasInvisible, idCheckDigitOk, normalizeTyped, plainText, queryBoolean, typed } from './text';

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

  it('a text field left out says what to fill in, as an empty one does; a wrong type keeps its own message', () => {
    const ref = plainText({ max: 100, required: '请填写二次装修手续（如装修申请编号）' });
    expect(ref.safeParse(undefined).error!.issues[0].message).toBe('请填写二次装修手续（如装修申请编号）');
    expect(ref.safeParse('  ').error!.issues[0].message).toBe('请填写二次装修手续（如装修申请编号）');
    expect(plainText({ max: 10 }).safeParse(undefined).error!.issues[0].message).toBe('请填写');
    expect(ref.safeParse(42).error!.issues[0].message).not.toContain('装修');
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

/* The edges of each rule, by hand (mutants that survived the cases above). */
describe('text rules: edges', () => {
  it('ARC-12 an ID number is 18 characters exactly: valid digits with something before or after are refused', () => {
    expect(idCheckDigitOk('110105194912310003')).toBe(true);
    expect(idCheckDigitOk('5110105194912310003')).toBe(false); // a valid ID with a digit before it (whose first 18 also check)
    expect(idCheckDigitOk('11010519491231002X5')).toBe(false); // a valid ID with a digit after it
    expect(idCheckDigitOk('11010519491231002')).toBe(false);
    expect(idCheckDigitOk('1101051949123100AX')).toBe(false);
  });
  it('names are trimmed; empty is refused with 请填写 unless the caller names it; too long says the limit', () => {
    const name = plainText({ max: 3 });
    expect(name.parse('  王晓丽  ')).toBe('王晓丽');
    expect(name.safeParse('   ').error!.issues[0].message).toBe('请填写');
    expect(name.safeParse('王晓丽丽').error!.issues[0].message).toBe('最多 3 字');
    const custom = plainText({ min: 2, max: 3, required: '请填写姓名', tooLong: '姓名太长' });
    expect(custom.safeParse('王').error!.issues[0].message).toBe('请填写姓名');
    expect(custom.safeParse('王晓丽丽').error!.issues[0].message).toBe('姓名太长');
    expect(custom.parse('王晓')).toBe('王晓');
  });
  it('query booleans accept real booleans too, and refuse with a message in Chinese', () => {
    expect(queryBoolean.parse(true)).toBe(true);
    expect(queryBoolean.parse(false)).toBe(false);
    expect(queryBoolean.safeParse('yes').error!.issues[0].message).toBe('应为 true 或 false');
  });
  it('typed input is normalised before its own checks', () => {
    const code = typed(z.string().regex(/^\d+-\d+$/));
    expect(code.parse(' ３-２ ')).toBe('3-2');
    expect(code.safeParse('３－２x').success).toBe(false);
  });
});
