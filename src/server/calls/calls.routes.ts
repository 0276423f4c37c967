import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callPolicy, callSettingsPolicy } from '../../domain/calls/calls.policy';
import { callSettings, callSettingsInput, callSettingsQuery } from '../../domain/calls/call-settings.contract';
import { readCallSettings, setCallSettings } from './call-settings';
import { answerCloseInput, callCreate, callListQuery, chaseInput, classifyInput, closeInput, dispatchInput, reclassifyInput, reopenInput, replyInput, resolveInput } from '../../domain/calls/calls.contract';
import { requestActor, type AppContext } from '../core/context';
import { policyAccess } from '../plugins/access';
import * as intake from './intake.service';
import * as svc from './calls.service';
import * as ledger from './ledger.service';
import { callChaseResult, callRecord, callReply, classification } from '../../domain/calls/call-record.contract';
import { callPage, callStats, gtSummary, gtSummaryQuery, ledger as ledgerSchema, ledgerQuery, statsQuery, XLSX_TYPE } from '../../domain/calls/ledger.contract';
import { board, boardQuery, callDetail, dispatchResult } from '../../domain/work-orders/call-views.contract';
import { BODY_LIMITS } from '../core/body-limits';

const idParam = z.object({ id: z.uuid({ error: '无效的编号' }) });
const tags = ['calls'];
const acc = (a: Parameters<typeof policyAccess<never, keyof typeof callPolicy.grants>>[1]) => ({ access: policyAccess(callPolicy, a) });
const xlsx = { description: '《来电来访记录》Excel 工作簿(含本页小计)', content: { [XLSX_TYPE]: { schema: z.custom<Buffer>((b) => Buffer.isBuffer(b)).meta({ type: 'string', format: 'binary' }) } } };

