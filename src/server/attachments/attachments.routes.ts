import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { attachments } from '../../domain/attachments/attachments.table';
import type { AppContext } from '../core/context';
import { actorOf } from '../plugins/access';
import { notFound } from '../core/errors';
import type { AttachmentOwnerType, AttachmentReaders } from './attachments';

/** An attachment is readable by whoever may read the record it belongs to. */
export async function attachmentRoutes(app: FastifyInstance, ctx: AppContext, readers: AttachmentReaders): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/attachments/:id',
    { config: { access: 'signedIn' }, schema: { tags: ['attachments'], summary: '附件(签名、照片)', params: z.object({ id: z.uuid({ error: '无效的编号' }) }) } },
    async (req, reply) => {
      const actor = actorOf(req);
      const [a] = await ctx.store.db.select().from(attachments).where(eq(attachments.id, req.params.id));
      if (!a) throw notFound();
      const read = Object.hasOwn(readers, a.ownerType) ? readers[a.ownerType as AttachmentOwnerType] : undefined;
      if (!read) throw notFound();
      await read(ctx.store.db, actor, a.ownerId);
      return reply
        .header('Content-Type', a.mime)
        .header('Cache-Control', 'private, max-age=86400, immutable')
        .header('Content-Disposition', 'inline')
        .header('ETag', `"${a.sha256}"`)
        .send(a.bytes);
    },
  );
}
