/**
 * VISIT-1, 2: which handled records get a return visit. Complaints always; finished repairs and help requests by
 * a share (default 30 %, a per-project setting), each drawn at random; every medical emergency always.
 * `random` is injected (a value in [0, 1)), so the draw is testable.
 */
export const DEFAULT_REPAIR_VISIT_SHARE = 0.3;
/** Days after handling within which a visit is due (a medical emergency: within a week). */
export const VISIT_DUE_DAYS = { complaint: 3, work_order: 7, help_request: 7 } as const;

/** How a handled record is followed up: always (complaints, medical emergencies), by the share, or not at all. */
export type VisitRule = 'always' | 'share' | 'never';

export function drawsVisit(subject: 'complaint' | 'work_order' | 'help_request', share: number, random: () => number): boolean {
  return drawsByRule(subject === 'complaint' ? 'always' : 'share', share, random);
}

export function drawsByRule(rule: VisitRule, share: number, random: () => number): boolean {
  if (rule === 'always') return true;
  if (rule === 'never') return false;
  const s = Math.min(1, Math.max(0, share));
  return random() < s;
}

/**
 * VISIT-2 for a closed help request: a medical emergency (a) always; a repair (b) or complaint (c) went on to a
 * record of its own (the call record's work order or complaint), which is followed up there, so not here; an
 * inquiry answered on the spot (d, outcome `answered`) has nothing handled to follow up and is never drawn
 * (a decision, ADR 0016); any other request or incident (e, f, g) by the share.
 */
export function helpVisitRule(h: { category: string; routedTo: string | null; outcome: string }): VisitRule {
  if (h.category === 'medical') return 'always';
  if (h.routedTo || h.category === 'repair' || h.category === 'complaint') return 'never';
  if (h.category === 'inquiry' || h.outcome === 'answered') return 'never';
  return 'share';
}

/** The share setting is a whole percentage 0–100. */
export const shareOfPercent = (p: number) => Math.min(100, Math.max(0, p)) / 100;

/** VISIT-5: the rates of a period. */
export function visitRates(due: number, done: number, satisfied: number): { visitRate: number | null; satisfactionRate: number | null } {
  return { visitRate: due ? done / due : null, satisfactionRate: done ? satisfied / done : null };
}
