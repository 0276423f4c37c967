import { describe, expect, it } from 'vitest';
import { DEFAULT_REPAIR_VISIT_SHARE, drawsByRule, drawsVisit, helpVisitRule, VISIT_DUE_DAYS, visitRates } from './sampling';

/** A small seeded generator (mulberry32), so the many-draw test is repeatable. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('return-visit sampling', () => {
  it('VISIT-2 the drawn share of finished repairs stays within tolerance of the setting over many draws', () => {
    const n = 20_000;
    for (const [share, seed] of [[DEFAULT_REPAIR_VISIT_SHARE, 1], [0.3, 7], [0.5, 42], [0.1, 99]] as const) {
      const random = seeded(seed);
      let drawn = 0;
      for (let i = 0; i < n; i++) if (drawsVisit('work_order', share, random)) drawn++;
      // 20 000 draws: the standard error is below 0.0036; 0.015 is > 4 of them.
      expect(Math.abs(drawn / n - share), `share ${share}`).toBeLessThan(0.015);
    }
    expect(DEFAULT_REPAIR_VISIT_SHARE).toBe(0.3);
  });

  it('VISIT-2 with the platform random source too, the default share holds within tolerance', () => {
    let drawn = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) if (drawsVisit('work_order', 0.3, Math.random)) drawn++;
    expect(Math.abs(drawn / n - 0.3)).toBeLessThan(0.02);
  });

  it('VISIT-1 complaints are always drawn (100 %), whatever the repair share or the random value', () => {
    for (const share of [0, 0.3, 1]) for (const r of [0, 0.5, 0.999999]) expect(drawsVisit('complaint', share, () => r)).toBe(true);
  });

  it('VISIT-2 a share of 0 draws no repair and a share of 1 draws every one; out-of-range shares are clamped', () => {
    expect(drawsVisit('work_order', 0, () => 0)).toBe(false);
    expect(drawsVisit('work_order', 1, () => 0.999999)).toBe(true);
    expect(drawsVisit('work_order', -1, () => 0)).toBe(false);
    expect(drawsVisit('work_order', 2, () => 0.999999)).toBe(true);
  });

  it('VISIT-5 rates: done over due, satisfied over done; none when there is nothing to count', () => {
    expect(visitRates(4, 2, 1)).toEqual({ visitRate: 0.5, satisfactionRate: 0.5 });
    expect(visitRates(0, 0, 0)).toEqual({ visitRate: null, satisfactionRate: null });
  });

  it('VISIT-2 the drawn share of finished help requests stays within tolerance of the setting over many draws', () => {
    const n = 20_000;
    for (const [share, seed] of [[0.3, 3], [0.75, 11]] as const) {
      const random = seeded(seed);
      let drawn = 0;
      for (let i = 0; i < n; i++) if (drawsByRule(helpVisitRule({ category: 'other', routedTo: null, outcome: 'solved' }), share, random)) drawn++;
      expect(Math.abs(drawn / n - share), `share ${share}`).toBeLessThan(0.015);
    }
  });

  it('VISIT-2 a medical emergency is always drawn, due within a week, whatever the share', () => {
    expect(helpVisitRule({ category: 'medical', routedTo: null, outcome: 'solved' })).toBe('always');
    expect(helpVisitRule({ category: 'medical', routedTo: null, outcome: 'referred' })).toBe('always');
    for (const r of [0, 0.5, 0.999999]) expect(drawsByRule('always', 0, () => r)).toBe(true);
    expect(VISIT_DUE_DAYS.help_request).toBeLessThanOrEqual(7);
  });

  it('VISIT-2 an inquiry answered on the spot and a request routed to a record of its own are never drawn here', () => {
    expect(helpVisitRule({ category: 'inquiry', routedTo: null, outcome: 'answered' })).toBe('never');
    expect(helpVisitRule({ category: 'repair', routedTo: 'call', outcome: 'solved' })).toBe('never');
    expect(helpVisitRule({ category: 'complaint', routedTo: 'call', outcome: 'solved' })).toBe('never');
    for (const category of ['security', 'disaster', 'other']) expect(helpVisitRule({ category, routedTo: null, outcome: 'solved' })).toBe('share');
    expect(drawsByRule('never', 1, () => 0)).toBe(false);
  });
});

/* VISIT-2 for closed help requests, every case by hand (ADR 0016). */
describe('which closed help requests get a return visit', () => {
  it('VISIT-2 a medical emergency always; one routed on, a repair or a complaint never (followed up on its own record); an inquiry or an answered request never; the rest by the share', async () => {
    const { helpVisitRule } = await import('./sampling');
    expect(helpVisitRule({ category: 'medical', routedTo: 'call', outcome: 'answered' })).toBe('always');
    expect(helpVisitRule({ category: 'security', routedTo: 'call', outcome: 'handled' })).toBe('never');
    expect(helpVisitRule({ category: 'repair', routedTo: null, outcome: 'handled' })).toBe('never');
    expect(helpVisitRule({ category: 'complaint', routedTo: null, outcome: 'handled' })).toBe('never');
    expect(helpVisitRule({ category: 'inquiry', routedTo: null, outcome: 'handled' })).toBe('never');
    expect(helpVisitRule({ category: 'other', routedTo: null, outcome: 'answered' })).toBe('never');
    expect(helpVisitRule({ category: 'security', routedTo: null, outcome: 'handled' })).toBe('share');
    expect(helpVisitRule({ category: 'disaster', routedTo: '', outcome: 'handled' })).toBe('share');
  });
  it('VISIT-2 repairs and help requests are drawn by the share, complaints always (VISIT-1)', async () => {
    const { drawsVisit } = await import('./sampling');
    expect(drawsVisit('help_request', 0.3, () => 0.5)).toBe(false);
    expect(drawsVisit('help_request', 0.3, () => 0.1)).toBe(true);
    expect(drawsVisit('work_order', 0.3, () => 0.3)).toBe(false);
  });
  it('VISIT-2 the share setting is a whole percentage, clamped to 0–100', async () => {
    const { shareOfPercent } = await import('./sampling');
    expect([shareOfPercent(30), shareOfPercent(0), shareOfPercent(100), shareOfPercent(-5), shareOfPercent(150)]).toEqual([0.3, 0, 1, 0, 1]);
  });
});
