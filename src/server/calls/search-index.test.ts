import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestStore, STORE_KINDS, type TestStore } from '../testing/harness';
import { rows } from '../db/store';
import { projects } from '../../domain/property/property.table';
import { users } from '../../domain/users/users.table';
import { callRecords } from '../../domain/calls/calls.table';
import { countByClass, listConditions, SEARCH_COUNT_CAP } from './ledger.repository';
import { queryGrams } from './search-grams';

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ (t + t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Few characters, so substrings repeat across records; an astral character, LIKE's wildcards and spaces included.
const ALPHABET = Array.from('漏水电梯噪音热器楼上装修欧阳娜ab12-0L%_ 𠮷');
const DIGITS = '0123456789';

interface Rec {
  id?: string;
  number: string;
  content: string;
  callerName: string;
  callerPhone: string | null;
}

/** The search as LIKE reads it (the conditions before the index): number or 事由 contains the string, the caller's name starts with it trimmed, a caller's number ends with 4–11 digits. */
function oracle(r: Rec, q: string): boolean {
  const words = q.trim();
  return r.number.includes(q) || r.content.includes(q) || r.callerName.startsWith(words) || (/^\d{4,11}$/.test(words) && (r.callerPhone ?? '').endsWith(words));
}

describe.each(STORE_KINDS)('the call search index on %s', (kind) => {
  let store: TestStore;
  let projectId: string;
  const recs: Rec[] = [];
  const rand = random(20261130);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const str = (min: number, max: number, from: readonly string[] = ALPHABET) => Array.from({ length: min + Math.floor(rand() * (max - min + 1)) }, () => pick(from)).join('');

  beforeAll(async () => {
    store = await openTestStore(kind);
    const [p] = await store.db.insert(projects).values({ code: 'SRCH', name: '检索项目' }).returning();
    projectId = p.id;
    const [u] = await store.db.insert(users).values({ username: 'srch', displayName: '检索', passwordHash: 'x' }).returning();
    for (let i = 0; i < 300; i++) {
      recs.push({
        number: `LD2026${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}-${String(i + 1).padStart(4, '0')}`,
        content: str(1, 16),
        callerName: str(1, 4),
        callerPhone: rand() < 0.8 ? `1${str(10, 10, Array.from(DIGITS))}` : null,
      });
    }
    const inserted = await store.db
      .insert(callRecords)
      .values(recs.map((r, i) => ({ ...r, projectId, receivedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000), channel: 'phone' as const, class: 'normal' as const, proposedClass: 'normal' as const, classReason: 'x', recordedBy: u.id })))
      .returning({ id: callRecords.id });
    inserted.forEach((r, i) => (recs[i].id = r.id));
    // Writes after the insert keep the index too: some 事由 and callers change.
    for (let i = 0; i < 300; i += 7) {
      recs[i].content = str(1, 16);
      recs[i].callerName = str(1, 4);
      await store.db.execute(sql`UPDATE call_records SET content = ${recs[i].content}, caller_name = ${recs[i].callerName} WHERE id = ${recs[i].id}`);
    }
    await store.exec('ANALYZE call_records');
  });
  afterAll(() => store.drop());

  /** The ids the list's search finds, with sequential and plain index scans off so the gram index answers (the table is small). */
  const search = (q: string, plainSearch = false) =>
    store.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL enable_seqscan = off`);
      await tx.execute(sql`SET LOCAL enable_indexscan = off`);
      const found = await tx.select({ id: callRecords.id }).from(callRecords).where(listConditions({ projectId, q }, { plainSearch }));
      return found.map((r) => r.id).sort();
    });

  const queries = (): string[] => {
    const out: string[] = [];
    for (let i = 0; i < 120; i++) {
      const r = pick(recs);
      const text = pick([r.content, r.number, r.callerName, r.content]);
      const cps = Array.from(text);
      const at = Math.floor(rand() * cps.length);
      out.push(cps.slice(at, at + 1 + Math.floor(rand() * 5)).join('')); // a substring that exists
      out.push(str(1, 4)); // a random string, mostly found nowhere
    }
    for (let i = 0; i < 30; i++) {
      const phone = pick(recs.filter((r) => r.callerPhone)).callerPhone!;
      out.push(phone.slice(-(4 + Math.floor(rand() * 8)))); // a phone tail, 4–11 digits
      out.push(phone.slice(2, 6)); // digits from the middle
    }
    out.push(' 漏水', '漏水 ', 'LD2026', '-00', '0001', '%', '_', '𠮷', '𠮷漏');
    return out.filter((q) => q.length > 0);
  };

  it('finds exactly what LIKE finds, for substrings, random strings, phone tails and record numbers', async () => {
    let found = 0;
    for (const q of queries()) {
      const want = recs.filter((r) => oracle(r, q)).map((r) => r.id!).sort();
      expect(await search(q), `q=${JSON.stringify(q)}`).toEqual(want);
      expect(await search(q, true), `plain q=${JSON.stringify(q)}`).toEqual(want);
      // The class subtotals of a search count the same records (up to the cap), each once.
      expect((await countByClass(store.db, { projectId, q })).total, `count q=${JSON.stringify(q)}`).toBe(Math.min(want.length, SEARCH_COUNT_CAP + 1));
      found += want.length;
    }
    expect(found).toBeGreaterThan(300); // the queries are not all misses
  });

  it('a search that matches nothing finds nothing, also when every one of its characters is indexed', async () => {
    expect(await search('漏水漏水漏水漏水漏水')).toEqual(recs.filter((r) => oracle(r, '漏水漏水漏水漏水漏水')).map((r) => r.id!));
    expect(await search('☎1234')).toEqual([]);
  });

  it('the search is answered from the gram index', async () => {
    const plan = await store.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL enable_seqscan = off`);
      await tx.execute(sql`SET LOCAL enable_indexscan = off`);
      const q = tx.select({ id: callRecords.id }).from(callRecords).where(listConditions({ projectId, q: '漏水' })).toSQL();
      // (the plan, not the rows: the small table's statistics would otherwise pick a scan of the project's index)
      const text = q.sql.replace(/\$(\d+)/g, (_, n) => {
        const v = q.params[Number(n) - 1];
        return `'${String(v).replace(/'/g, "''")}'`;
      });
      return rows<{ 'QUERY PLAN': string }>(tx, sql.raw(`EXPLAIN ${text}`));
    });
    expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toContain('call_records_search_grams_idx');
  });

  it('query grams: one character is itself; pairs of Chinese, 4-runs of digits and letters', () => {
    expect(queryGrams('漏')).toEqual(['漏']);
    expect(queryGrams('漏水')).toEqual(['漏水']);
    expect(queryGrams('LD20261126')).toEqual(['LD20', 'D202', '2026', '0261', '2611', '6112', '1126']);
    expect(queryGrams('12')).toEqual(['12']);
    expect(queryGrams('')).toEqual([]);
  });
});
