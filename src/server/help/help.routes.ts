import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dutyRosterPolicy, handoverPolicy, helpPolicy, helpStepPolicy, playbookPolicy } from '../../domain/help/help.policy';
import * as playbooks from './playbooks.service';
import * as handovers from './handover.service';
import { okResult } from '../../domain/shared/api.contract';
import * as roster from './roster.service';
import {
  closeHelpInput,
  helpRevealInput,
  helpRevealResult,
  handover,
  handoverAck,
  handoverCreate,
  handoverList,
  dutyRoster,
  dutyRosterQuery,
  dutyShift,
  dutyShiftCreate,
  helpCreate,
  helpDetail,
  helpList,
  helpListQuery,
  helpRequest,
  helpStep,
  myStepList,
  playbook,
  playbookList,
  playbookUpdate,
  playbookQuery,
  respondInput,
  startPlaybookInput,
  stepActionInput,
} from '../../domain/help/help.contract';
import { requestActor, type AppContext } from '../core/context';
import { policyAccess } from '../plugins/access';
import * as svc from './help.service';

const idParam = z.object({ id: z.uuid({ error: '无效的编号' }) });
const tags = ['help'];
const acc = (a: keyof typeof helpPolicy.grants) => ({ access: policyAccess(helpPolicy, a) });
const stepAcc = (a: keyof typeof helpStepPolicy.grants) => ({ access: policyAccess(helpStepPolicy, a) });

/** The kind of device an action came from, for the timeline (a guard's phone or a desk). */
function deviceOf(req: FastifyRequest): string | null {
  const ua = req.headers['user-agent'];
  if (!ua) return null;
  return /Mobile|Android|iPhone/i.test(ua) ? 'phone' : 'desktop';
}
const helpActor = (req: FastifyRequest): svc.HelpActor => ({ ...requestActor(req), device: deviceOf(req) });

export async function helpRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/help', { config: acc('create'), schema: { tags, summary: '登记住户求助', body: helpCreate, response: { 201: helpRequest } } }, async (req, reply) =>
    reply.status(201).send(await svc.createHelp(ctx, helpActor(req), req.body)),
  );
  r.get('/api/help', { config: acc('read'), schema: { tags, summary: '求助列表', querystring: helpListQuery, response: { 200: helpList } } }, async (req) => svc.listHelp(ctx, requestActor(req), req.query));
  const pbAcc = (a: keyof typeof playbookPolicy.grants) => ({ access: policyAccess(playbookPolicy, a) });
  r.get('/api/help/playbooks', { config: pbAcc('read'), schema: { tags, summary: '应急预案(步骤、责任角色、顺序、时限、升级链)', querystring: playbookQuery, response: { 200: playbookList } } }, async (req) =>
    playbooks.listPlaybooks(ctx, requestActor(req), req.query.projectId),
  );
  r.put('/api/help/playbooks/:id', { config: pbAcc('edit'), schema: { tags, summary: '编辑应急预案(步骤与升级链)', params: idParam, body: playbookUpdate, response: { 200: playbook } } }, async (req) =>
    playbooks.updatePlaybook(ctx, requestActor(req), req.params.id, req.body),
  );
  r.get('/api/help/my-steps', { config: stepAcc('read'), schema: { tags, summary: '我的待办应急步骤', querystring: playbookQuery, response: { 200: myStepList } } }, async (req) =>
    svc.myOpenSteps(ctx, requestActor(req), req.query.projectId),
  );
  const rosterAcc = (a: keyof typeof dutyRosterPolicy.grants) => ({ access: policyAccess(dutyRosterPolicy, a) });
  r.get('/api/help/duty-roster', { config: rosterAcc('read'), schema: { tags, summary: '值班表', querystring: dutyRosterQuery, response: { 200: dutyRoster } } }, async (req) => roster.listRoster(ctx, requestActor(req), req.query));
  r.post('/api/help/duty-roster', { config: rosterAcc('edit'), schema: { tags, summary: '排班', body: dutyShiftCreate, response: { 201: dutyShift } } }, async (req, reply) =>
    reply.status(201).send(await roster.addShift(ctx, requestActor(req), req.body)),
  );
  r.delete('/api/help/duty-roster/:id', { config: rosterAcc('edit'), schema: { tags, summary: '删除班次', params: idParam, response: { 200: okResult } } }, async (req) => roster.removeShift(ctx, requestActor(req), req.params.id));
  const hoAcc = (a: keyof typeof handoverPolicy.grants) => ({ access: policyAccess(handoverPolicy, a) });
  r.get('/api/help/handovers', { config: hoAcc('read'), schema: { tags, summary: '交接班记录(我交出的、交给我的)', querystring: playbookQuery, response: { 200: handoverList } } }, async (req) =>
    handovers.listHandovers(ctx, requestActor(req), req.query.projectId),
  );
  r.post('/api/help/handovers', { config: hoAcc('create'), schema: { tags, summary: '交班', body: handoverCreate, response: { 201: handover } } }, async (req, reply) =>
    reply.status(201).send(await handovers.createHandover(ctx, requestActor(req), req.body)),
  );
  r.post('/api/help/handovers/:id/acknowledge', { config: hoAcc('acknowledge'), schema: { tags, summary: '接班确认', params: idParam, body: handoverAck, response: { 200: handover } } }, async (req) =>
    handovers.acknowledgeHandover(ctx, requestActor(req), req.params.id, req.body.version),
  );
  r.get('/api/help/:id', { config: acc('read'), schema: { tags, summary: '求助详情与时间线', params: idParam, response: { 200: helpDetail } } }, async (req) => svc.helpDetail(ctx, requestActor(req), req.params.id));
  r.post('/api/help/:id/respond', { config: acc('respond'), schema: { tags, summary: '首次答复(停止五分钟计时)', params: idParam, body: respondInput, response: { 200: helpRequest } } }, async (req) =>
    svc.respond(ctx, helpActor(req), req.params.id, req.body),
  );
  r.post('/api/help/:id/playbook', { config: acc('startPlaybook'), schema: { tags, summary: '启动应急预案', params: idParam, body: startPlaybookInput, response: { 200: helpRequest } } }, async (req) =>
    svc.startPlaybook(ctx, helpActor(req), req.params.id, req.body),
  );
  r.post('/api/help/:id/reveal', { config: acc('revealPhone'), schema: { tags, summary: '查看完整号码(留痕)', params: idParam, body: helpRevealInput, response: { 200: helpRevealResult } } }, async (req) =>
    svc.revealPhone(ctx, requestActor(req), req.params.id, req.body),
  );
  r.post('/api/help/:id/close', { config: acc('close'), schema: { tags, summary: '结案(须填写处理结果)', params: idParam, body: closeHelpInput, response: { 200: helpRequest } } }, async (req) =>
    svc.closeHelp(ctx, helpActor(req), req.params.id, req.body),
  );
  r.post('/api/help/steps/:id/acknowledge', { config: stepAcc('acknowledge'), schema: { tags, summary: '确认收到应急步骤', params: idParam, body: stepActionInput, response: { 200: helpStep } } }, async (req) =>
    svc.acknowledgeStep(ctx, helpActor(req), req.params.id, req.body),
  );
  r.post('/api/help/steps/:id/complete', { config: stepAcc('complete'), schema: { tags, summary: '完成应急步骤', params: idParam, body: stepActionInput, response: { 200: helpStep } } }, async (req) =>
    svc.completeStep(ctx, helpActor(req), req.params.id, req.body),
  );
}
