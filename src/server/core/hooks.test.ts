import { describe, expect, it } from 'vitest';
import type { Tx } from '../db/store';
import { helpRequestClosed, hookPoint, Hooks, type HookPoint } from './hooks';
import { helpComplaintRouted, helpRepairRouted } from '../help/help.hooks';
import { workOrderAssigned, workOrderStepped } from '../work-orders/work-orders.hooks';
import { visitRecorded } from '../visits/visits.hooks';

const tx = {} as Tx;

describe('hooks', () => {
  it('runs every handler of a point in registration order, with its payload', async () => {
    const point = hookPoint<{ n: number }>('test.point');
    const hooks = new Hooks();
    const seen: string[] = [];
    hooks.on(point, async (_tx, p) => void seen.push(`a${p.n}`));
    hooks.on(point, async (_tx, p) => void seen.push(`b${p.n}`));
    await hooks.run(point, tx, { n: 1 });
    expect(seen).toEqual(['a1', 'b1']);
  });

  it('a required point with no handler refuses to run; an optional one does nothing', async () => {
    const hooks = new Hooks();
    await expect(hooks.run(hookPoint<null>('test.required', { required: true }), tx, null)).rejects.toThrow(/test\.required has no handler/);
    await expect(hooks.run(hookPoint<null>('test.optional'), tx, null)).resolves.toBeUndefined();
  });

  it('a required point with its handler wired runs it (the refusal is only for a point nobody handles)', async () => {
    const point = hookPoint<{ n: number }>('test.wired', { required: true });
    const hooks = new Hooks();
    const seen: number[] = [];
    hooks.on(point, async (_tx, p) => void seen.push(p.n));
    await hooks.run(point, tx, { n: 7 });
    expect(seen).toEqual([7]);
  });

  it('handlers are found by the point’s name: every point of the app has its own, feature.event, so no two share handlers', async () => {
    const points: HookPoint<never>[] = [helpRequestClosed, helpRepairRouted, helpComplaintRouted, workOrderAssigned, workOrderStepped, visitRecorded];
    const names = points.map((p) => p.name);
    expect(names).toEqual(['help.closed', 'help.repair_routed', 'help.complaint_routed', 'workOrder.assigned', 'workOrder.stepped', 'visit.recorded']);
    // A handler of one point never runs for another.
    const hooks = new Hooks();
    const seen: string[] = [];
    for (const p of points) hooks.on(p, async () => void seen.push(p.name));
    await hooks.run(helpRequestClosed, tx, {} as never);
    expect(seen).toEqual(['help.closed']);
  });

  it('a failing handler fails the run, so the owner’s transaction rolls back', async () => {
    const point = hookPoint<null>('test.fail');
    const hooks = new Hooks();
    hooks.on(point, async () => {
      throw new Error('boom');
    });
    await expect(hooks.run(point, tx, null)).rejects.toThrow('boom');
  });
});
