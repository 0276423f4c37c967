import { describe, expect, it } from 'vitest';
import { KEY_CHASE_EVERY_MINUTES, KEY_RECORD_RETENTION_YEARS, isUnitKey, retentionEnds } from './keys.rules';

describe('key rules, by hand', () => {
  it('KEY-4 unit keys (held for the developer, deposited by the owner) go only to the owner or his delegate; public and plant-room keys do not', () => {
    expect({ developer_held: isUnitKey('developer_held'), owner_deposited: isUnitKey('owner_deposited'), public_area: isUnitKey('public_area'), plant_room: isUnitKey('plant_room') })
      .toEqual({ developer_held: true, owner_deposited: true, public_area: false, plant_room: false });
  });
  it('KEY-5 a lending record is kept two years to the instant; a leap day runs to 1 March', () => {
    expect(KEY_RECORD_RETENTION_YEARS).toBe(2);
    expect(retentionEnds(new Date('2026-11-26T08:30:00Z')).toISOString()).toBe('2028-11-26T08:30:00.000Z');
    expect(retentionEnds(new Date('2024-02-29T00:00:00Z')).toISOString()).toBe('2026-03-01T00:00:00.000Z');
    const lent = new Date('2026-01-01T00:00:00Z');
    retentionEnds(lent);
    expect(lent.toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });
  it('KEY-3 an overdue key is chased again every four hours', () => expect(KEY_CHASE_EVERY_MINUTES).toBe(240));
});
