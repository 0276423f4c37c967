import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { z as zod } from 'zod';
import { and, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { visits, visitSettings, VISIT_SUBJECTS } from '../../domain/visits/visits.table';
import { visitPolicy, visitSettingsPolicy } from '../../domain/visits/visits.policy';
import { visit, visitList, visitListQuery, visitMonthly, visitMonthlyQuery, visitRecordInput, visitSettings as visitSettingsSchema, visitSettingsInput, visitSettingsQuery, visitStats, visitStatsQuery } from '../../domain/visits/visits.contract';
import { visitRates } from '../../domain/visits/sampling';
import { VISIT_SUBJECT_LABELS } from '../../domain/visits/labels';
import { BUSINESS_TIME_ZONE } from '../../domain/shared/business-time';
import { users } from '../../domain/users/users.table';
import { abilities, can, type Actor } from '../../domain/shared/policy';
import { maskPhone } from '../../domain/shared/mask';
import { localDayStart } from '../../domain/shared/business-time';
import { BODY_LIMITS } from '../core/body-limits';
import { requestActor, type AppContext } from '../core/context';
import { actorOf, policyAccess } from '../plugins/access';
import { authorize } from '../core/authorize';
import { badRequest, notFound } from '../core/errors';
import { attachmentUrl, type AttachmentReader } from '../attachments/attachments';
import { findVisit, recordVisit, setVisitShare, visitShareOf, type VisitRow } from './visits.service';
import type { Executor } from '../db/store';

const tags = ['visits'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const xlsx = { description: '回访月度统计 Excel 工作簿', content: { [XLSX_TYPE]: { schema: zod.custom<Buffer>((b) => Buffer.isBuffer(b)).meta({ type: 'string', format: 'binary' }) } } };
const pctCell = (v: number | null) => (v === null ? '' : `${Math.round(v * 1000) / 10}%`);

/** The months from..to (YYYY-MM), inclusive; at most 36. */
function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  while ((y < ty || (y === ty && m <= tm)) && out.length < 36) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}
const nextMonth = (mo: string) => monthsBetween(mo, '9999-12')[1];

/** VISIT-5 per month and kind: due (drawn in the month), done, satisfied, the rates and the target. */
async function monthly(ex: Executor, projectId: string, from: string, to: string, share: number) {
  const months = monthsBetween(from, to);
  const start = localDayStart(`${from}-01`);
  const end = localDayStart(`${nextMonth(to)}-01`);
  const bucket = sql<string>`to_char(${visits.drawnAt} AT TIME ZONE ${sql.raw(`'${BUSINESS_TIME_ZONE}'`)}, 'YYYY-MM')`;
  const rows = await ex
    .select({
      month: bucket,
      kind: visits.subjectKind,
      due: sql<number>`count(*)::int`,
      done: sql<number>`count(*) filter (where ${visits.status} = 'done')::int`,
      satisfied: sql<number>`count(*) filter (where ${visits.rating} in ('satisfied', 'fairly_satisfied'))::int`,
    })
    .from(visits)
    .where(and(eq(visits.projectId, projectId), gte(visits.drawnAt, start), lt(visits.drawnAt, end)))
    .groupBy(sql`1`, visits.subjectKind);
  return months.flatMap((mo) =>
    VISIT_SUBJECTS.map((k) => {
      const x = rows.find((r) => r.month === mo && r.kind === k);
      const [due, done, satisfied] = [Number(x?.due ?? 0), Number(x?.done ?? 0), Number(x?.satisfied ?? 0)];
      return { month: mo, subjectKind: k, due, done, satisfied, ...visitRates(due, done, satisfied), target: k === 'complaint' ? 1 : share };
    }),
  );
}
const idParam = zod.object({ id: zod.uuid({ error: '无效的编号' }) });

/** A visit as the work list shows it (field by field; the phone masked). */
export function presentVisit(actor: Actor, v: VisitRow, visitorName: string | null, now: Date): z.infer<typeof visit> {
  return {
    id: v.id,
    projectId: v.projectId,
    subjectKind: v.subjectKind,
    subjectId: v.subjectId,
    subjectNumber: v.subjectNumber,
    summary: v.summary,
    householdId: v.householdId,
    contactName: v.contactName,
    contactPhone: maskPhone(v.contactPhone),
    status: v.status,
    drawnAt: v.drawnAt,
    dueAt: v.dueAt,
    rating: v.rating,
    comments: v.comments,
    method: v.method,
    doneAt: v.doneAt,
    version: v.version,
    visitorName,
    overdue: v.status === 'due' && now >= v.dueAt,
    signatureUrl: v.signatureId ? attachmentUrl(v.signatureId) : null,
    abilities: abilities(visitPolicy, actor, { projectId: v.projectId, status: v.status, version: v.version }),
  };
}

/** A visit's signature is readable by whoever may read the visit. */
export const readVisitAttachment: AttachmentReader = async (ex, actor, ownerId) => {
  authorize(visitPolicy, actor, 'read', (await findVisit(ex, ownerId))?.rec);
};

export async function visitRoutes(app: FastifyInstance, ctx: AppContext, settings: { repairShare: number }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = policyAccess(visitPolicy, 'read');

  r.get('/api/visits', { config: { access: read }, schema: { tags, summary: '回访工作清单', querystring: visitListQuery, response: { 200: visitList } } }, async (req) => {
    const actor = actorOf(req);
    const projects = [...actor.projectIds].filter((p) => !req.query.projectId || p === req.query.projectId);
    if (projects.length === 0) return { items: [] };
    const conds = [inArray(visits.projectId, projects)];
    if (req.query.status) conds.push(eq(visits.status, req.query.status));
    if (req.query.subjectKind) conds.push(eq(visits.subjectKind, req.query.subjectKind));
    const rows = await ctx.store.db
      .select({ v: visits, visitorName: users.displayName })
      .from(visits)
      .leftJoin(users, eq(users.id, visits.visitorId))
      .where(and(...conds))
      .orderBy(sql`${visits.status} = 'done'`, visits.dueAt, desc(visits.drawnAt))
      .limit(300);
    const now = ctx.now();
    return { items: rows.map((x) => presentVisit(actor, x.v, x.visitorName, now)) };
  });

  r.get('/api/visits/stats', { config: { access: read }, schema: { tags, summary: '回访统计：应回访、已回访、回访率与满意率', querystring: visitStatsQuery, response: { 200: visitStats } } }, async (req) => {
    const actor = actorOf(req);
    const { projectId, from, to } = req.query;
    if (!actor.projectIds.has(projectId)) throw notFound(); // a project not the actor's does not exist for him (ADR 0004), as on every other route
    if (from > to) throw badRequest([{ path: 'querystring.to', message: '结束日期不能早于开始日期' }]);
    const start = localDayStart(from);
    const end = new Date(localDayStart(to).getTime() + 86_400_000);
    const share = await visitShareOf(ctx.store.db, projectId, settings.repairShare);
    const rows = await ctx.store.db
      .select({
        kind: visits.subjectKind,
        due: sql<number>`count(*)::int`,
        done: sql<number>`count(*) filter (where ${visits.status} = 'done')::int`,
        satisfied: sql<number>`count(*) filter (where ${visits.rating} in ('satisfied', 'fairly_satisfied'))::int`,
      })
      .from(visits)
      .where(and(eq(visits.projectId, projectId), gte(visits.drawnAt, start), lt(visits.drawnAt, end)))
      .groupBy(visits.subjectKind);
    return {
      from,
      to,
      kinds: VISIT_SUBJECTS.map((k) => {
        const x = rows.find((row) => row.kind === k) ?? { due: 0, done: 0, satisfied: 0 };
        const due = Number(x.due);
        const done = Number(x.done);
        const satisfied = Number(x.satisfied);
        return { subjectKind: k, due, done, satisfied, ...visitRates(due, done, satisfied), target: k === 'complaint' ? 1 : share };
      }),
    };
  });

  const monthlyQuery = (actor: Actor, q: { projectId: string; from: string; to: string }) => {
    if (!actor.projectIds.has(q.projectId)) throw notFound(); // ADR 0004
    if (q.from > q.to) throw badRequest([{ path: 'querystring.to', message: '结束月份不能早于开始月份' }]);
    const span = (s: string) => Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7));
    if (span(q.to) - span(q.from) >= 36) throw badRequest([{ path: 'querystring.from', message: '最多统计 36 个月' }]);
  };

  r.get('/api/visits/stats/monthly', { config: { access: read }, schema: { tags, summary: '回访月度统计：应回访、已回访、回访率(对照目标)与满意率', querystring: visitMonthlyQuery, response: { 200: visitMonthly } } }, async (req) => {
    monthlyQuery(actorOf(req), req.query);
    const { projectId, from, to } = req.query;
    return { from, to, rows: await monthly(ctx.store.db, projectId, from, to, await visitShareOf(ctx.store.db, projectId, settings.repairShare)) };
  });

  r.get('/api/visits/stats/monthly.xlsx', { config: { access: read }, schema: { tags, summary: '回访月度统计(Excel)', querystring: visitMonthlyQuery, response: { 200: xlsx } } }, async (req, reply) => {
    monthlyQuery(actorOf(req), req.query);
    const { projectId, from, to } = req.query;
    const rows = await monthly(ctx.store.db, projectId, from, to, await visitShareOf(ctx.store.db, projectId, settings.repairShare));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('回访月度统计');
    ws.columns = [
      { header: '月份', width: 10 },
      { header: '回访对象', width: 10 },
      { header: '应回访', width: 8 },
      { header: '已回访', width: 8 },
      { header: '回访率', width: 8 },
      { header: '目标', width: 8 },
      { header: '满意(含较满意)', width: 14 },
      { header: '满意率', width: 8 },
    ];
    ws.getRow(1).font = { bold: true };
    for (const x of rows) ws.addRow([x.month, VISIT_SUBJECT_LABELS[x.subjectKind], x.due, x.done, pctCell(x.visitRate), pctCell(x.target), x.satisfied, pctCell(x.satisfactionRate)]);
    return reply
      .header('Content-Type', XLSX_TYPE)
      .header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`回访月度统计-${from}至${to}.xlsx`)}`)
      .send(Buffer.from(await wb.xlsx.writeBuffer()));
  });

  const presentSettings = async (actor: Actor, projectId: string) => {
    const [row] = await ctx.store.db
      .select({ s: visitSettings, name: users.displayName })
      .from(visitSettings)
      .leftJoin(users, eq(users.id, visitSettings.updatedBy))
      .where(eq(visitSettings.projectId, projectId));
    return {
      projectId,
      sharePercent: row ? row.s.sharePercent : Math.round(settings.repairShare * 100),
      isDefault: !row,
      version: row?.s.version ?? 0,
      updatedAt: row?.s.updatedAt ?? null,
      updatedByName: row?.name ?? null,
      canEdit: can(visitSettingsPolicy, actor, 'edit', { projectId }),
    };
  };

  r.get('/api/visits/settings', { config: { access: policyAccess(visitSettingsPolicy, 'read') }, schema: { tags, summary: '回访抽样比例(本项目)', querystring: visitSettingsQuery, response: { 200: visitSettingsSchema } } }, async (req) => {
    const actor = actorOf(req);
    authorize(visitSettingsPolicy, actor, 'read', { projectId: req.query.projectId });
    return presentSettings(actor, req.query.projectId);
  });

  r.patch('/api/visits/settings', { config: { access: policyAccess(visitSettingsPolicy, 'edit') }, schema: { tags, summary: '设置回访抽样比例(0%–100%)', body: visitSettingsInput, response: { 200: visitSettingsSchema } } }, async (req) => {
    const ra = requestActor(req);
    await setVisitShare(ctx, ra, req.body);
    return presentSettings(ra.actor, req.body.projectId);
  });

  r.post('/api/visits/:id/record', { config: { access: policyAccess(visitPolicy, 'record') }, bodyLimit: BODY_LIMITS.photos, schema: { tags, summary: '记录回访结果(评价、意见、方式、签名)', params: idParam, body: visitRecordInput, response: { 200: visit } } }, async (req) => {
    const ra = requestActor(req);
    const row = await recordVisit(ctx, ra, req.params.id, req.body);
    return presentVisit(ra.actor, row, ra.actor.displayName, ctx.now());
  });
}
