import { and, asc, desc, eq, gte, inArray, isNotNull, like, lt, not, or, sql, type SQL } from 'drizzle-orm';
import { callRecords, serviceCategories, CALL_CLASSES, type CallClass } from '../../domain/calls/calls.table';
import { OPEN_CALL_STATUSES, PENDING_CALL_STATUSES } from '../../domain/calls/calls.status';
import { BUSINESS_TIME_ZONE, isLocalMidnight as isMidnight, localDay } from '../../domain/shared/business-time';
import { buildings, districts, units } from '../../domain/property/property.table';
import type { CallListQuery } from '../../domain/calls/calls.contract';
import type { Executor } from '../db/store';
import { escapeLike } from '../db/like';
import { phoneTailGram, queryGrams } from './search-grams';

export type ClassCounts = Record<CallClass, number> & { total: number; capped?: boolean };

/** How many matches of a free-text search the subtotals count at most. */
export const SEARCH_COUNT_CAP = 1000;
export const emptyCounts = (): ClassCounts => ({ ...(Object.fromEntries(CALL_CLASSES.map((c) => [c, 0])) as Record<CallClass, number>), total: 0 });

/** The record's unit is one of the project's units whose code starts so (an index look-up, no join needed). */
const unitCodeLike = (projectId: string, pattern: string) =>
  sql`${callRecords.unitId} = ANY(ARRAY(SELECT ${units.id} FROM ${units} WHERE ${units.projectId} = ${projectId} AND ${units.code} LIKE ${pattern}))`;

/** The record's search grams (migration 0009's expression index) hold all of these. */
const gramsContain = (grams: string[]) =>
  sql`call_search_grams(${callRecords.number}, ${callRecords.content}, ${callRecords.callerName}, ${callRecords.callerPhone}) @> ARRAY[${sql.join(
    grams.map((g) => sql`${g}`),
    sql`, `,
  )}]::text[]`;

type ListFilter = Partial<CallListQuery> & { projectId: string; now?: Date };

/** Every filter but the free text. `now`: the instant "overdue" is read at (the request's clock). */
function filterConditions(q: ListFilter): SQL[] {
  const conds: SQL[] = [eq(callRecords.projectId, q.projectId)];
  if (q.status) conds.push(eq(callRecords.status, q.status));
  if (q.open) conds.push(inArray(callRecords.status, [...OPEN_CALL_STATUSES]));
  if (q.overdue) conds.push(inArray(callRecords.status, [...PENDING_CALL_STATUSES]), lt(callRecords.dueAt, q.now ?? new Date()));
  if (q.class) conds.push(eq(callRecords.class, q.class));
  if (q.districtId) conds.push(eq(callRecords.districtId, q.districtId));
  if (q.householdId) conds.push(eq(callRecords.householdId, q.householdId));
  if (q.from) conds.push(gte(callRecords.receivedAt, new Date(q.from)));
  if (q.to) conds.push(lt(callRecords.receivedAt, new Date(q.to)));
  return conds;
}

/**
 * What a free-text search matches (CALL-10's search), as branches that never both hold for one record: the
 * number or 事由 contains the string or the caller's name starts with it (through the gram index, ADR 0019,
 * the LIKEs being the exact check); else the room code starts with it; else, for 4–11 digits, the caller's
 * number ends with them (the gram of its last four, then LIKE).
 */
function searchBranches(projectId: string, text: string): SQL[] {
  const s = `%${escapeLike(text)}%`;
  const words = text.trim();
  const matchesText = or(like(callRecords.number, s), like(callRecords.content, s), like(callRecords.callerName, `${escapeLike(words)}%`))!;
  const grams = queryGrams(words);
  const unit = unitCodeLike(projectId, `${escapeLike(words)}%`);
  const out: SQL[] = [grams.length ? and(gramsContain(grams), matchesText)! : matchesText, and(unit, not(matchesText))!];
  if (/^\d{4,11}$/.test(words))
    out.push(and(gramsContain([phoneTailGram(words)]), like(callRecords.callerPhone, `%${words}`), not(matchesText), sql`NOT coalesce(${unit}, false)`)!);
  return out;
}

/**
 * The list's conditions. A search is asked as `id IN (one indexed query per branch)`, so each branch reads
 * its own index and the gram function is never evaluated row by row (it would be, beside the other
 * branches, in one OR); `plainSearch` asks it as LIKEs on the rows instead — the better plan when a search
 * matches many records and the newest page is found walking back in time (see `list`).
 */
