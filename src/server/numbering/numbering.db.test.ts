import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { STORE_KINDS, openTestStore, type TestStore } from '../testing/harness';
import { nextNumber, numberInStatement } from './numbering';
import { projects } from '../../domain/property/property.table';
import { rows } from '../db/store';

describe.each(STORE_KINDS)('numbering on %s', (kind) => {
  let store: TestStore;
  let projectId: string;
  beforeAll(async () => {
    store = await openTestStore(kind);
    [{ id: projectId }] = await store.db.insert(projects).values({ code: 'N', name: '编号测试' }).returning();
    await store.exec(`CREATE TABLE numbered (no text PRIMARY KEY)`);
  });
  afterAll(() => store.drop());

  it('parallel creates get numbers with no duplicate and no gap; a rolled-back create gives its number back', async () => {
    const at = new Date('2026-11-26T03:00:00Z');
    const N = 60;
    const results = await Promise.allSettled(
      Array.from({ length: N }, (_, i) =>
        store.db.transaction(async (tx) => {
          const no = await nextNumber(tx, projectId, 'call', 'LD', at);
          await tx.execute(sql`INSERT INTO numbered (no) VALUES (${no})`);
          if (i % 7 === 3) throw new Error('creation failed after numbering');
          return no;
        }),
      ),
    );
    const committed = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(committed.length).toBe(N - results.filter((r) => r.status === 'rejected').length);
    const stored = (await rows<{ no: string }>(store.db, sql`SELECT no FROM numbered ORDER BY no`)).map((r) => r.no);
    expect(stored).toEqual([...committed].sort());
    expect(stored).toEqual(Array.from({ length: committed.length }, (_, i) => `LD20261126-${String(i + 1).padStart(4, '0')}`));
  });

  it('each project, kind and day counts on its own', async () => {
    const a = await store.db.transaction((tx) => nextNumber(tx, projectId, 'repair', 'BX', new Date('2026-11-27T03:00:00Z')));
    const b = await store.db.transaction((tx) => nextNumber(tx, projectId, 'repair', 'BX', new Date('2026-11-28T03:00:00Z')));
    expect(a).toBe('BX20261127-0001');
    expect(b).toBe('BX20261128-0001');
  });

  it('a number taken inside the inserting statement follows the same counter: gapless after nextNumber, rolled back with its statement, five digits past 9999', async () => {
    const at = new Date('2026-11-29T03:00:00Z');
    const inStatement = (fail = false) =>
      store.db.transaction(async (tx) => {
        const n = numberInStatement(tx, projectId, 'call', 'LD', at);
        const [r] = await tx.with(n.cte).select({ no: n.value }).from(n.cte);
        if (fail) throw new Error('the insert failed');
        return r.no;
      });
    expect(await store.db.transaction((tx) => nextNumber(tx, projectId, 'call', 'LD', at))).toBe('LD20261129-0001');
    expect(await inStatement()).toBe('LD20261129-0002');
    await expect(inStatement(true)).rejects.toThrow('the insert failed');
    expect(await inStatement()).toBe('LD20261129-0003');
    await store.db.execute(sql`UPDATE number_counters SET last = 9998 WHERE project_id = ${projectId} AND kind = 'call' AND day = '2026-11-29'`);
    expect(await inStatement()).toBe('LD20261129-9999');
    expect(await inStatement()).toBe('LD20261129-10000');
  });
});
