import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { healthResult, liveResult } from '../domain/shared/api.contract';
import type { AppContext } from './core/context';

export async function healthRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get('/api/health', { config: { access: 'public' }, schema: { tags: ['system'], summary: '健康检查', response: { 200: healthResult, 503: healthResult } } }, async (_request, reply) => {
    try {
      await ctx.store.db.execute(sql`SELECT 1`);
      return { status: 'ok' as const, store: ctx.store.kind, version: ctx.version };
    } catch {
      return reply.status(503).send({ status: 'unhealthy' as const, store: ctx.store.kind, version: ctx.version });
    }
  });
  // Liveness for a load balancer or orchestrator: answers while the process runs, touches no database.
  app.withTypeProvider<ZodTypeProvider>().get('/api/live', { config: { access: 'public' }, schema: { tags: ['system'], summary: '存活检查', response: { 200: liveResult } } }, async () => ({ status: 'ok' as const }));
}