export function listConditions(q: ListFilter, opts: { plainSearch?: boolean } = {}): SQL {
  const conds = filterConditions(q);
  if (q.q) {
    const branches = searchBranches(q.projectId, q.q);
    if (opts.plainSearch) {
      const s = `%${escapeLike(q.q)}%`;
      const words = q.q.trim();
      const any: SQL[] = [like(callRecords.number, s), like(callRecords.content, s), unitCodeLike(q.projectId, `${escapeLike(words)}%`), like(callRecords.callerName, `${escapeLike(words)}%`)];
      if (/^\d{4,11}$/.test(words)) any.push(like(callRecords.callerPhone, `%${words}`));
      conds.push(or(...any)!);
    } else {
      const inner = (b: SQL) => sql`SELECT ${callRecords.id} FROM ${callRecords} WHERE ${eq(callRecords.projectId, q.projectId)} AND ${b}`;
      conds.push(sql`${callRecords.id} IN (${sql.join(branches.map(inner), sql` UNION ALL `)})`);
    }
  }
  return and(...conds)!;
}

/**
 * The row's room code and recorder's name as scalar subqueries rather than joins: the list statement then
 * reads one table, which PostgreSQL plans in a fraction of the time of the three-table join (planning was
 * most of its cost: the rows themselves take tens of microseconds). The recorder always exists
 * (call_records.recorded_by is NOT NULL and references users), so this answers exactly what the inner join did.
 * Written with aliases and qualified names by hand: in a one-table select drizzle renders its columns
 * unqualified, and an unqualified "id" inside a subquery would be the subquery's own table's.
 */
export const ledgerColumns = {
  id: callRecords.id,
  number: callRecords.number,
  receivedAt: callRecords.receivedAt,
  channel: callRecords.channel,
  unitCode: sql<string | null>`(SELECT u.code FROM units u WHERE u.id = call_records.unit_id)`,
  callerName: callRecords.callerName,
  content: callRecords.content,
  class: callRecords.class,
  status: callRecords.status,
  progress: callRecords.progress,
  recordedByName: sql<string>`(SELECT r.display_name FROM users r WHERE r.id = call_records.recorded_by)`,
  closeNumber: callRecords.closeNumber,
  dueAt: callRecords.dueAt,
  urgency: callRecords.urgency,
  districtId: callRecords.districtId,
  version: callRecords.version,
};

/** 待验收: a work order of the record is finished and waits for the desk's verification (CALL list). */
const awaitingVerification = sql<boolean>`EXISTS (SELECT 1 FROM work_orders w WHERE w.call_id = call_records.id AND w.status = 'done')`;

/**
 * A page of records in one statement. `awaiting`: also whether each has a finished work order waiting for
 * verification (the record list shows it; asked in the same statement, not a second round trip); without
 * it the column is a constant false the ledger and the board do not present.
 */
export async function listCalls(ex: Executor, where: SQL, order: 'received' | 'ledger' | 'due', limit: number, offset: number, now: Date, opts: { awaiting?: boolean } = {}) {
  const base = ex
    .select({ ...ledgerColumns, awaitingVerification: opts.awaiting ? awaitingVerification : sql<boolean>`false` })
    .from(callRecords)
    .where(where);
  const ordered =
    order === 'due'
      ? base.orderBy(sql`coalesce(${callRecords.dueAt} < ${now.toISOString()}::timestamptz, false) desc`, sql`${callRecords.dueAt} asc nulls last`, asc(callRecords.receivedAt))
      : order === 'ledger'
        ? base.orderBy(asc(callRecords.receivedAt), asc(callRecords.number))
        : base.orderBy(desc(callRecords.receivedAt), desc(callRecords.number));
  return ordered.limit(limit).offset(offset);
}

/** Local midnight (business zone): a range bounded by such instants is a range of whole local days. */
const isLocalMidnight = (iso: string) => isMidnight(new Date(iso));
const localDate = (iso: string) => localDay(new Date(iso));

type CountFilter = ListFilter;

/**
 * Subtotals by class (CALL-10). Filters the per-day summary can answer (no free text, no household, whole
 * days) add up at most a few thousand rows of `call_day_counts`, kept exact by a trigger; the rest count the
 * records themselves, joining units only for a search by room.
 */
