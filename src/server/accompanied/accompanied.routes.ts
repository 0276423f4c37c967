import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accompaniedPolicy } from '../../domain/accompanied/accompanied.policy';
import { accompaniedFile, accompaniedReport, accompaniedReportQuery, accompaniedSession, accompaniedSessionList, accompaniedStart } from '../../domain/accompanied/accompanied.contract';
import { requestActor, type AppContext } from '../core/context';
import { policyAccess } from '../plugins/access';
import * as svc from './accompanied.service';

const idParam = z.object({ id: z.uuid({ error: '无效的编号' }) });
const tags = ['accompanied'];
const takePart = policyAccess(accompaniedPolicy, 'read');

/**
 * 陪同查阅 (ARC-8..10). Only these routes serve a session, and all of them read: the session offers no reveal,
 * edit, download, print or export — those paths do not exist (404), and the register's own routes stay closed
 * to the lead (404).
 */
export async function accompaniedRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/accompanied-sessions', { config: { access: policyAccess(accompaniedPolicy, 'ask') }, schema: { tags, summary: '领班发起陪同查阅，客服人员在同一屏幕上输入本人密码确认', body: accompaniedStart, response: { 201: accompaniedSession } } }, async (req, reply) =>
    reply.status(201).send(await svc.start(ctx, requestActor(req), req.body)),
  );

  r.get('/api/accompanied-sessions/mine', { config: { access: takePart }, schema: { tags, summary: '我参与的进行中的陪同查阅', response: { 200: accompaniedSessionList } } }, async (req) =>
    svc.mine(ctx, requestActor(req)),
  );

  r.get('/api/accompanied-sessions/report', { config: { access: policyAccess(accompaniedPolicy, 'report') }, schema: { tags, summary: '陪同查阅记录(谁、与谁、何时、看了什么)', querystring: accompaniedReportQuery, response: { 200: accompaniedReport } } }, async (req) =>
    svc.report(ctx, requestActor(req), req.query),
  );

  r.get('/api/accompanied-sessions/:id', { config: { access: takePart }, schema: { tags, summary: '陪同查阅的状态', params: idParam, response: { 200: accompaniedSession } } }, async (req) =>
    svc.get(ctx, requestActor(req), req.params.id),
  );

  r.get('/api/accompanied-sessions/:id/file', { config: { access: takePart }, schema: { tags, summary: '陪同查阅中的业户档案(只读、遮蔽、留痕)', params: idParam, response: { 200: accompaniedFile } } }, async (req, reply) => {
    const body = await svc.file(ctx, requestActor(req), req.params.id);
    // Nothing of it stays in a cache or is offered for saving.
    reply.header('Cache-Control', 'no-store');
    return body;
  });

  r.post('/api/accompanied-sessions/:id/end', { config: { access: takePart }, schema: { tags, summary: '结束陪同查阅', params: idParam, response: { 200: accompaniedSession } } }, async (req) =>
    svc.end(ctx, requestActor(req), req.params.id),
  );
}
