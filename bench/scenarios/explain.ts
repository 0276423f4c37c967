/**
 * Why is a search slow? Captures the SQL that searchHouseholds (src/server/property/property.repository.ts)
 * really sends for each kind of query, and runs it under EXPLAIN (ANALYZE, BUFFERS) on the bench store.
 */
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { union } from 'drizzle-orm/pg-core';
import { households, persons, units } from '../../src/domain/property/property.table';
import * as schema from '../../src/server/db/schema';
import type { Db, Store } from '../../src/server/db/store';
import { searchHouseholds } from '../../src/server/property/property.repository';
import { QUERY_KINDS, sampleQueries, structure, type QueryKind } from '../data/estate';
import { median, round } from '../lib/stats';

type Raw = (text: string, params: unknown[]) => Promise<Record<string, unknown>[]>;
interface Captured {
  query: string;
  params: unknown[];
}

/** A drizzle instance over the store's own client that records every statement it sends. */
async function capturing(store: Store): Promise<{ db: Db; raw: Raw; log: Captured[] }> {
  const log: Captured[] = [];
  const logger = { logQuery: (query: string, params: unknown[]) => void log.push({ query, params }) };
  const client = (store.db as unknown as { $client: PGlite | pg.Pool }).$client;
  if (store.kind === 'embedded') {
    const lite = client as PGlite;
    const { drizzle } = await import('drizzle-orm/pglite');
    const db = drizzle({ client: lite, schema, logger }) as unknown as Db;
    return { db, log, raw: async (text, params) => (await lite.query<Record<string, unknown>>(text, params)).rows };
  }
  const pool = client as pg.Pool;
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const db = drizzle({ client: pool, schema, logger }) as unknown as Db;
  return { db, log, raw: async (text, params) => (await pool.query<Record<string, unknown>>(text, params)).rows };
}

/**
 * The candidate fix for the 4-digit search, for comparison: the room match and the phone-tail match as
 * two index-driven id lists joined by UNION, instead of an OR across the join that forces full scans.
 */
function candidateLast4OrRoom(db: Db, projectIds: string[], s: string) {
  const ids = union(
    db.select({ id: households.id }).from(households).innerJoin(units, eq(units.id, households.unitId)).where(and(inArray(units.projectId, projectIds), eq(units.room, s))),
    db.select({ id: persons.householdId }).from(persons).where(and(inArray(persons.projectId, projectIds), eq(persons.phoneLast4, s))),
  );
  return db
    .select({ id: households.id, projectId: households.projectId, unitId: households.unitId, unitCode: units.code, movedInAt: households.movedInAt, note: households.note, version: households.version })
    .from(households)
    .innerJoin(units, eq(units.id, households.unitId))
    .where(and(inArray(households.projectId, projectIds), inArray(households.id, ids)))
    .orderBy(asc(units.code))
    .limit(30);
}

const planText = (rows: Record<string, unknown>[]) => rows.map((r) => String(r['QUERY PLAN'])).join('\n');
const execMs = (plan: string) => Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN);

export interface KindTiming {
  kind: QueryKind | 'tail4 (UNION rewrite)';
  medianMs: number;
  maxMs: number;
}

export interface ExplainReport {
  markdown: string;
  timings: KindTiming[];
}

/** EXPLAIN ANALYZE of every sampled query (timings), with the full plan of the slowest one of each kind. */
export async function explainSearch(store: Store, heading: string, households: number): Promise<ExplainReport> {
  const { db, raw, log } = await capturing(store);
  const projectId = structure().projectId;
  const queries = sampleQueries(households, 25);
  const stats = await raw(`SELECT relname, n_live_tup, last_analyze, last_autoanalyze FROM pg_stat_user_tables WHERE relname IN ('units','households','persons') ORDER BY relname`, []);
  const analyzed = await raw(`SELECT tablename, count(*)::int AS columns_with_stats FROM pg_stats WHERE tablename IN ('units','households','persons') GROUP BY tablename ORDER BY tablename`, []);
  const md: string[] = [`## ${heading}`, '', `planner statistics: ${JSON.stringify(analyzed)}; tables: ${JSON.stringify(stats)}`, ''];
  const timings: KindTiming[] = [];
  const kinds: KindTiming['kind'][] = [...QUERY_KINDS, 'tail4 (UNION rewrite)'];
  for (const kind of kinds) {
    const plans: { q: string; plan: string; ms: number; sqlText: string }[] = [];
    const rewrite = kind === 'tail4 (UNION rewrite)';
    for (const { q } of queries.filter((x) => x.kind === (rewrite ? 'tail4' : kind))) {
      log.length = 0;
      await (rewrite ? candidateLast4OrRoom(db, [projectId], q) : searchHouseholds(db, [projectId], q, 30));
      const { query, params } = log[0];
      const plan = planText(await raw(`EXPLAIN (ANALYZE, BUFFERS) ${query}`, params));
      plans.push({ q, plan, ms: execMs(plan), sqlText: `${query}\n-- params: ${JSON.stringify(params)}` });
    }
    const ms = plans.map((p) => p.ms);
    const worst = plans.reduce((a, b) => (b.ms > a.ms ? b : a));
    timings.push({ kind, medianMs: round(median(ms)), maxMs: round(Math.max(...ms)) });
    md.push(
      `### ${kind}: ${plans.length} queries, execution median ${round(median(ms))} ms, max ${round(worst.ms)} ms`,
      '',
      `slowest: q = \`${worst.q}\``,
      '',
      '```sql',
      worst.sqlText,
      '```',
      '',
      '```',
      worst.plan,
      '```',
      '',
    );
  }
  return { markdown: md.join('\n'), timings };
}