export async function countByClass(ex: Executor, q: CountFilter): Promise<ClassCounts> {
  const c = emptyCounts();
  let rows: { cls: CallClass; n: number }[];
  const summarizable = !q.q && !q.householdId && !q.overdue && (!q.from || isLocalMidnight(q.from)) && (!q.to || isLocalMidnight(q.to));
  if (summarizable) {
    const conds: SQL[] = [sql`project_id = ${q.projectId}`];
    if (q.class) conds.push(sql`class = ${q.class}`);
    if (q.districtId) conds.push(sql`district_id = ${q.districtId}`);
    if (q.status) conds.push(sql`status = ${q.status}`);
    if (q.open) conds.push(sql`status IN (${sql.join(OPEN_CALL_STATUSES.map((s) => sql`${s}`), sql`, `)})`);
    if (q.from) conds.push(sql`day >= ${localDate(q.from)}::date`);
    if (q.to) conds.push(sql`day < ${localDate(q.to)}::date`);
    const res = (await ex.execute(sql`SELECT class AS cls, sum(n)::int AS n FROM call_day_counts WHERE ${sql.join(conds, sql` AND `)} GROUP BY class`)) as unknown as {
      rows: { cls: CallClass; n: number }[];
    };
    rows = res.rows;
  } else if (q.q) {
    // A free-text search can match a large share of a million records: its subtotals count at most the
    // first SEARCH_COUNT_CAP matches and say so (`capped`), so one common word cannot stall the desk.
    // The branches never both hold for a record: added up without de-duplicating, each read through its own
    // index and stopped at the cap.
    const base = and(...filterConditions(q))!;
    const branches = searchBranches(q.projectId, q.q).map((b) => sql`SELECT ${callRecords.class} AS cls FROM ${callRecords} WHERE ${base} AND ${b}`);
    const res = (await ex.execute(
      sql`SELECT cls, count(*)::int AS n FROM ((${sql.join(branches, sql`) UNION ALL (`)}) LIMIT ${SEARCH_COUNT_CAP + 1}) m GROUP BY cls`,
    )) as unknown as { rows: { cls: CallClass; n: number }[] };
    rows = res.rows;
  } else {
    rows = await ex.select({ cls: callRecords.class, n: sql<number>`count(*)::int` }).from(callRecords).where(listConditions(q)).groupBy(callRecords.class);
  }
  for (const r of rows) {
    c[r.cls] = Number(r.n);
    c.total += Number(r.n);
  }
  if (q.q && c.total > SEARCH_COUNT_CAP) c.capped = true;
  return c;
}

const PERIOD = { day: 'day', week: 'week', month: 'month' } as const;

/** Counts by period (Beijing calendar), class, district and status for the statistics page. */
export async function stats(ex: Executor, where: SQL, groupBy: keyof typeof PERIOD) {
  const period = sql.raw(`'${PERIOD[groupBy]}'`);
  const bucket = sql<string>`to_char(date_trunc(${period}, ${callRecords.receivedAt} AT TIME ZONE ${sql.raw(`'${BUSINESS_TIME_ZONE}'`)}), 'YYYY-MM-DD')`;
  const byPeriod = await ex
    .select({ period: bucket, cls: callRecords.class, n: sql<number>`count(*)::int` })
    .from(callRecords)
    .where(where)
    .groupBy(bucket, callRecords.class)
    .orderBy(bucket);
  const byDistrict = await ex
    .select({ districtId: callRecords.districtId, district: districts.name, cls: callRecords.class, n: sql<number>`count(*)::int` })
    .from(callRecords)
    .leftJoin(districts, eq(districts.id, callRecords.districtId))
    .where(where)
    .groupBy(callRecords.districtId, districts.name, callRecords.class);
  const byStatus = await ex
    .select({ status: callRecords.status, n: sql<number>`count(*)::int` })
    .from(callRecords)
    .where(where)
    .groupBy(callRecords.status);
  return { byPeriod, byDistrict, byStatus };
}

/** What households raised together (CALL-7): GT items grouped by category and building. */
export async function gtSummary(ex: Executor, projectId: string, from: Date, to: Date) {
  return ex
    .select({
      category: sql<string>`coalesce(${serviceCategories.label}, '未分类')`,
      building: sql<string>`coalesce(${buildings.name}, '公共区域')`,
      count: sql<number>`count(*)::int`,
      open: sql<number>`count(*) FILTER (WHERE ${inArray(callRecords.status, [...OPEN_CALL_STATUSES])})::int`,
      numbers: sql<string[]>`array_agg(${callRecords.number} ORDER BY ${callRecords.receivedAt})`,
    })
    .from(callRecords)
    .leftJoin(serviceCategories, eq(serviceCategories.id, callRecords.categoryId))
    .leftJoin(units, eq(units.id, callRecords.unitId))
    .leftJoin(buildings, eq(buildings.id, units.buildingId))
    .where(and(eq(callRecords.projectId, projectId), eq(callRecords.class, 'GT'), gte(callRecords.receivedAt, from), lt(callRecords.receivedAt, to)))
    .groupBy(serviceCategories.label, buildings.name)
    .orderBy(desc(sql`count(*)`));
}

export { isNotNull };
