import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { AppContext } from './context';

export async function healthRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/health', { config: { access: 'public' }, schema: { tags: ['system'], summary: '健康检查' } }, async (_request, reply) => {
    try {
      await ctx.store.db.execute(sql`SELECT 1`);
      return { status: 'ok', store: ctx.store.kind, version: ctx.version };
    } catch {
      return reply.status(503).send({ status: 'unhealthy', store: ctx.store.kind, version: ctx.version });
    }
  });
}
