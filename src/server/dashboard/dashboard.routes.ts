import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { z as zod, type z } from 'zod';
import { COMPLAINT_LEVEL_LABELS } from '../../domain/complaints/labels';
import type { ComplaintLevel } from '../../domain/complaints/complaints.table';
import { DEPARTMENT_LABELS, type Department } from '../../domain/shared/departments';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { managerHome, managerHomeQuery } from '../../domain/dashboard/dashboard.contract';
import { callRecords } from '../../domain/calls/calls.table';
import { OPEN_CALL_STATUSES, PENDING_CALL_STATUSES } from '../../domain/calls/calls.status';
import { workOrders } from '../../domain/work-orders/work-orders.table';
import { buildings, districts, households, units } from '../../domain/property/property.table';
import { helpRequests } from '../../domain/help/help.table';
import { keyLoans, propertyKeys } from '../../domain/keys/keys.table';
import { keyPolicy } from '../../domain/keys/keys.policy';
import { archiveDocuments, archiveTemplates } from '../../domain/archives/archives.table';
import { archivePolicy } from '../../domain/archives/archives.policy';
import { visitSettings } from '../../domain/visits/visits.table';
import { shareOfPercent } from '../../domain/visits/sampling';
import { can, type Actor } from '../../domain/shared/policy';
import { complaints, COMPLAINT_STATUSES } from '../../domain/complaints/complaints.table';
import { OPEN_COMPLAINT_STATUSES } from '../../domain/complaints/complaints.status';
import { visits } from '../../domain/visits/visits.table';
import { visitRates } from '../../domain/visits/sampling';
import { contactForms } from '../../domain/contact-forms/contact-forms.table';
import { localDay, localDayStart } from '../../domain/shared/business-time';
import type { Role } from '../../domain/shared/roles';
import type { AppContext } from '../core/context';
import { actorOf } from '../plugins/access';
import { notFound } from '../core/errors';
import type { SQL } from 'drizzle-orm';

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
  const compute = async (actor: Actor, query: z.infer<typeof managerHomeQuery>): Promise<z.infer<typeof managerHome>> => {
    const { projectId } = query;
    if (!actor.projectIds.has(projectId)) throw notFound(); // a project not the actor's does not exist for him (ADR 0004), as on every other route
    const db = ctx.store.db;
    const now = ctx.now();
    // CALL-4: an account manager sees his own districts; the supervisors every district. A district asked for must be in scope.
    const all = actor.roles.has('cs_supervisor') || actor.roles.has('centre_manager');
    const projectDistricts = await db.select({ id: districts.id, name: districts.name, am: districts.accountManagerId }).from(districts).where(eq(districts.projectId, projectId));
    const inScope = projectDistricts.filter((d) => all || d.am === actor.userId);
    if (query.districtId && !inScope.some((d) => d.id === query.districtId)) throw notFound();
    const scoped = query.districtId ? inScope.filter((d) => d.id === query.districtId) : inScope;
    const limited = !all || Boolean(query.districtId);
    const ids = scoped.map((d) => d.id);
    /** The district condition on a column (none for a supervisor's whole project). */
    const inDistricts = (col: SQL | typeof callRecords.districtId) => (limited ? (ids.length ? inArray(col as typeof callRecords.districtId, ids) : sql`false`) : undefined);
    // Open as the record list's `open=1` reads it (so the figure links to that list); overdue: still pending past the deadline.
    const pending = inArray(callRecords.status, [...PENDING_CALL_STATUSES]);

    // The figures below are independent: their queries are built first and run together (drizzle runs a query when it
    // is awaited, so one Promise.all sends them at once — on PostgreSQL over several pool connections).
    // Open calls by district from the per-day summary the ledger keeps exact by trigger (a few thousand rows, not the
    // records); overdue ones from the open-calls index alone (project, status, deadline, district).
    const openRowsQ = ctx.store.db.execute(sql`
      SELECT district_id AS "districtId", sum(n)::int AS n FROM call_day_counts
      WHERE project_id = ${projectId} AND n > 0 AND status IN (${sql.join(OPEN_CALL_STATUSES.map((x) => sql`${x}`), sql`, `)})
        ${limited ? (ids.length ? sql`AND district_id IN (${sql.join(ids.map((x) => sql`${x}`), sql`, `)})` : sql`AND false`) : sql``}
      GROUP BY district_id`) as unknown as Promise<{ rows: { districtId: string | null; n: number }[] }>;
    const overdueRowsQ = db
      .select({ districtId: callRecords.districtId, n: sql<number>`count(*)::int` })
      .from(callRecords)
      .where(and(eq(callRecords.projectId, projectId), pending, lt(callRecords.dueAt, now), inDistricts(callRecords.districtId)))
      .groupBy(callRecords.districtId);
    const verifyRowsQ = db
      .select({ districtId: callRecords.districtId, districtName: districts.name, n: sql<number>`count(*)::int` })
      .from(workOrders)
      .innerJoin(callRecords, eq(callRecords.id, workOrders.callId))
      .leftJoin(districts, eq(districts.id, callRecords.districtId))
      .where(and(eq(workOrders.projectId, projectId), eq(workOrders.status, 'done'), inDistricts(callRecords.districtId)))
      .groupBy(callRecords.districtId, districts.name);
    // Unfinished: every status but closed and invalid, spelled out so the (project, status) index serves it.
    const unfinished = inArray(complaints.status, COMPLAINT_STATUSES.filter((x) => x !== 'closed' && x !== 'invalid'));
    // One pass over the unfinished complaints (from the (project, status, deadline, level, department) index): the totals,
    // the levels and the departments are sums of its groups.
    const complaintGroupsQ = db
      .select({
        level: complaints.level,
        department: complaints.department,
        n: sql<number>`count(*)::int`,
        overdue: sql<number>`count(*) filter (where ${inArray(complaints.status, [...OPEN_COMPLAINT_STATUSES])} and ${complaints.dueAt} < ${now})::int`,
      })
      .from(complaints)
      .where(and(eq(complaints.projectId, projectId), unfinished))
      .groupBy(complaints.level, complaints.department);

    const monthStart = localDayStart(`${localDay(now).slice(0, 7)}-01`);
    const vtQ = db
      .select({
        due: sql<number>`count(*) filter (where ${visits.status} = 'due')::int`,
        overdue: sql<number>`count(*) filter (where ${visits.status} = 'due' and ${visits.dueAt} < ${now})::int`,
      })
      .from(visits)
      .where(and(eq(visits.projectId, projectId), eq(visits.status, 'due')));
    const vmQ = db
      .select({
        due: sql<number>`count(*)::int`,
        done: sql<number>`count(*) filter (where ${visits.status} = 'done')::int`,
        satisfied: sql<number>`count(*) filter (where ${visits.rating} in ('satisfied', 'fairly_satisfied'))::int`,
      })
      .from(visits)
      .where(and(eq(visits.projectId, projectId), gte(visits.drawnAt, monthStart), lt(visits.drawnAt, new Date(now.getTime() + 1))));
    const settingQ = db.select({ p: visitSettings.sharePercent }).from(visitSettings).where(eq(visitSettings.projectId, projectId));

    // This month's timeliness: first responses (help requests), resolutions (calls), departments' returns (complaints).
    const rate = (due: number, met: number) => ({ due, met, rate: due ? met / due : null });
    const frQ = db
      .select({
        due: sql<number>`count(*)::int`,
        met: sql<number>`count(*) filter (where ${helpRequests.firstResponseAt} <= ${helpRequests.dueAt})::int`,
      })
      .from(helpRequests)
      .leftJoin(units, eq(units.id, helpRequests.unitId))
      .leftJoin(buildings, eq(buildings.id, units.buildingId))
      .where(
        and(
          eq(helpRequests.projectId, projectId),
          gte(helpRequests.receivedAt, monthStart),
          sql`${helpRequests.dueAt} is not null`,
          sql`(${helpRequests.firstResponseAt} is not null or ${helpRequests.dueAt} < ${now})`,
          inDistricts(sql`${buildings.districtId}`),
        ),
      );
    const clQ = db
      .select({ due: sql<number>`count(*)::int`, met: sql<number>`count(*) filter (where ${callRecords.resolvedAt} <= ${callRecords.dueAt})::int` })
      .from(callRecords)
      .where(and(eq(callRecords.projectId, projectId), gte(callRecords.resolvedAt, monthStart), sql`${callRecords.dueAt} is not null`, inDistricts(callRecords.districtId)));
    const crQ = db
      .select({ due: sql<number>`count(*)::int`, met: sql<number>`count(*) filter (where ${complaints.returnedAt} <= ${complaints.dueAt})::int` })
      .from(complaints)
      .where(and(eq(complaints.projectId, projectId), gte(complaints.returnedAt, monthStart), sql`${complaints.dueAt} is not null`));

    // Keys (for the roles that read the cabinet) and the household archives of the districts in scope.
    const keysQ = (async (): Promise<{ out: number; overdue: number } | null> => {
      if (!can(keyPolicy, actor, 'read', { projectId })) return null;
      const [[ko], [kl]] = await Promise.all([
        db.select({ n: sql<number>`count(*)::int` }).from(propertyKeys).where(and(eq(propertyKeys.projectId, projectId), eq(propertyKeys.status, 'out'))),
        db
          .select({ n: sql<number>`count(*)::int` })
          .from(keyLoans)
          .where(and(eq(keyLoans.projectId, projectId), sql`${keyLoans.returnedAt} is null`, lt(keyLoans.dueAt, now))),
      ]);
      return { out: n(ko.n), overdue: n(kl.n) };
    })();
    const archivesQ = (async (): Promise<{ households: number; complete: number; rate: number | null } | null> => {
      if (!can(archivePolicy, actor, 'read', { projectId })) return null;
      const expected = sql`(select count(*) from ${archiveTemplates} where ${archiveTemplates.projectId} = ${projectId} and ${archiveTemplates.active})`;
      const got = sql`(select count(*) from ${archiveDocuments} inner join ${archiveTemplates} on ${archiveTemplates.id} = ${archiveDocuments.templateId} where ${archiveDocuments.householdId} = ${households.id} and ${archiveDocuments.status} = 'received' and ${archiveTemplates.active})`;
      const [ar] = await db
        .select({ households: sql<number>`count(*)::int`, complete: sql<number>`count(*) filter (where ${got} = ${expected})::int` })
        .from(households)
        .innerJoin(units, eq(units.id, households.unitId))
        .innerJoin(buildings, eq(buildings.id, units.buildingId))
        .where(and(eq(households.projectId, projectId), inDistricts(sql`${buildings.districtId}`)));
      return { households: n(ar.households), complete: n(ar.complete), rate: n(ar.households) ? n(ar.complete) / n(ar.households) : null };
    })();

    const cfQ = db
      .select({ open: sql<number>`count(*)::int`, overdue: sql<number>`count(*) filter (where ${contactForms.dueAt} < ${now})::int` })
      .from(contactForms)
      .where(and(eq(contactForms.projectId, projectId), inArray(contactForms.status, ['sent', 'signed'])));

    const [openRows, overdueRows, verifyRows, complaintGroups, [vt], [vm], [setting], [fr], [cl], [cr], keys, archives, [cf]] = await Promise.all([
      openRowsQ, overdueRowsQ, verifyRowsQ, complaintGroupsQ, vtQ, vmQ, settingQ, frQ, clQ, crQ, keysQ, archivesQ, cfQ,
    ]);
    const districtName = new Map(projectDistricts.map((d) => [d.id, d.name]));
    const sumBy = (key: (g: (typeof complaintGroups)[number]) => string) => {
      const m = new Map<string, number>();
      for (const g of complaintGroups) m.set(key(g), (m.get(key(g)) ?? 0) + n(g.n));
      return [...m].map(([k, count]) => ({ key: k, count }));
    };
    const byLevel = sumBy((g) => g.level ?? '');
    const byDepartment = sumBy((g) => g.department ?? '');
    const ct = { open: complaintGroups.reduce((s, g) => s + n(g.n), 0), overdue: complaintGroups.reduce((s, g) => s + n(g.overdue), 0) };
    const targetShare = setting ? shareOfPercent(setting.p) : ctx.config.repairVisitShare;
    const byDistrict = new Map<string, { districtId: string | null; districtName: string | null; open: number; overdue: number; awaitingVerification: number }>();
    const slot = (id: string | null, name: string | null) => {
      const key = id ?? '';
      if (!byDistrict.has(key)) byDistrict.set(key, { districtId: id, districtName: name, open: 0, overdue: 0, awaitingVerification: 0 });
      return byDistrict.get(key)!;
    };
    const named = (id: string | null) => (id ? (districtName.get(id) ?? null) : null);
    for (const c of openRows.rows) slot(c.districtId, named(c.districtId)).open = n(c.n);
    for (const c of overdueRows) slot(c.districtId, named(c.districtId)).overdue = n(c.n);
    for (const v of verifyRows) slot(v.districtId, v.districtName).awaitingVerification = n(v.n);
    const districtsOut = [...byDistrict.values()].sort((a, b) => (a.districtName ?? '~').localeCompare(b.districtName ?? '~', 'zh-CN'));

    return {
      projectId,
      at: now,
      scope: { all: !limited, districts: scoped.map((d) => ({ id: d.id, name: d.name })) },
      timeliness: { firstResponse: rate(n(fr.due), n(fr.met)), close: rate(n(cl.due), n(cl.met)), complaintReturn: rate(n(cr.due), n(cr.met)) },
      keys,
      archives,
      calls: {
        open: districtsOut.reduce((s, d) => s + d.open, 0),
        overdue: districtsOut.reduce((s, d) => s + d.overdue, 0),
        awaitingVerification: districtsOut.reduce((s, d) => s + d.awaitingVerification, 0),
        byDistrict: districtsOut,
      },
      complaints: { open: n(ct.open), overdue: n(ct.overdue), byLevel: byLevel.filter((g) => g.key), byDepartment },
      visits: { due: n(vt.due), overdue: n(vt.overdue), monthDue: n(vm.due), monthDone: n(vm.done), ...visitRates(n(vm.due), n(vm.done), n(vm.satisfied)), targetShare },
      contactForms: { open: n(cf.open), overdue: n(cf.overdue) },
    };
  };

  const access = { access: { roles: MANAGER_HOME_ROLES } };
  r.get('/api/dashboard/manager', { config: access, schema: { tags: ['dashboard'], summary: '管理人员首页：今日数据与待办', querystring: managerHomeQuery, response: { 200: managerHome } } }, async (req) => compute(actorOf(req), req.query));

  r.get('/api/dashboard/manager.xlsx', { config: access, schema: { tags: ['dashboard'], summary: '管理人员首页各表(Excel)', querystring: managerHomeQuery, response: { 200: xlsx } } }, async (req, reply) => {
    const h = await compute(actorOf(req), req.query);
    const buf = await managerHomeXlsx(h);
    return reply
      .header('Content-Type', XLSX_TYPE)
      .header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`管理首页-${localDay(h.at)}.xlsx`)}`)
      .send(buf);
  });
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const xlsx = { description: '管理人员首页各表 Excel 工作簿', content: { [XLSX_TYPE]: { schema: zod.custom<Buffer>((b) => Buffer.isBuffer(b)).meta({ type: 'string', format: 'binary' }) } } };
const pctCell = (v: number | null) => (v === null ? '' : `${Math.round(v * 1000) / 10}%`);

/** Every table of the home as a sheet of one workbook (the same figures as the screen). */
export async function managerHomeXlsx(h: z.infer<typeof managerHome>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = (name: string, header: string[], rows: (string | number)[][]) => {
    const ws = wb.addWorksheet(name);
    ws.columns = header.map((x) => ({ header: x, width: Math.max(10, x.length * 2 + 4) }));
    ws.getRow(1).font = { bold: true };
    for (const row of rows) ws.addRow(row);
  };
  sheet('辖区来电来访', ['辖区', '未办结', '已超时', '待验收'], [
    ...h.calls.byDistrict.map((d) => [d.districtName ?? '未分辖区', d.open, d.overdue, d.awaitingVerification]),
    ['合计', h.calls.open, h.calls.overdue, h.calls.awaitingVerification],
  ]);
  const t = h.timeliness;
  sheet('本月时限达成', ['项目', '应按时', '按时', '达成率'], [
    ['首次响应(求助)', t.firstResponse.due, t.firstResponse.met, pctCell(t.firstResponse.rate)],
    ['办结(来电来访)', t.close.due, t.close.met, pctCell(t.close.rate)],
    ['投诉部门退回', t.complaintReturn.due, t.complaintReturn.met, pctCell(t.complaintReturn.rate)],
  ]);
  sheet('投诉', ['分组', '项', '未结投诉'], [
    ...h.complaints.byLevel.map((g) => ['级别', COMPLAINT_LEVEL_LABELS[g.key as ComplaintLevel] ?? g.key, g.count]),
    ...h.complaints.byDepartment.map((g) => ['部门', DEPARTMENT_LABELS[g.key as Department] ?? g.key, g.count]),
    ['合计', '未结', h.complaints.open],
    ['合计', '已超时', h.complaints.overdue],
  ]);
  sheet('回访', ['项目', '数值'], [
    ['待回访', h.visits.due],
    ['逾期未回访', h.visits.overdue],
    ['本月应回访', h.visits.monthDue],
    ['本月已回访', h.visits.monthDone],
    ['本月回访率', pctCell(h.visits.visitRate)],
    ['抽样目标', pctCell(h.visits.targetShare)],
    ['本月满意率', pctCell(h.visits.satisfactionRate)],
  ]);
  const other: (string | number)[][] = [
    ['工作联系单未结', h.contactForms.open],
    ['工作联系单超时', h.contactForms.overdue],
  ];
  if (h.keys) other.push(['钥匙借出', h.keys.out], ['钥匙逾期未还', h.keys.overdue]);
  if (h.archives) other.push(['业户档案(户)', h.archives.households], ['档案齐全(户)', h.archives.complete], ['档案完整率', pctCell(h.archives.rate)]);
  sheet('联系单钥匙档案', ['项目', '数值'], other);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
