import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { projects } from '../../domain/property/property.table';
import { timers } from '../../domain/deadlines/deadlines.table';
import { openTestStore, type TestStore } from '../testing/harness';
import { subjectTimers, TimerRunner, type TimerLog } from './timers';

const at = new Date('2026-11-26T02:00:00Z');
const later = () => new Date(at.getTime() + 60_000);

/** A newer feature's timers: one kind an old instance does not know. */
type KeyLoanPayloads = { overdue: { keyNumber: string } };

describe('timer registry: a kind this instance does not know stays pending', () => {
  let store: TestStore;
  let projectId: string;
  beforeAll(async () => {
    store = await openTestStore('embedded');
    [{ id: projectId }] = await store.db.insert(projects).values({ code: 'REG', name: '登记测试' }).returning({ id: projects.id });
  });
  afterAll(() => store.drop());

  it('an old runner leaves it pending and warns once; a runner that knows it fires it exactly once, with its typed payload', async () => {
    const [row] = await store.db
      .insert(timers)
      .values({ projectId, subjectType: 'key_loan', subjectId: projectId, kind: 'overdue', fireAt: at, payload: { keyNumber: 'K-07' } })
      .returning();
    const warnings: Record<string, unknown>[] = [];
    const log: TimerLog = { warn: (obj) => warnings.push(obj) };
    const old = new TimerRunner(store.db, later, 1000, 200, () => {}, log);
    old.on('call', 'warn', async () => ({}));
    expect(await old.tick()).toBe(0);
    expect(await old.tick()).toBe(0);
    const [still] = await store.db.select().from(timers).where(eq(timers.id, row.id));
    expect(still.status).toBe('pending');
    expect(warnings).toEqual([{ runner: old.id, subject: 'key_loan', kind: 'overdue' }]);

    const seen: string[] = [];
    const keyLoanTimers = subjectTimers<KeyLoanPayloads>()('key_loan', {
      overdue: async (_tx, t) => {
        seen.push(t.payload?.keyNumber ?? '');
        return { alerted: true };
      },
    });
    const fresh = new TimerRunner(store.db, later).register(keyLoanTimers);
    expect(await fresh.tick()).toBe(1);
    expect(await fresh.tick()).toBe(0);
    expect(await old.tick()).toBe(0);
    expect(seen).toEqual(['K-07']);
    const [fired] = await store.db.select().from(timers).where(eq(timers.id, row.id));
    expect(fired.status).toBe('fired');
    expect(fired.firedBy).toBe(fresh.id);
  });

  it('a runner without handlers claims nothing', async () => {
    expect(await new TimerRunner(store.db, later).tick()).toBe(0);
  });
});
