import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { userPolicy } from '../../domain/users/users.policy';
import { projectList, userCreate, userList, userPatch, userView } from '../../domain/users/users.contract';
import { requestActor, type AppContext } from '../core/context';
import { policyAccess } from '../plugins/access';
import * as svc from './users.service';

const idParam = z.object({ id: z.uuid({ error: '无效的编号' }) });
const tags = ['users'];

export async function userRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/users', { config: { access: policyAccess(userPolicy, 'read') }, schema: { tags, summary: '用户列表', response: { 200: userList } } }, async (req) => ({
    items: await svc.listUsers(ctx, requestActor(req)),
  }));
  r.post('/api/users', { config: { access: policyAccess(userPolicy, 'create') }, schema: { tags, summary: '新建用户', body: userCreate, response: { 201: userView } } }, async (req, reply) =>
    reply.status(201).send(await svc.createUser(ctx, requestActor(req), req.body)),
  );
  r.patch('/api/users/:id', { config: { access: policyAccess(userPolicy, 'update') }, schema: { tags, summary: '修改用户(角色、项目、停用、重置密码)', params: idParam, body: userPatch, response: { 200: userView } } }, async (req) =>
    svc.updateUser(ctx, requestActor(req), req.params.id, req.body),
  );
  r.get('/api/admin/projects', { config: { access: policyAccess(userPolicy, 'read') }, schema: { tags, summary: '全部项目(分配用)', response: { 200: projectList } } }, async (req) => ({
    items: await svc.listProjects(ctx, requestActor(req)),
  }));
}