export async function callRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/calls/classify', { config: acc('create'), schema: { tags, summary: '分类建议(含理由)', body: classifyInput, response: { 200: classification } } }, async (req) => intake.previewClass(ctx, requestActor(req), req.body));

  r.post('/api/calls', { config: acc('create'), schema: { tags, summary: '登记来电来访', body: callCreate, response: { 201: callRecord, 200: callRecord } } }, async (req, reply) => {
    const res = await intake.recordCall(ctx, requestActor(req), req.body);
    return reply.status(res.created ? 201 : 200).send(res.call);
  });

  r.get('/api/calls', { config: acc('read'), schema: { tags, summary: '来电来访记录列表(含分类小计)', querystring: callListQuery, response: { 200: callPage } } }, async (req) => ledger.list(ctx, requestActor(req), req.query));

  r.get('/api/calls/ledger', { config: acc('stats'), schema: { tags, summary: '《来电来访记录》分页(本页小计)', querystring: ledgerQuery, response: { 200: ledgerSchema } } }, async (req) => ledger.ledger(ctx, requestActor(req), req.query));

  r.get('/api/calls/ledger.xlsx', { config: acc('stats'), schema: { tags, summary: '导出 Excel', querystring: ledgerQuery, response: { 200: xlsx } } }, async (req, reply) => {
    const buf = await ledger.ledgerXlsx(ctx, requestActor(req), req.query);
    return reply
      .header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent('来电来访记录.xlsx')}`)
      .send(buf);
  });

  r.get('/api/calls/stats', { config: acc('stats'), schema: { tags, summary: '统计(按日/周/月、分类、辖区、状态)', querystring: statsQuery, response: { 200: callStats } } }, async (req) =>
    ledger.statistics(ctx, requestActor(req), req.query),
  );

  r.get('/api/board', { config: acc('read'), schema: { tags, summary: '辖区看板(超时优先)', querystring: boardQuery, response: { 200: board } } }, async (req) =>
    ledger.board(ctx, requestActor(req), req.query.projectId, req.query.districtId),
  );

  r.get('/api/gt/summary', { config: acc('stats'), schema: { tags, summary: 'GT 汇总(按类别、楼栋)', querystring: gtSummaryQuery, response: { 200: gtSummary } } }, async (req) =>
    ledger.gtReport(ctx, requestActor(req), req.query.projectId, new Date(req.query.from), new Date(req.query.to)),
  );

  r.get('/api/calls/settings', { config: { access: policyAccess(callSettingsPolicy, 'read') }, schema: { tags, summary: '来电来访设置(本项目:客户经理能否跟进其他辖区)', querystring: callSettingsQuery, response: { 200: callSettings } } }, async (req) =>
    readCallSettings(ctx.store.db, requestActor(req).actor, req.query.projectId),
  );
  r.patch('/api/calls/settings', { config: { access: policyAccess(callSettingsPolicy, 'edit') }, schema: { tags, summary: '设置客户经理能否跟进其他辖区的事项', body: callSettingsInput, response: { 200: callSettings } } }, async (req) =>
    setCallSettings(ctx, requestActor(req), req.body),
  );
  r.get('/api/calls/:id', { config: acc('read'), schema: { tags, summary: '记录详情', params: idParam, response: { 200: callDetail } } }, async (req) => svc.callDetail(ctx, requestActor(req), req.params.id));

  r.post('/api/calls/:id/reclassify', { config: { access: { roles: [...new Set([...callPolicy.grants.markZ.roles, ...callPolicy.grants.markQGT.roles, ...callPolicy.grants.markOther.roles])] } }, schema: { tags, summary: '调整分类(需原因，留痕)', params: idParam, body: reclassifyInput, response: { 200: callRecord } } }, async (req) =>
    svc.reclassify(ctx, requestActor(req), req.params.id, req.body),
  );
  r.post('/api/calls/:id/dispatch', { config: acc('dispatch'), schema: { tags, summary: '派单(填写报修单)', params: idParam, body: dispatchInput, response: { 201: dispatchResult } } }, async (req, reply) =>
    reply.status(201).send(await svc.dispatch(ctx, requestActor(req), req.params.id, req.body)),
  );
  r.post('/api/calls/:id/replies', { config: acc('reply'), schema: { tags, summary: '记录答复业户', params: idParam, body: replyInput, response: { 201: callReply } } }, async (req, reply) =>
    reply.status(201).send(await svc.reply(ctx, requestActor(req), req.params.id, req.body)),
  );
  r.post('/api/calls/:id/resolve', { config: acc('resolve'), schema: { tags, summary: '标记已处理(无需派单的事项)', params: idParam, body: resolveInput, response: { 200: callRecord } } }, async (req) => svc.resolve(ctx, requestActor(req), req.params.id, req.body));
  r.post('/api/calls/:id/reopen', { config: acc('reopen'), schema: { tags, summary: '重开', params: idParam, body: reopenInput, response: { 200: callRecord } } }, async (req) => svc.reopen(ctx, requestActor(req), req.params.id, req.body));
  r.post('/api/calls/:id/close', { config: acc('close'), bodyLimit: BODY_LIMITS.signature, schema: { tags, summary: '销项(签字、编号)', params: idParam, body: closeInput, response: { 200: callRecord } } }, async (req) => svc.close(ctx, requestActor(req), req.params.id, req.body));
  r.post('/api/calls/:id/answer-close', { config: acc('answerClose'), bodyLimit: BODY_LIMITS.signature, schema: { tags, summary: '当场答复并销项(答复、已处理、签字编号一步完成)', params: idParam, body: answerCloseInput, response: { 200: callRecord } } }, async (req) =>
    svc.answerAndClose(ctx, requestActor(req), req.params.id, req.body),
  );
  r.post('/api/calls/:id/chase', { config: acc('chase'), schema: { tags, summary: '催办', params: idParam, body: chaseInput, response: { 200: callChaseResult } } }, async (req) => svc.chase(ctx, requestActor(req), req.params.id, req.body.note));
}
