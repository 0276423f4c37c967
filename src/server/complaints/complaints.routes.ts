import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { complaints, type Department } from '../../domain/complaints/complaints.table';
import { complaintPolicy, DEPARTMENT_ROLES } from '../../domain/complaints/complaints.policy';
import { complaintAnalysis, complaintAnalysisQuery, complaint, complaintDetail, complaintInput, complaintList, complaintListQuery, complaintStepBodies } from '../../domain/complaints/complaints.contract';
import { isComplaintOpen, OPEN_COMPLAINT_STATUSES } from '../../domain/complaints/complaints.status';
import { hasAny, type Actor } from '../../domain/shared/policy';
import { CS_ROLES } from '../../domain/shared/roles';
import type { Role } from '../../domain/shared/roles';
import type { SlaPolicy } from '../../domain/deadlines/sla';
import { readingOf, slaPoliciesByProject, slaPoliciesOf } from '../deadlines/sla-policies';
import { requestActor, type AppContext } from '../core/context';
import { actorOf, policyAccess } from '../plugins/access';
import { authorize } from '../core/authorize';
import { analyse, complaintsXlsx, monthOf } from './complaints.analysis';
import { eventsOfComplaint, findComplaint, unitCodeOf, type ComplaintRow } from './complaints.repository';
import { recordComplaint, stepComplaint } from './complaints.service';
import { presentComplaint, presentComplaintDetail } from './complaints.presenter';

const tags = ['complaints'];
const xlsx = { description: '投诉登记与月度分析 Excel 工作簿', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.custom<Buffer>((b) => Buffer.isBuffer(b)).meta({ type: 'string', format: 'binary' }) } } };
const idParam = z.object({ id: z.uuid({ error: '无效的编号' }) });
const SUMMARY = { judge: '判定有效或无效(有效须定级别)', sign: '部门签收', return: '部门记录处理情况并退回', inform: '告知业户处理结果' } as const;

const slaOf = (policies: readonly SlaPolicy[] | undefined, c: ComplaintRow, now: Date) => readingOf(policies, 'complaint', { dueAt: c.dueAt, class: null, level: c.level }, now, !isComplaintOpen(c.status));

/** The departments an actor handles, when he is a department head and not customer service. */
function ownDepartments(actor: Actor): Department[] | null {
  if (hasAny(actor, CS_ROLES)) return null;
  return (Object.keys(DEPARTMENT_ROLES) as Department[]).filter((d) => hasAny(actor, DEPARTMENT_ROLES[d]));
}

export async function complaintRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = policyAccess(complaintPolicy, 'read');

  r.post('/api/complaints', { config: { access: policyAccess(complaintPolicy, 'record') }, schema: { tags, summary: '登记投诉(前台登记，或由已记为投诉的来电转入)', body: complaintInput, response: { 201: complaint } } }, async (req, reply) => {
    const row = await recordComplaint(ctx, requestActor(req), req.body);
    const sla = slaOf(await slaPoliciesOf(ctx.store.db, ctx.store, row.projectId), row, ctx.now());
    return reply.status(201).send(presentComplaint(row, sla));
  });

  r.get('/api/complaints', { config: { access: read }, schema: { tags, summary: '投诉列表', querystring: complaintListQuery, response: { 200: complaintList } } }, async (req) => {
    const actor = actorOf(req);
    const projects = [...actor.projectIds].filter((p) => !req.query.projectId || p === req.query.projectId);
    if (projects.length === 0) return { items: [] };
    const conds: (SQL | undefined)[] = [inArray(complaints.projectId, projects)];
    const own = ownDepartments(actor);
    if (own) conds.push(own.length ? inArray(complaints.department, own) : sql`false`);
    if (req.query.status) conds.push(eq(complaints.status, req.query.status));
    if (req.query.open) conds.push(inArray(complaints.status, [...OPEN_COMPLAINT_STATUSES, 'returned', 'informed']));
    const rows = await ctx.store.db.select().from(complaints).where(and(...conds)).orderBy(desc(complaints.createdAt)).limit(300);
    const policies = await slaPoliciesByProject(ctx.store.db, ctx.store, rows.map((c) => c.projectId));
    const now = ctx.now();
    return { items: rows.map((c) => presentComplaint(c, slaOf(policies.get(c.projectId), c, now))) };
  });

  const analysts = { roles: ['cs_assistant', 'cs_supervisor', 'centre_manager'] as Role[] };
  r.get('/api/complaints/analysis', { config: { access: analysts }, schema: { tags, summary: '投诉月度分析：级别、部门、原因、处理时长', querystring: complaintAnalysisQuery, response: { 200: complaintAnalysis } } }, async (req) => {
    const { projectId, month } = req.query;
    return analyse(ctx.store.db, monthOf(actorOf(req), projectId, month), month);
  });

  r.get('/api/complaints/analysis.xlsx', { config: { access: analysts }, schema: { tags, summary: '投诉月度登记与分析(Excel)', querystring: complaintAnalysisQuery, response: { 200: xlsx } } }, async (req, reply) => {
    const { projectId, month } = req.query;
    const buf = await complaintsXlsx(ctx.store.db, monthOf(actorOf(req), projectId, month), month);
    return reply
      .header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`投诉月度分析-${month}.xlsx`)}`)
      .send(buf);
  });

  r.get('/api/complaints/:id', { config: { access: read }, schema: { tags, summary: '投诉详情', params: idParam, response: { 200: complaintDetail } } }, async (req) => {
    const actor = actorOf(req);
    const c = await findComplaint(ctx.store.db, req.params.id);
    authorize(complaintPolicy, actor, 'read', c?.rec);
    const sla = slaOf(await slaPoliciesOf(ctx.store.db, ctx.store, c.projectId), c, ctx.now());
    return presentComplaintDetail(actor, c, sla, await unitCodeOf(ctx.store.db, c.unitId), await eventsOfComplaint(ctx.store.db, c.id));
  });

  for (const step of Object.keys(complaintStepBodies) as (keyof typeof complaintStepBodies)[]) {
    r.post(`/api/complaints/:id/${step}`, { config: { access: policyAccess(complaintPolicy, step) }, schema: { tags, summary: `投诉：${SUMMARY[step]}`, params: idParam, body: complaintStepBodies[step], response: { 200: complaint } } }, async (req) => {
      const row = await stepComplaint(ctx, requestActor(req), (req.params as { id: string }).id, step, req.body as never);
      return presentComplaint(row, slaOf(await slaPoliciesOf(ctx.store.db, ctx.store, row.projectId), row, ctx.now()));
    });
  }
}

