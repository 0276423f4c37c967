import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { maskIdNumber, maskName, maskPhone } from './mask';

describe('masking of personal data', () => {
  it('ARC-12 a mobile number keeps its first three and last four digits: 138****5678', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('ARC-12 an ID number keeps only its first and last character', () => {
    expect(maskIdNumber('11010119900307123X')).toBe('1****************X');
  });

  it('ARC-12 a name keeps its surname: 张三丰 → 张**', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('欧阳')).toBe('欧*');
  });

  it('ARC-12 no masked phone ever contains the middle four digits of the original', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (phone) => {
        const m = maskPhone(phone)!;
        expect(m).toHaveLength(11);
        expect(m.slice(3, 7)).toBe('****');
        expect(m).not.toContain(phone.slice(3, 7) + phone.slice(7));
      }),
    );
  });

  it('ARC-12 a masked ID number reveals at most two characters', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}[\dX]$/), (id) => {
        const m = maskIdNumber(id)!;
        expect(m.length).toBe(id.length);
        expect(Array.from(m).filter((c) => c !== '*').length).toBe(2);
      }),
    );
  });

  it('empty values stay empty', () => {
    expect(maskPhone(null)).toBeNull();
    expect(maskIdNumber(undefined)).toBeNull();
    expect(maskName('')).toBe('');
  });
});

/* Boundaries, by hand (ARC-12): every length class of phone, ID and name. */
describe('masking boundaries', () => {
  it('ARC-12 phone: 7 digits or more keep first three and last four; 3 to 6 keep the last two; 1 or 2 show nothing', () => {
    expect(maskPhone('1234567')).toBe('123****4567');
    expect(maskPhone('123456')).toBe('****56');
    expect(maskPhone('123')).toBe('*23');
    expect(maskPhone('12')).toBe('**');
    expect(maskPhone('1')).toBe('*');
  });
  it('ARC-12 phone: surrounding spaces are dropped before masking (a landline with spaces never leaks more)', () => {
    expect(maskPhone('  13812345678 ')).toBe('138****5678');
    expect(maskPhone(' 123456 ')).toBe('****56');
  });
  it('ARC-12 phone: empty and missing stay as they are', () => {
    expect(maskPhone('')).toBe('');
    expect(maskPhone(undefined)).toBeNull();
  });
  it('ARC-12 ID: 3 characters keep first and last; 2 or 1 show nothing; empty stays empty', () => {
    expect(maskIdNumber('abc')).toBe('a*c');
    expect(maskIdNumber('ab')).toBe('**');
    expect(maskIdNumber('a')).toBe('*');
    expect(maskIdNumber('')).toBe('');
    expect(maskIdNumber(null)).toBeNull();
  });
  it('ARC-12 name: one character stays; two keep the first; characters outside the BMP count as one', () => {
    expect(maskName('张')).toBe('张');
    expect(maskName('李四')).toBe('李*');
    expect(maskName('𠀀二三')).toBe('𠀀**');
    expect(maskName(null)).toBeNull();
    expect(maskName(undefined)).toBeNull();
  });
});
