import { getTableColumns, getTableName, sql, type Column } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { localDay } from '../../domain/shared/business-time';
import type { Executor } from '../db/store';

/** Writing a generated past in bulk, in the shapes the services write: record numbers per day, many rows a statement. */

/** Numbers per (kind, local day), as nextNumber hands them out; the counters are written at the end. */
export class Numbers {
  private last = new Map<string, number>();
  private taken: string[] = [];
  /** Starts a record: numbers taken from here on can be given back. */
  begin() {
    this.taken = [];
  }
  /** Gives back the numbers of a record that was not kept. */
  undo() {
    for (const key of this.taken) this.last.set(key, this.last.get(key)! - 1);
    this.taken = [];
  }
  next(kind: string, prefix: string, at: Date): string {
    const day = localDay(at);
    const key = `${kind}|${day}`;
    const n = (this.last.get(key) ?? 0) + 1;
    this.last.set(key, n);
    this.taken.push(key);
    return `${prefix}${day.replaceAll('-', '')}-${String(n).padStart(4, '0')}`;
  }
  rows(projectId: string) {
    return [...this.last].map(([key, last]) => {
      const [kind, day] = key.split('|');
      return { projectId, kind, day, last };
    });
  }
}

/**
 * Many rows in one statement: the rows travel as one JSON parameter that the database unpacks into the table's
 * row type (json_populate_recordset), far faster on the embedded store than a statement with a parameter per
 * value. Keys are the table's property names; every row of a call has the same keys (an absent one is NULL).
 */
export async function insertAll(tx: Executor, table: PgTable, values: object[], size = 2000) {
  if (values.length === 0) return;
  const columns = getTableColumns(table) as Record<string, Column>;
  const keys = Object.keys(columns).filter((k) => values.some((v) => (v as Record<string, unknown>)[k] !== undefined));
  const name = getTableName(table);
  const list = sql.join(keys.map((k) => sql.identifier(columns[k].name)), sql`, `);
  const encode = (v: unknown) => (v instanceof Date ? v.toISOString() : Buffer.isBuffer(v) ? `\\x${v.toString('hex')}` : v);
  for (let i = 0; i < values.length; i += size) {
    const chunk = values.slice(i, i + size).map((v) => Object.fromEntries(keys.map((k) => [columns[k].name, encode((v as Record<string, unknown>)[k]) ?? null])));
    await tx.execute(sql`INSERT INTO ${sql.identifier(name)} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${sql.identifier(name)}, ${JSON.stringify(chunk)}::json)`);
  }
}
