import { describe, expect, it } from 'vitest';
import { formatNumber, localDay } from './numbering';

describe('record numbers', () => {
  it('a number reads prefix, Beijing day and a four-digit sequence: LD20261126-0001', () => {
    expect(formatNumber('LD', '2026-11-26', 1)).toBe('LD20261126-0001');
    expect(formatNumber('BX', '2026-01-02', 123)).toBe('BX20260102-0123');
  });

  it('the day is Beijing time: 16:30 UTC is already the next day', () => {
    expect(localDay(new Date('2026-11-26T15:59:59Z'))).toBe('2026-11-26');
    expect(localDay(new Date('2026-11-26T16:00:00Z'))).toBe('2026-11-27');
  });
});
