import { and, asc, desc, eq, gte, inArray, isNotNull, like, lt, or, sql, type SQL } from 'drizzle-orm';
import { callRecords, serviceCategories, CALL_CLASSES, type CallClass } from '../../domain/calls/calls.table';
import { OPEN_CALL_STATUSES, PENDING_CALL_STATUSES } from '../../domain/calls/calls.status';
import { BUSINESS_TIME_ZONE, isLocalMidnight as isMidnight, localDay } from '../../domain/shared/business-time';
import { buildings, districts, units } from '../../domain/property/property.table';
import { users } from '../../domain/users/users.table';
import type { CallListQuery } from '../../domain/calls/calls.contract';
import type { Executor } from '../db/store';
import { escapeLike } from '../db/like';

export type ClassCounts = Record<CallClass, number> & { total: number; capped?: boolean };

/** How many matches of a free-text search the subtotals count at most. */
export const SEARCH_COUNT_CAP = 1000;
export const emptyCounts = (): ClassCounts => ({ ...(Object.fromEntries(CALL_CLASSES.map((c) => [c, 0])) as Record<CallClass, number>), total: 0 });

/** The record's unit is one of the project's units whose code starts so (an index look-up, no join needed). */
const unitCodeLike = (projectId: string, pattern: string) =>
  sql`${callRecords.unitId} = ANY(ARRAY(SELECT ${units.id} FROM ${units} WHERE ${units.projectId} = ${projectId} AND ${units.code} LIKE ${pattern}))`;

/** `now`: the instant "overdue" is read at (the request's clock). */
export function listConditions(q: Partial<CallListQuery> & { projectId: string; now?: Date }): SQL {
  const conds: SQL[] = [eq(callRecords.projectId, q.projectId)];
  if (q.status) conds.push(eq(callRecords.status, q.status));
  if (q.open) conds.push(inArray(callRecords.status, [...OPEN_CALL_STATUSES]));
  if (q.overdue) conds.push(inArray(callRecords.status, [...PENDING_CALL_STATUSES]), lt(callRecords.dueAt, q.now ?? new Date()));
  if (q.class) conds.push(eq(callRecords.class, q.class));
  if (q.districtId) conds.push(eq(callRecords.districtId, q.districtId));
  if (q.householdId) conds.push(eq(callRecords.householdId, q.householdId));
  if (q.from) conds.push(gte(callRecords.receivedAt, new Date(q.from)));
  if (q.to) conds.push(lt(callRecords.receivedAt, new Date(q.to)));
  if (q.q) {
    const s = `%${escapeLike(q.q)}%`;
    const words = q.q.trim();
    const any: SQL[] = [like(callRecords.number, s), like(callRecords.content, s), unitCodeLike(q.projectId, `${escapeLike(words)}%`), like(callRecords.callerName, `${escapeLike(words)}%`)];
    // Digits: the end of the caller's number (a clerk asks "the last four?").
    if (/^\d{4,11}$/.test(words)) any.push(like(callRecords.callerPhone, `%${words}`));
    conds.push(or(...any)!);
  }
  return and(...conds)!;
}

export const ledgerColumns = {
  id: callRecords.id,
  number: callRecords.number,
  receivedAt: callRecords.receivedAt,
  channel: callRecords.channel,
  unitCode: units.code,
  callerName: callRecords.callerName,
  content: callRecords.content,
  class: callRecords.class,
  status: callRecords.status,
  progress: callRecords.progress,
  recordedByName: users.displayName,
  closeNumber: callRecords.closeNumber,
  dueAt: callRecords.dueAt,
  urgency: callRecords.urgency,
  districtId: callRecords.districtId,
  version: callRecords.version,
};

export async function listCalls(ex: Executor, where: SQL, order: 'received' | 'ledger' | 'due', limit: number, offset: number, now: Date) {
  const base = ex.select(ledgerColumns).from(callRecords).leftJoin(units, eq(units.id, callRecords.unitId)).innerJoin(users, eq(users.id, callRecords.recordedBy)).where(where);
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

type CountFilter = Partial<CallListQuery> & { projectId: string; now?: Date };

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
    const matches = ex.select({ cls: callRecords.class }).from(callRecords).where(listConditions(q)).limit(SEARCH_COUNT_CAP + 1).as('m');
    rows = await ex.select({ cls: matches.cls, n: sql<number>`count(*)::int` }).from(matches).groupBy(matches.cls);
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
