import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerPolicy } from '../../domain/property/property.policy';
import { IMPORT_CONTENT_TYPE, importQuery, importResult } from '../../domain/property/import.contract';
import { requestActor, type AppContext } from '../core/context';
import { policyAccess } from '../plugins/access';
import { AppError } from '../core/errors';
import { BODY_LIMITS } from '../core/body-limits';
import { importRegister, importTemplate } from './import.service';

const idParam = z.object({ id: z.uuid({ error: '无效的编号' }) });
const access = policyAccess(registerPolicy, 'import');
const tags = ['property'];

/** Excel import of units and households: the raw .xlsx is the request body. */
export async function importRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  // The workbook arrives as bytes, with its own body limit.
  app.addContentTypeParser(IMPORT_CONTENT_TYPE, { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/projects/:id/import',
    {
      config: { access },
      bodyLimit: BODY_LIMITS.workbook,
      schema: {
        tags,
        summary: '从 Excel 导入房屋和业户(整表校验，有错则不导入)',
        description: `请求体为 .xlsx 文件本身，Content-Type: ${IMPORT_CONTENT_TYPE}。有错误时返回 400 IMPORT_INVALID，rows 逐行列出错误。dryRun=1 只校验不写入。`,
        consumes: [IMPORT_CONTENT_TYPE],
        params: idParam,
        querystring: importQuery,
        response: { 200: importResult },
      },
    },
    async (req) => {
      if (!Buffer.isBuffer(req.body)) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', undefined, `请以 ${IMPORT_CONTENT_TYPE} 上传 .xlsx 文件`);
      const dryRun = req.query.dryRun === '1' || req.query.dryRun === 'true';
      return importRegister(ctx, requestActor(req), req.params.id, req.body, dryRun);
    },
  );

  r.get(
    '/api/projects/:id/import/template',
    { config: { access }, schema: { tags, summary: '下载导入模板(.xlsx)', produces: [IMPORT_CONTENT_TYPE], params: idParam } },
    async (req, reply) => {
      const file = await importTemplate(ctx, requestActor(req), req.params.id);
      return reply
        .header('Content-Type', IMPORT_CONTENT_TYPE)
        .header('Content-Disposition', `attachment; filename="import-template.xlsx"; filename*=UTF-8''${encodeURIComponent('业户导入模板.xlsx')}`)
        .header('Cache-Control', 'no-store')
        .send(file);
    },
  );
}
