import { describe, expect, it } from 'vitest';
import type { Tx } from './db/store';
import { hookPoint, Hooks } from './hooks';

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

  it('a failing handler fails the run, so the owner’s transaction rolls back', async () => {
    const point = hookPoint<null>('test.fail');
    const hooks = new Hooks();
    hooks.on(point, async () => {
      throw new Error('boom');
    });
    await expect(hooks.run(point, tx, null)).rejects.toThrow('boom');
  });
});
