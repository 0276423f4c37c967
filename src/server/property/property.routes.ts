import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerPolicy } from '../../domain/property/property.policy';
import {
  householdDetail,
  householdList,
  householdPatch,
  personInput,
  personPatch,
  personView,
  projectTree,
  revealInput,
  revealResult,
  householdUrlSearchQuery,
  searchQuery,
  unitListQuery,
  unitPage,
} from '../../domain/property/property.contract';
import { requestActor, type AppContext } from '../core/context';
import { policyAccess } from '../plugins/access';
import * as svc from './property.service';

const idParam = z.object({ id: z.uuid({ error: '无效的编号' }) });
const read = policyAccess(registerPolicy, 'read');
const tags = ['property'];

export async function propertyRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/projects/:id/tree', { config: { access: read }, schema: { tags, summary: '项目-辖区-楼栋树', params: idParam, response: { 200: projectTree } } }, async (req) =>
    svc.tree(ctx, requestActor(req), req.params.id),
  );

  r.get('/api/units', { config: { access: read }, schema: { tags, summary: '房屋列表', querystring: unitListQuery, response: { 200: unitPage } } }, async (req) =>
    svc.units(ctx, requestActor(req), req.query),
  );

  r.get('/api/households', { config: { access: read }, schema: { tags, summary: '按房号、姓名或手机后四位查找业户(完整号码请用 POST /api/households/search)', querystring: householdUrlSearchQuery, response: { 200: householdList } } }, async (req) => ({
    items: await svc.search(ctx, requestActor(req), req.query.q, req.query.limit, req.query.projectId),
  }));

  // The same search with the query in the body: what the web app uses, so a phone number typed into the
  // search box never appears in a URL (proxy logs, browser tools).
  r.post('/api/households/search', { config: { access: read }, schema: { tags, summary: '查找业户(查询条件放在请求体中)', body: searchQuery, response: { 200: householdList } } }, async (req) => ({
    items: await svc.search(ctx, requestActor(req), req.body.q, req.body.limit, req.body.projectId),
  }));

  r.get('/api/households/:id', { config: { access: read }, schema: { tags, summary: '业户详情(个人信息已遮蔽)', params: idParam, response: { 200: householdDetail } } }, async (req) =>
    svc.getHousehold(ctx, requestActor(req), req.params.id),
  );

  r.patch('/api/households/:id', { config: { access: policyAccess(registerPolicy, 'update') }, schema: { tags, summary: '修改业户', params: idParam, body: householdPatch, response: { 200: householdDetail } } }, async (req) =>
    svc.updateHousehold(ctx, requestActor(req), req.params.id, req.body),
  );

  r.post('/api/households/:id/persons', { config: { access: policyAccess(registerPolicy, 'update') }, schema: { tags, summary: '添加家庭成员/联系人', params: idParam, body: personInput, response: { 201: personView } } }, async (req, reply) =>
    reply.status(201).send(await svc.addPerson(ctx, requestActor(req), req.params.id, req.body)),
  );

  r.patch('/api/persons/:id', { config: { access: policyAccess(registerPolicy, 'update') }, schema: { tags, summary: '修改人员信息', params: idParam, body: personPatch, response: { 200: personView } } }, async (req) =>
    svc.updatePerson(ctx, requestActor(req), req.params.id, req.body),
  );

  r.post('/api/persons/:id/reveal', { config: { access: policyAccess(registerPolicy, 'revealContact') }, schema: { tags, summary: '查看完整号码(留痕)', params: idParam, body: revealInput, response: { 200: revealResult } } }, async (req) =>
    svc.reveal(ctx, requestActor(req), req.params.id, req.body.field, req.body.reason),
  );
}
