import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { queryBoolean } from '../../domain/shared/text';
import { BODY_LIMITS } from '../core/body-limits';
import { and, eq, inArray } from 'drizzle-orm';
import { workOrderPolicy } from '../../domain/work-orders/work-orders.policy';
import { workOrders } from '../../domain/work-orders/work-orders.table';
import { callOutcomeInput, callRequestInput, callRequestResult, callRequestView, stepBodies, teamList, teamQuery, workOrder, workOrderChaseInput, workOrderDetail, workOrderList, workOrderListQuery } from '../../domain/work-orders/work-orders.contract';
import { hasAny } from '../../domain/shared/policy';
import { CS_ROLES } from '../../domain/shared/roles';
import { requestActor, type AppContext } from '../core/context';
import { actorOf, policyAccess } from '../plugins/access';
import { authorize } from '../core/authorize';
import { callBriefOf, findWorkOrder, eventsOfWorkOrder, listWorkOrders, ownWorkOrdersCondition, teamOf } from './work-orders.repository';
import { notFound } from '../core/errors';
import { chaseWorkOrder, recordCallOutcome, requestCall, stepWorkOrder } from './work-orders.service';
import { isWorkOrderDone, OPEN_WORK_ORDER_STATUSES } from '../../domain/work-orders/work-orders.status';
import { presentWorkOrder, presentWorkOrderDetail, presentWorkOrderItem, type WorkOrderListRow } from './work-orders.presenter';
import type { SlaPolicy } from '../../domain/deadlines/sla';
import { readingOf, slaPoliciesByProject, slaPoliciesOf } from '../deadlines/sla-policies';

const idParam = z.object({ id: z.uuid({ error: '无效的编号' }) });
const tags = ['work-orders'];
const SUMMARY = { accept: '接单', arrive: '到场', complete: '完工(结果、材料、照片)', verify: '验收', reject: '验收不通过', reassign: '改派', cancel: '取消' } as const;

/** A work order's SLA reading by its project's policies (the work order's own deadline, its call's urgency). */
const slaOf = (policies: readonly SlaPolicy[] | undefined, row: WorkOrderListRow, now: Date) =>
  readingOf(policies, 'work_order', { dueAt: row.wo.dueAt, class: row.wo.kind, level: row.urgency }, now, isWorkOrderDone(row.wo.status));

export async function workOrderRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = policyAccess(workOrderPolicy, 'read');

  r.get('/api/work-orders', { config: { access: read }, schema: { tags, summary: '报修单列表(我的任务或项目全部)', querystring: workOrderListQuery, response: { 200: workOrderList } } }, async (req) => {
    const actor = actorOf(req);
    const q = req.query;
    const conds = [];
    const csOrLead = hasAny(actor, [...CS_ROLES, 'eng_lead']);
    if (q.mine || !csOrLead) conds.push(await ownWorkOrdersCondition(ctx.store.db, actor.userId));
    const projects = [...actor.projectIds].filter((p) => !q.projectId || p === q.projectId);
    conds.push(projects.length ? inArray(workOrders.projectId, projects) : eq(workOrders.id, '00000000-0000-0000-0000-000000000000'));
    if (q.status) conds.push(eq(workOrders.status, q.status));
    if (q.open) conds.push(inArray(workOrders.status, [...OPEN_WORK_ORDER_STATUSES]));
    if (q.kind) conds.push(eq(workOrders.kind, q.kind));
    const rows = await listWorkOrders(ctx.store.db, and(...conds), 200);
    const policies = await slaPoliciesByProject(ctx.store.db, ctx.store, rows.map((row) => row.wo.projectId));
    const now = ctx.now();
    return { items: rows.map((row) => presentWorkOrderItem(actor, row, slaOf(policies.get(row.wo.projectId), row, now))) };
  });

  // The lead's first screen: his team (the project's technicians and leads) and how many open jobs each holds.
  r.get('/api/work-orders/team', { config: { access: policyAccess(workOrderPolicy, 'reassign') }, schema: { tags, summary: '工程班组及各人未完成工单数(谁有空)', querystring: teamQuery, response: { 200: teamList } } }, async (req) => {
    const actor = actorOf(req);
    if (!actor.projectIds.has(req.query.projectId)) throw notFound();
    return { items: await teamOf(ctx.store.db, req.query.projectId) };
  });

  r.get('/api/work-orders/:id', { config: { access: read }, schema: { tags, summary: '报修单详情', params: idParam, response: { 200: workOrderDetail } } }, async (req) => {
    const actor = actorOf(req);
    const wo = await findWorkOrder(ctx.store.db, req.params.id);
    authorize(workOrderPolicy, actor, 'read', wo?.rec);
    const [row] = await listWorkOrders(ctx.store.db, eq(workOrders.id, req.params.id), 1);
    const call = await callBriefOf(ctx.store.db, row.wo.callId);
    const sla = slaOf(await slaPoliciesOf(ctx.store.db, ctx.store, row.wo.projectId), row, ctx.now());
    return presentWorkOrderDetail(actor, row, wo!.rec, sla, call?.classReason ?? null, await eventsOfWorkOrder(ctx.store.db, req.params.id));
  });

  for (const event of Object.keys(stepBodies) as (keyof typeof stepBodies)[]) {
    const action = event === 'verify' || event === 'reject' ? 'verify' : event === 'reassign' || event === 'cancel' ? 'reassign' : 'act';
    r.post(`/api/work-orders/:id/${event}`, { config: { access: policyAccess(workOrderPolicy, action) }, bodyLimit: event === 'complete' ? BODY_LIMITS.photos : undefined, schema: { tags, summary: `报修单：${SUMMARY[event]}`, params: idParam, body: stepBodies[event], response: { 200: workOrder } } }, async (req) =>
      presentWorkOrder(await stepWorkOrder(ctx, requestActor(req), (req.params as { id: string }).id, event, req.body as never)),
    );
  }

  r.post('/api/work-orders/:id/call-request', { config: { access: policyAccess(workOrderPolicy, 'requestCall') }, schema: { tags, summary: '请前台代拨业户电话(ARC-11)', params: idParam, body: callRequestInput, response: { 200: callRequestResult } } }, async (req) =>
    requestCall(ctx, requestActor(req), req.params.id, req.body.note),
  );

  r.post('/api/work-orders/:id/call-outcome', { config: { access: policyAccess(workOrderPolicy, 'recordCall') }, schema: { tags, summary: '前台记录代拨结果(ARC-11)', params: idParam, body: callOutcomeInput, response: { 200: z.object({ items: z.array(callRequestView) }) } } }, async (req) => ({
    items: await recordCallOutcome(ctx, requestActor(req), req.params.id, req.body),
  }));

  r.post('/api/work-orders/:id/chase', { config: { access: policyAccess(workOrderPolicy, 'chase') }, schema: { tags, summary: '催办', params: idParam, body: workOrderChaseInput, response: { 200: workOrder } } }, async (req) =>
    presentWorkOrder(await chaseWorkOrder(ctx, requestActor(req), req.params.id, req.body.note)),
  );
}
