/**
 * Candidate fixes for the call list's remaining slow statements (the app already has an index per filter,
 * room searches without a join and subtotals from a per-day summary — migration 0003), applied by
 * calls-fix-run.ts to the scratch copy:
 *   trgm     pg_trgm GIN indexes on content and number, so a search of 3+ characters is a BitmapOr of
 *            index look-ups (PostgreSQL only: PGlite loads no extension into the app's store). A 2-character
 *            word (漏水, 电梯 — most Chinese words) yields no trigram and stays a scan.
 *   bounded  (changes what the page shows) a search's subtotals counted over at most 1,001 matches, shown
 *            as "1000+" beyond: a common word matches tens of thousands of calls, and counting them all is
 *            the cost, with or without an index.
 */
import type { Captured } from '../lib/capture';
import type { StoreKind } from '../../src/server/db/store';

export const FIX_TRGM = [
  'CREATE EXTENSION IF NOT EXISTS pg_trgm',
  'CREATE INDEX IF NOT EXISTS fix_calls_content_trgm ON call_records USING gin (content gin_trgm_ops)',
  'CREATE INDEX IF NOT EXISTS fix_calls_number_trgm ON call_records USING gin (number gin_trgm_ops)',
];

export function fixSetup(kind: StoreKind): string[] {
  return kind === 'postgres' ? FIX_TRGM : [];
}

/** Removes what fixSetup built, so the writing scenarios after it see the schema the app has. */
export function fixCleanup(hadTrgm: boolean): string[] {
  const indexes = FIX_TRGM.map((s) => /INDEX IF NOT EXISTS (\w+)/.exec(s)?.[1]).filter((x): x is string => Boolean(x));
  return [...indexes.map((i) => `DROP INDEX IF EXISTS ${i}`), ...(hadTrgm ? [] : ['DROP EXTENSION IF EXISTS pg_trgm'])];
}

const COUNT_HEAD = 'select "call_records"."class", count(*)::int from "call_records"';

/** A search's subtotals over at most 1,001 matches (the page then says "1000+"); other statements unchanged. */
export function boundedCount(s: Captured): Captured {
  if (!s.text.startsWith(COUNT_HEAD) || !/ like /.test(s.text)) return s;
  const text = s.text
    .replace(COUNT_HEAD, 'select t.class, count(*)::int from (select "call_records"."class" from "call_records"')
    .replace(/ group by "call_records"\."class"$/, ' limit 1001) t group by t.class');
  return { text, params: s.params };
}
