import { describe, expect, it } from 'vitest';
import { BUSINESS_TIME_ZONE, isLocalMidnight, localDay, localTime, zoneOffsetMs } from './business-time';

describe('business time zone: one setting', () => {
  it('is Beijing time by default', () => {
    expect(BUSINESS_TIME_ZONE).toBe('Asia/Shanghai');
    expect(zoneOffsetMs(new Date('2026-11-26T02:00:00Z'))).toBe(8 * 3600_000);
  });
  it.each([
    ['2026-11-26T15:59:59Z', '2026-11-26'],
    ['2026-11-26T16:00:00Z', '2026-11-27'],
  ])('the local day of %s is %s', (iso, day) => {
    expect(localDay(new Date(iso))).toBe(day);
  });
  it('local midnight and clock time', () => {
    expect(isLocalMidnight(new Date('2026-11-25T16:00:00Z'))).toBe(true);
    expect(isLocalMidnight(new Date('2026-11-26T00:00:00Z'))).toBe(false);
    expect(localTime(new Date('2026-11-26T06:05:00Z'))).toBe('14:05');
  });
  it('another zone is a parameter, not a code change', () => {
    expect(zoneOffsetMs(new Date('2026-07-01T00:00:00Z'), 'Europe/Berlin')).toBe(2 * 3600_000);
    expect(localDay(new Date('2026-11-26T23:30:00Z'), 'UTC')).toBe('2026-11-26');
  });
});

describe('export date-times', () => {
  it('CALL-10 an export prints the business-zone date and 24-hour time', async () => {
    const { localDateTime } = await import('./business-time');
    expect(localDateTime(new Date('2026-11-26T06:05:09Z'))).toBe('2026/11/26 14:05:09');
    expect(localDateTime(new Date('2026-11-26T15:30:00Z'))).toBe('2026/11/26 23:30:00');
    expect(localDateTime(new Date('2026-11-26T06:05:09Z'), 'UTC')).toBe('2026/11/26 06:05:09');
  });
});

describe('local day bounds', () => {
  it('COMP-2 a local day starts at Beijing midnight (16:00 UTC the day before) and "the same day" ends at the next one', async () => {
    const { localDayStart, localDayEnd } = await import('./business-time');
    expect(localDayStart('2026-11-26').toISOString()).toBe('2026-11-25T16:00:00.000Z');
    expect(localDayStart('2026-11-26', 'UTC').toISOString()).toBe('2026-11-26T00:00:00.000Z');
    expect(localDayEnd(new Date('2026-11-26T15:59:59Z')).toISOString()).toBe('2026-11-26T16:00:00.000Z');
    expect(localDayEnd(new Date('2026-11-26T16:00:00Z')).toISOString()).toBe('2026-11-27T16:00:00.000Z');
  });
});
