/**
 * VISIT-1, 2: which handled records get a return visit. Complaints always; finished repairs by a share
 * (default 30 %), each drawn at random. `random` is injected (a value in [0, 1)), so the draw is testable.
 */
export const DEFAULT_REPAIR_VISIT_SHARE = 0.3;
/** Days after handling within which a visit is due. */
export const VISIT_DUE_DAYS = { complaint: 3, work_order: 7 } as const;

export function drawsVisit(subject: 'complaint' | 'work_order', share: number, random: () => number): boolean {
  if (subject === 'complaint') return true;
  const s = Math.min(1, Math.max(0, share));
  return random() < s;
}

/** VISIT-5: the rates of a period. */
export function visitRates(due: number, done: number, satisfied: number): { visitRate: number | null; satisfactionRate: number | null } {
  return { visitRate: due ? done / due : null, satisfactionRate: done ? satisfied / done : null };
}
