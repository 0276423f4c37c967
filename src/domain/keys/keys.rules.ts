import type { KeyKind } from './kinds';

/** Keys that open a household's unit: released only to its owner or the owner's written delegate (KEY-4). */
export const isUnitKey = (kind: KeyKind): boolean => kind === 'developer_held' || kind === 'owner_deposited';

/** KEY-5: lending records are kept at least this long. */
export const KEY_RECORD_RETENTION_YEARS = 2;

/** The earliest moment a lending record lent at `lentAt` may be removed. */
export function retentionEnds(lentAt: Date): Date {
  const d = new Date(lentAt);
  d.setUTCFullYear(d.getUTCFullYear() + KEY_RECORD_RETENTION_YEARS);
  return d;
}

/** KEY-3: after the last step of the ladder an overdue key is chased again every this many minutes until returned. */
export const KEY_CHASE_EVERY_MINUTES = 240;
