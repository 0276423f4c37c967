import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { keyPolicy } from '../../domain/keys/keys.policy';
import { can } from '../../domain/shared/policy';
import {
  approverList,
  handoverCreate,
  handoverView,
  keyCreate,
  keyHolders,
  keyList,
  keyListQuery,
  keyPatch,
  keyView,
  loanCreate,
  loanList,
  loanListQuery,
  loanReturn,
  loanView,
} from '../../domain/keys/keys.contract';
import { requestActor, type AppContext } from '../core/context';
import { policyAccess } from '../plugins/access';
import { BODY_LIMITS } from '../core/body-limits';
import * as svc from './keys.service';

const idParam = z.object({ id: z.uuid({ error: '无效的编号' }) });
const projectQuery = z.object({ projectId: z.uuid({ error: '无效的编号' }) });
const tags = ['keys'];
const acc = (a: 'read' | 'manage' | 'lend' | 'handover' | 'purge') => ({ access: policyAccess(keyPolicy, a) });

export async function keyRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/keys', { config: acc('read'), schema: { tags, summary: '钥匙清单', querystring: keyListQuery, response: { 200: keyList } } }, async (req) => ({
    items: await svc.listKeys(ctx, requestActor(req), req.query),
    canCreate: can(keyPolicy, requestActor(req).actor, 'manage', { projectId: req.query.projectId }),
  }));
  r.post('/api/keys', { config: acc('manage'), schema: { tags, summary: '登记钥匙', body: keyCreate, response: { 201: keyView } } }, async (req, reply) =>
    reply.status(201).send(await svc.createKey(ctx, requestActor(req), req.body)),
  );
  r.get('/api/keys/:id', { config: acc('read'), schema: { tags, summary: '钥匙详情', params: idParam, response: { 200: keyView } } }, async (req) => svc.getKey(ctx, requestActor(req), req.params.id));
  r.patch('/api/keys/:id', { config: acc('manage'), schema: { tags, summary: '修改钥匙(数量、存放位置)', params: idParam, body: keyPatch, response: { 200: keyView } } }, async (req) =>
    svc.updateKey(ctx, requestActor(req), req.params.id, req.body),
  );
  r.get('/api/keys/:id/owners', { config: acc('read'), schema: { tags, summary: '可领取该房屋钥匙的业主(姓名按权限遮蔽)', params: idParam, response: { 200: keyHolders } } }, async (req) => ({
    items: await svc.holders(ctx, requestActor(req), req.params.id),
  }));
  r.get('/api/key-approvers', { config: acc('read'), schema: { tags, summary: '可审批钥匙出借的人员', querystring: projectQuery, response: { 200: approverList } } }, async (req) => ({
    items: await svc.approvers(ctx, requestActor(req), req.query.projectId),
  }));
  r.post('/api/keys/:id/loans', { config: acc('lend'), bodyLimit: BODY_LIMITS.signature, schema: { tags, summary: '出借钥匙(借用人签字)', params: idParam, body: loanCreate, response: { 201: loanView } } }, async (req, reply) =>
    reply.status(201).send(await svc.lend(ctx, requestActor(req), req.params.id, req.body)),
  );
  r.get('/api/key-loans', { config: acc('read'), schema: { tags, summary: '钥匙出借记录', querystring: loanListQuery, response: { 200: loanList } } }, async (req) => ({
    items: await svc.listLoans(ctx, requestActor(req), req.query),
  }));
  r.post('/api/key-loans/:id/return', { config: acc('lend'), schema: { tags, summary: '归还钥匙', params: idParam, body: loanReturn, response: { 200: loanView } } }, async (req) =>
    svc.giveBack(ctx, requestActor(req), req.params.id, req.body),
  );
  r.delete('/api/key-loans/:id', { config: acc('purge'), schema: { tags, summary: '删除保存期满的出借记录', params: idParam, response: { 204: z.null() } } }, async (req, reply) => {
    await svc.removeLoan(ctx, requestActor(req), req.params.id);
    return reply.status(204).send(null);
  });
  r.post('/api/keys/:id/handover', { config: acc('handover'), bodyLimit: BODY_LIMITS.signature, schema: { tags, summary: '二次装修时向业主移交房屋钥匙(业主签字)', params: idParam, body: handoverCreate, response: { 201: handoverView } } }, async (req, reply) =>
    reply.status(201).send(await svc.handover(ctx, requestActor(req), req.params.id, req.body)),
  );
  r.get('/api/keys/:id/handovers', { config: acc('read'), schema: { tags, summary: '钥匙移交记录', params: idParam, response: { 200: z.object({ items: z.array(handoverView) }) } } }, async (req) => ({
    items: await svc.handovers(ctx, requestActor(req), req.params.id),
  }));
}
