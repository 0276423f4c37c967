import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { archivePolicy } from '../../domain/archives/archives.policy';
import { SCAN_TYPES, scanQuery, scanView, signoffCreate, signoffList, signoffView, byUnitQuery, completeness, completenessQuery, documentRecord, householdArchive, templateCreate, templateList, templatePatch, templateQuery, templateView } from '../../domain/archives/archives.contract';
import { requestActor, type AppContext } from '../core/context';
import { policyAccess } from '../plugins/access';
import * as svc from './archives.service';
import * as signoffs from './signoffs.service';
import * as scans from './scans.service';
import { AppError } from '../core/errors';
import { BODY_LIMITS } from '../core/body-limits';

const uuid = z.uuid({ error: '无效的编号' });
const idParam = z.object({ id: uuid });
const tags = ['archives'];
const acc = (a: 'read' | 'record' | 'editTemplate') => ({ access: policyAccess(archivePolicy, a) });

export async function archiveRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/archive-templates', { config: acc('read'), schema: { tags, summary: '业户档案文件清单(按来源部门)', querystring: templateQuery, response: { 200: templateList } } }, async (req) =>
    svc.listTemplates(ctx, requestActor(req), req.query.projectId),
  );
  r.post('/api/archive-templates', { config: acc('editTemplate'), schema: { tags, summary: '清单中增加文件', body: templateCreate, response: { 201: templateView } } }, async (req, reply) =>
    reply.status(201).send(await svc.createTemplate(ctx, requestActor(req), req.body)),
  );
  r.patch('/api/archive-templates/:id', { config: acc('editTemplate'), schema: { tags, summary: '修改清单中的文件(名称、停用)', params: idParam, body: templatePatch, response: { 200: templateView } } }, async (req) =>
    svc.updateTemplate(ctx, requestActor(req), req.params.id, req.body),
  );
  r.get('/api/households/:id/archive', { config: acc('read'), schema: { tags, summary: '业户档案清单(已收/缺失)', params: idParam, response: { 200: householdArchive } } }, async (req) =>
    svc.householdArchive(ctx, requestActor(req), req.params.id),
  );
  r.get('/api/archives/by-unit', { config: acc('read'), schema: { tags, summary: '按房号查业户档案清单', querystring: byUnitQuery, response: { 200: householdArchive } } }, async (req) =>
    svc.archiveByUnit(ctx, requestActor(req), req.query.projectId, req.query.unitCode),
  );
  r.put('/api/households/:id/archive/:templateId', { config: acc('record'), schema: { tags, summary: '登记档案文件(移交人、日期、存放位置)', params: z.object({ id: uuid, templateId: uuid }), body: documentRecord, response: { 200: householdArchive } } }, async (req) =>
    svc.recordDocument(ctx, requestActor(req), req.params.id, req.params.templateId, req.body),
  );
  r.get('/api/archive-completeness', { config: acc('read'), schema: { tags, summary: '档案完整率(项目、辖区、楼栋)及各部门缺失文件', querystring: completenessQuery, response: { 200: completeness } } }, async (req) =>
    svc.completeness(ctx, requestActor(req), req.query.projectId),
  );
  r.post('/api/households/:id/signoffs', { config: acc('record'), bodyLimit: BODY_LIMITS.signature, schema: { tags, summary: '业户签字确认(设施开通/物品发放、接楼表完成项目、手册签收)', params: idParam, body: signoffCreate, response: { 201: signoffView } } }, async (req, reply) =>
    reply.status(201).send(await signoffs.createSignoff(ctx, requestActor(req), req.params.id, req.body)),
  );
  r.get('/api/households/:id/signoffs', { config: acc('read'), schema: { tags, summary: '业户签字确认记录', params: idParam, response: { 200: signoffList } } }, async (req) =>
    signoffs.listSignoffs(ctx, requestActor(req), req.params.id),
  );

  // Scans arrive as the raw body (Content-Type application/pdf, image/jpeg or image/png), with their own limit;
  // the parsers live in this scope only.
  await app.register(async (scoped) => {
    for (const type of SCAN_TYPES) scoped.addContentTypeParser(type, { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    scoped.withTypeProvider<ZodTypeProvider>().post(
      '/api/households/:id/archive/:templateId/scans',
      {
        config: acc('record'),
        bodyLimit: BODY_LIMITS.scan,
        schema: { tags, summary: '上传档案文件扫描件(PDF/JPEG/PNG，最大 10 MB)', consumes: [...SCAN_TYPES], params: z.object({ id: uuid, templateId: uuid }), querystring: scanQuery, response: { 201: scanView } },
      },
      async (req, reply) => {
        const mime = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
        if (!Buffer.isBuffer(req.body)) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', undefined, '只接受 PDF、JPEG、PNG 文件');
        return reply.status(201).send(await scans.uploadScan(ctx, requestActor(req), req.params.id, req.params.templateId, mime, req.body, req.query.name));
      },
    );
  });
  r.get('/api/archive-scans/:id', { config: acc('read'), schema: { tags, summary: '下载扫描件(附件方式)', produces: [...SCAN_TYPES], params: idParam } }, async (req, reply) => {
    const { scan, bytes } = await scans.downloadScan(ctx, requestActor(req), req.params.id);
    const ext = scan.mime === 'application/pdf' ? 'pdf' : scan.mime === 'image/png' ? 'png' : 'jpg';
    return reply
      .header('Content-Type', scan.mime)
      .header('Content-Disposition', `attachment; filename="scan-${scan.id}.${ext}"; filename*=UTF-8''${encodeURIComponent(scan.fileName)}`)
      .header('X-Content-Type-Options', 'nosniff')
      .header('Cache-Control', 'private, no-store')
      .send(bytes);
  });
}
