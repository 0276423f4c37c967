import { sql } from 'drizzle-orm';
import { rows, type Executor } from '../db/store';
import { localDay } from '../../domain/shared/business-time';

/** The company works in the business time zone: a record's number carries the local day. */
export { localDay };

export function formatNumber(prefix: string, day: string, n: number): string {
  return `${prefix}${day.replaceAll('-', '')}-${String(n).padStart(4, '0')}`;
}

/**
 * Next readable number for a kind of record in a project and day, e.g. LD20261126-0001.
 * Must run inside the transaction that creates the record: the counter row stays locked until it
 * commits, and a rollback returns the number, so numbers have neither duplicates nor gaps.
 */
export async function nextNumber(tx: Executor, projectId: string, kind: string, prefix: string, at: Date): Promise<string> {
  const day = localDay(at);
  const [r] = await rows<{ last: number }>(
    tx,
    sql`INSERT INTO number_counters (project_id, kind, day, last) VALUES (${projectId}, ${kind}, ${day}, 1)
        ON CONFLICT (project_id, kind, day) DO UPDATE SET last = number_counters.last + 1
        RETURNING last`,
  );
  return formatNumber(prefix, day, Number(r.last));
}

/**
 * The next number as part of the statement that inserts the record (ADR 0022): a `WITH` query that increments the
 * counter (`cte`, named `n`) and the value to put in the record's number column (`value`, read from `n`). The counter
 * row is locked from that statement to the commit, as with `nextNumber`, but the insert no longer needs a round trip
 * of its own after it. The same format as `formatNumber` (four digits at least, more past 9999).
 */
export function numberInStatement(tx: Executor, projectId: string, kind: string, prefix: string, at: Date) {
  const day = localDay(at);
  const cte = tx.$with('n', { last: sql<number>`last`.as('last') }).as(
    sql`INSERT INTO number_counters (project_id, kind, day, last) VALUES (${projectId}, ${kind}, ${day}, 1)
        ON CONFLICT (project_id, kind, day) DO UPDATE SET last = number_counters.last + 1
        RETURNING last`,
  );
  const head = `${prefix}${day.replaceAll('-', '')}-`;
  const value = sql<string>`(SELECT ${head} || CASE WHEN n.last < 10000 THEN lpad(n.last::text, 4, '0') ELSE n.last::text END FROM n)`;
  return { cte, value };
}
