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
