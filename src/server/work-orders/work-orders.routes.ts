import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { queryBoolean } from '../../domain/shared/text';
import { BODY_LIMITS } from '../body-limits';
import { and, eq, inArray } from 'drizzle-orm';
import { workOrderPolicy, type WorkOrderRec } from '../../domain/work-orders/work-orders.policy';
import { workOrders, WORK_ORDER_STATUSES } from '../../domain/work-orders/work-orders.table';
import { abilities, hasAny, type Actor } from '../../domain/shared/policy';
import { maskName, maskPhone } from '../../domain/shared/mask';
import { CS_ROLES } from '../../domain/users/roles';
import { requestActor, type AppContext } from '../context';
import { actorOf, policyAccess } from '../plugins/access';
import { authorize } from '../authorize';
import { findWorkOrder, eventsOfWorkOrder, listWorkOrders, ownWorkOrdersCondition } from './work-orders.repository';
import { chaseWorkOrder, requestCall, stepWorkOrder } from './work-orders.service';
import { findCall } from '../calls/calls.repository';
import { OPEN_WORK_ORDER_STATUSES } from '../../domain/work-orders/work-orders.status';
import { attachmentUrl } from '../attachments/attachments';

const idParam = z.object({ id: z.uuid({ error: '无效的编号' }) });
const tags = ['work-orders'];
const version = z.number().int().positive();
const photo = z.string().max(2_000_000).regex(/^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+=*$/, '照片格式不正确');
const bodies = {
  accept: z.object({ version }).strict(),
  arrive: z.object({ version }).strict(),
  complete: z.object({ version, result: z.string().trim().min(2, '请填写维修结果').max(1000), materials: z.string().trim().max(500).optional(), photos: z.array(photo).max(6).optional() }).strict(),
  verify: z.object({ version }).strict(),
  reject: z.object({ version, reason: z.string().trim().min(2, '请说明原因').max(500) }).strict(),
  reassign: z.object({ version, assigneeId: z.uuid({ error: '请选择维修人员' }) }).strict(),
  cancel: z.object({ version, reason: z.string().trim().min(2, '请说明原因').max(500) }).strict(),
} as const;
const SUMMARY = { accept: '接单', arrive: '到场', complete: '完工(结果、材料、照片)', verify: '验收', reject: '验收不通过', reassign: '改派', cancel: '取消' } as const;

/** What a doer sees of the household: masked (ARC-12); the front desk calls on their behalf (ARC-11). */
function present(actor: Actor, row: Awaited<ReturnType<typeof listWorkOrders>>[number], rec: WorkOrderRec | null) {
  const cs = hasAny(actor, CS_ROLES);
  return {
    ...row.wo,
    photoIds: undefined,
    callNumber: row.callNumber,
    content: row.content,
    urgency: row.urgency,
    unitCode: row.unitCode,
    callerName: cs ? row.callerName : maskName(row.callerName),
    callerPhone: maskPhone(row.callerPhone),
    assigneeName: row.assigneeName,
    vendorName: row.vendorName,
    abilities: rec ? abilities(workOrderPolicy, actor, rec) : undefined,
  };
}

export async function workOrderRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = policyAccess(workOrderPolicy, 'read');

  r.get('/api/work-orders', { config: { access: read }, schema: { tags, summary: '报修单列表(我的任务或项目全部)', querystring: z.object({ projectId: z.uuid().optional(), mine: queryBoolean.optional(), status: z.enum(WORK_ORDER_STATUSES).optional(), open: queryBoolean.optional() }) } }, async (req) => {
    const actor = actorOf(req);
    const q = req.query;
    const conds = [];
    const csOrLead = hasAny(actor, [...CS_ROLES, 'eng_lead']);
    if (q.mine || !csOrLead) conds.push(await ownWorkOrdersCondition(ctx.store.db, actor.userId));
    const projects = [...actor.projectIds].filter((p) => !q.projectId || p === q.projectId);
    conds.push(projects.length ? inArray(workOrders.projectId, projects) : eq(workOrders.id, '00000000-0000-0000-0000-000000000000'));
    if (q.status) conds.push(eq(workOrders.status, q.status));
    if (q.open) conds.push(inArray(workOrders.status, [...OPEN_WORK_ORDER_STATUSES]));
    const rows = await listWorkOrders(ctx.store.db, and(...conds), 200);
    return { items: rows.map((row) => present(actor, row, null)) };
  });

  r.get('/api/work-orders/:id', { config: { access: read }, schema: { tags, summary: '报修单详情', params: idParam } }, async (req) => {
    const actor = actorOf(req);
    const wo = await findWorkOrder(ctx.store.db, req.params.id);
    authorize(workOrderPolicy, actor, 'read', wo?.rec);
    const [row] = await listWorkOrders(ctx.store.db, eq(workOrders.id, req.params.id), 1);
    const call = await findCall(ctx.store.db, row.wo.callId);
    return { ...present(actor, row, wo!.rec), photos: (row.wo.photoIds ?? []).map(attachmentUrl), classReason: call?.classReason, events: await eventsOfWorkOrder(ctx.store.db, req.params.id) };
  });

  for (const event of Object.keys(bodies) as (keyof typeof bodies)[]) {
    const action = event === 'verify' || event === 'reject' ? 'verify' : event === 'reassign' || event === 'cancel' ? 'reassign' : 'act';
    r.post(`/api/work-orders/:id/${event}`, { config: { access: policyAccess(workOrderPolicy, action) }, bodyLimit: event === 'complete' ? BODY_LIMITS.photos : undefined, schema: { tags, summary: `报修单：${SUMMARY[event]}`, params: idParam, body: bodies[event] } }, async (req) =>
      stepWorkOrder(ctx, requestActor(req), (req.params as { id: string }).id, event, req.body as never),
    );
  }

  r.post('/api/work-orders/:id/call-request', { config: { access: policyAccess(workOrderPolicy, 'requestCall') }, schema: { tags, summary: '请前台代拨业户电话(ARC-11)', params: idParam, body: z.object({ note: z.string().trim().min(2, '请说明需要联系业户的事由').max(300) }).strict() } }, async (req) =>
    requestCall(ctx, requestActor(req), req.params.id, req.body.note),
  );

  r.post('/api/work-orders/:id/chase', { config: { access: policyAccess(workOrderPolicy, 'chase') }, schema: { tags, summary: '催办', params: idParam, body: z.object({ note: z.string().trim().max(500).optional() }).strict() } }, async (req) =>
    chaseWorkOrder(ctx, requestActor(req), req.params.id, req.body.note),
  );
}
