import { describe, expect, it } from 'vitest';
import { WORK_ORDER_STATUSES } from './work-orders.table';
import { WORK_ORDER_EVENTS, nextWorkOrderStatus } from './work-orders.status';

const EXPECTED: Record<string, string> = {
  'assigned/accept': 'accepted', 'assigned/arrive': 'on_site', 'assigned/complete': 'done', 'assigned/reassign': 'assigned', 'assigned/cancel': 'cancelled',
  'accepted/arrive': 'on_site', 'accepted/complete': 'done', 'accepted/reassign': 'assigned', 'accepted/cancel': 'cancelled',
  'on_site/complete': 'done', 'on_site/reassign': 'assigned', 'on_site/cancel': 'cancelled',
  'done/verify': 'verified', 'done/reject': 'on_site',
};

describe('work order (报修单) state machine', () => {
  for (const s of WORK_ORDER_STATUSES)
    for (const e of WORK_ORDER_EVENTS)
      it(`CALL-2 ${s} + ${e} → ${EXPECTED[`${s}/${e}`] ?? 'refused'}`, () => {
        expect(nextWorkOrderStatus(s, e)).toBe(EXPECTED[`${s}/${e}`] ?? null);
      });
});

describe('work order status sets derived from the transition table', () => {
  it('verified and cancelled are terminal; done awaits verification; the doer is active before done', async () => {
    const m = await import('./work-orders.status');
    expect(m.TERMINAL_WORK_ORDER_STATUSES).toEqual(['verified', 'cancelled']);
    expect(m.OPEN_WORK_ORDER_STATUSES).toEqual(['assigned', 'accepted', 'on_site', 'done']);
    expect(m.DONE_WORK_ORDER_STATUSES).toEqual(['done', 'verified', 'cancelled']);
    expect(m.ACTIVE_WORK_ORDER_STATUSES).toEqual(['assigned', 'accepted', 'on_site']);
  });

  it('CALL-2 per status, by hand: open, done (the doer\'s deadline stops), active (the doer is at work)', async () => {
    const m = await import('./work-orders.status');
    const per = (f: (s: never) => boolean) => Object.fromEntries(WORK_ORDER_STATUSES.map((s) => [s, f(s as never)]));
    expect(per(m.isWorkOrderOpen)).toEqual({ assigned: true, accepted: true, on_site: true, done: true, verified: false, cancelled: false });
    expect(per(m.isWorkOrderDone)).toEqual({ assigned: false, accepted: false, on_site: false, done: true, verified: true, cancelled: true });
    expect(per(m.isWorkOrderActive)).toEqual({ assigned: true, accepted: true, on_site: true, done: false, verified: false, cancelled: false });
  });

  it('CALL-2 workOrderAllows follows the table for every status × event', async () => {
    const m = await import('./work-orders.status');
    for (const s of WORK_ORDER_STATUSES) for (const e of WORK_ORDER_EVENTS) expect(`${s}/${e}:${m.workOrderAllows(s, e)}`).toBe(`${s}/${e}:${EXPECTED[`${s}/${e}`] !== undefined}`);
  });
});
