/**
 * Candidate fixes for the call list's slow statements, applied by calls-fix-run.ts to a scratch copy:
 *   indexes  covering indexes per filter (class included, so a subtotal count is an index-only scan)
 *            and, on PostgreSQL, pg_trgm GIN indexes for the free-text search (PGlite loads no extension
 *            into the app's store, so it cannot have them);
 *   join     the subtotal count without its unconditional LEFT JOIN units (it blocks index-only scans),
 *            and units.code matched as `unit_id = ANY(ARRAY(SELECT id FROM units …))` — an IN (sub-select)
 *            inside the OR becomes a hashed sub-plan filter, which rules out a BitmapOr of the indexes;
 *   summary  subtotals of filters without q from a per-day table (project, day, district, class,
 *            status → n): at most a few thousand rows to add up, whatever the range;
 *   bounded  (changes what the page shows) the subtotals of a free-text search counted over at most
 *            1,001 matches, shown as "1000+" beyond — a common word matches tens of thousands of calls.
 */
import type { Captured } from '../lib/capture';
import type { StoreKind } from '../../src/server/db/store';

export const FIX_INDEXES = [
  'CREATE INDEX IF NOT EXISTS fix_calls_class_idx ON call_records (project_id, class, received_at)',
  'CREATE INDEX IF NOT EXISTS fix_calls_district_idx ON call_records (project_id, district_id, received_at) INCLUDE (class)',
  'CREATE INDEX IF NOT EXISTS fix_calls_status_idx ON call_records (project_id, status) INCLUDE (class)',
  'CREATE INDEX IF NOT EXISTS fix_calls_received_idx ON call_records (project_id, received_at) INCLUDE (class)',
  'CREATE INDEX IF NOT EXISTS fix_calls_unit_idx ON call_records (unit_id)',
];

export const FIX_TRGM = [
  'CREATE EXTENSION IF NOT EXISTS pg_trgm',
  'CREATE INDEX IF NOT EXISTS fix_calls_content_trgm ON call_records USING gin (content gin_trgm_ops)',
  'CREATE INDEX IF NOT EXISTS fix_calls_number_trgm ON call_records USING gin (number gin_trgm_ops)',
];

export const FIX_SUMMARY = [
  `CREATE TABLE IF NOT EXISTS fix_call_day_counts AS
     SELECT project_id, (received_at AT TIME ZONE 'Asia/Shanghai')::date AS day, district_id, class, status, count(*)::int AS n
     FROM call_records GROUP BY 1, 2, 3, 4, 5`,
  'CREATE INDEX IF NOT EXISTS fix_call_day_counts_idx ON fix_call_day_counts (project_id, day)',
];

export function fixSetup(kind: StoreKind): string[] {
  return [...FIX_INDEXES, ...(kind === 'postgres' ? FIX_TRGM : []), ...FIX_SUMMARY];
}

const JOIN = ' left join "units" on "units"."id" = "call_records"."unit_id"';

/** The count and the rows statement with units.code matched by a sub-select, and the count without the join. */
export function rewriteJoin(s: Captured): Captured {
  let text = s.text.replace(/"units"\."code" like (\$\d+)/, (_m, p: string) => `"call_records"."unit_id" = any(array(select "units"."id" from "units" where "units"."project_id" = $1 and "units"."code" like ${p}))`);
  if (/count\(\*\)/.test(s.text)) text = text.replace(JOIN, '');
  return { text, params: s.params };
}

/** The subtotal count of a list request without q, from the per-day table; null when it has q. */
export function summaryCount(path: string): Captured | null {
  const q = new URL(path, 'http://x').searchParams;
  if (q.get('q')) return null;
  const params: unknown[] = [q.get('projectId')];
  const conds = ['project_id = $1'];
  const add = (cond: (p: string) => string, v: unknown) => {
    params.push(v);
    conds.push(cond(`$${params.length}`));
  };
  if (q.get('class')) add((p) => `class = ${p}`, q.get('class'));
  if (q.get('districtId')) add((p) => `district_id = ${p}`, q.get('districtId'));
  if (q.get('status')) add((p) => `status = ${p}`, q.get('status'));
  if (q.get('open') === 'true') conds.push(`status IN ('open', 'in_progress', 'resolved')`);
  // The web sends Beijing midnights, so a range of instants is a range of local days.
  if (q.get('from')) add((p) => `day >= (${p}::timestamptz AT TIME ZONE 'Asia/Shanghai')::date`, q.get('from'));
  if (q.get('to')) add((p) => `day < (${p}::timestamptz AT TIME ZONE 'Asia/Shanghai')::date`, q.get('to'));
  return { text: `SELECT class, sum(n)::int FROM fix_call_day_counts WHERE ${conds.join(' AND ')} GROUP BY class`, params };
}

/** A search's subtotals over at most 1,001 matches (the page then says "1000+"). */
export function boundedCount(s: Captured): Captured {
  const r = rewriteJoin(s);
  if (!/count\(\*\)/.test(r.text) || !r.text.includes('like')) return r;
  const text = r.text
    .replace('select "call_records"."class", count(*)::int from', 'select t.class, count(*)::int from (select "call_records"."class" from')
    .replace(/ group by "call_records"\."class"$/, ' limit 1001) t group by t.class');
  return { text, params: r.params };
}
