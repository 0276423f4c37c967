import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { managerHome, managerHomeQuery } from '../../domain/dashboard/dashboard.contract';
import { callRecords } from '../../domain/calls/calls.table';
import { OPEN_CALL_STATUSES, PENDING_CALL_STATUSES } from '../../domain/calls/calls.status';
import { workOrders } from '../../domain/work-orders/work-orders.table';
import { districts } from '../../domain/property/property.table';
import { complaints } from '../../domain/complaints/complaints.table';
import { OPEN_COMPLAINT_STATUSES } from '../../domain/complaints/complaints.status';
import { visits } from '../../domain/visits/visits.table';
import { visitRates } from '../../domain/visits/sampling';
import { contactForms } from '../../domain/contact-forms/contact-forms.table';
import { localDay, localDayStart } from '../../domain/shared/business-time';
import type { Role } from '../../domain/shared/roles';
import type { AppContext } from '../context';
import { actorOf } from '../plugins/access';
import { notFound } from '../errors';

/** Who gets the managers' home: the account managers, the customer-service supervisor, the centre manager. */
export const MANAGER_HOME_ROLES: readonly Role[] = ['account_manager', 'cs_supervisor', 'centre_manager'];

const n = (v: unknown) => Number(v ?? 0);

/**
 * The managers' first screen (issue 12, point 4): open, overdue and waiting-for-verification calls by district,
 * complaints by level and department, return visits due and this month's rates, contact forms open and overdue.
 * Each figure is a count over the same conditions the lists behind it use.
 */
export async function dashboardRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/dashboard/manager', { config: { access: { roles: MANAGER_HOME_ROLES } }, schema: { tags: ['dashboard'], summary: '管理人员首页：今日数据与待办', querystring: managerHomeQuery, response: { 200: managerHome } } }, async (req) => {
    const actor = actorOf(req);
    const { projectId } = req.query;
    if (!actor.projectIds.has(projectId)) throw notFound(); // a project not the actor's does not exist for him (ADR 0004), as on every other route
    const db = ctx.store.db;
    const now = ctx.now();
    // Open as the record list's `open=1` reads it (so the figure links to that list); overdue: still pending past the deadline.
    const open = inArray(callRecords.status, [...OPEN_CALL_STATUSES]);
    const pending = inArray(callRecords.status, [...PENDING_CALL_STATUSES]);

    const callRows = await db
      .select({
        districtId: callRecords.districtId,
        districtName: districts.name,
        open: sql<number>`count(*)::int`,
        overdue: sql<number>`count(*) filter (where ${pending} and ${callRecords.dueAt} < ${now})::int`,
      })
      .from(callRecords)
      .leftJoin(districts, eq(districts.id, callRecords.districtId))
      .where(and(eq(callRecords.projectId, projectId), open))
      .groupBy(callRecords.districtId, districts.name);
    const verifyRows = await db
      .select({ districtId: callRecords.districtId, districtName: districts.name, n: sql<number>`count(*)::int` })
      .from(workOrders)
      .innerJoin(callRecords, eq(callRecords.id, workOrders.callId))
      .leftJoin(districts, eq(districts.id, callRecords.districtId))
      .where(and(eq(workOrders.projectId, projectId), eq(workOrders.status, 'done')))
      .groupBy(callRecords.districtId, districts.name);
    const byDistrict = new Map<string, { districtId: string | null; districtName: string | null; open: number; overdue: number; awaitingVerification: number }>();
    const slot = (id: string | null, name: string | null) => {
      const key = id ?? '';
      if (!byDistrict.has(key)) byDistrict.set(key, { districtId: id, districtName: name, open: 0, overdue: 0, awaitingVerification: 0 });
      return byDistrict.get(key)!;
    };
    for (const c of callRows) Object.assign(slot(c.districtId, c.districtName), { open: n(c.open), overdue: n(c.overdue) });
    for (const v of verifyRows) slot(v.districtId, v.districtName).awaitingVerification = n(v.n);
    const districtsOut = [...byDistrict.values()].sort((a, b) => (a.districtName ?? '~').localeCompare(b.districtName ?? '~', 'zh-CN'));

    const unfinished = sql`${complaints.status} not in ('closed', 'invalid')`;
    const [ct] = await db
      .select({
        open: sql<number>`count(*)::int`,
        overdue: sql<number>`count(*) filter (where ${inArray(complaints.status, [...OPEN_COMPLAINT_STATUSES])} and ${complaints.dueAt} < ${now})::int`,
      })
      .from(complaints)
      .where(and(eq(complaints.projectId, projectId), unfinished));
    const group = async (col: typeof complaints.level | typeof complaints.department) =>
      (await db.select({ key: sql<string>`coalesce(${col}, '')`, count: sql<number>`count(*)::int` }).from(complaints).where(and(eq(complaints.projectId, projectId), unfinished)).groupBy(col)).map((g) => ({ key: g.key, count: n(g.count) }));

    const monthStart = localDayStart(`${localDay(now).slice(0, 7)}-01`);
    const [vt] = await db
      .select({
        due: sql<number>`count(*) filter (where ${visits.status} = 'due')::int`,
        overdue: sql<number>`count(*) filter (where ${visits.status} = 'due' and ${visits.dueAt} < ${now})::int`,
      })
      .from(visits)
      .where(eq(visits.projectId, projectId));
    const [vm] = await db
      .select({
        due: sql<number>`count(*)::int`,
        done: sql<number>`count(*) filter (where ${visits.status} = 'done')::int`,
        satisfied: sql<number>`count(*) filter (where ${visits.rating} in ('satisfied', 'fairly_satisfied'))::int`,
      })
      .from(visits)
      .where(and(eq(visits.projectId, projectId), gte(visits.drawnAt, monthStart), lt(visits.drawnAt, new Date(now.getTime() + 1))));
    const [cf] = await db
      .select({ open: sql<number>`count(*)::int`, overdue: sql<number>`count(*) filter (where ${contactForms.dueAt} < ${now})::int` })
      .from(contactForms)
      .where(and(eq(contactForms.projectId, projectId), inArray(contactForms.status, ['sent', 'signed'])));

    return {
      projectId,
      at: now,
      calls: {
        open: districtsOut.reduce((s, d) => s + d.open, 0),
        overdue: districtsOut.reduce((s, d) => s + d.overdue, 0),
        awaitingVerification: districtsOut.reduce((s, d) => s + d.awaitingVerification, 0),
        byDistrict: districtsOut,
      },
      complaints: { open: n(ct.open), overdue: n(ct.overdue), byLevel: (await group(complaints.level)).filter((g) => g.key), byDepartment: await group(complaints.department) },
      visits: { due: n(vt.due), overdue: n(vt.overdue), monthDue: n(vm.due), monthDone: n(vm.done), ...visitRates(n(vm.due), n(vm.done), n(vm.satisfied)) },
      contactForms: { open: n(cf.open), overdue: n(cf.overdue) },
    };
  });
}
