import Fastify, { type FastifyInstance } from 'fastify';

/** Baseline B0: a bare Fastify instance with one JSON route, nothing else registered. */
export function createBareApp(): FastifyInstance {
  const app = Fastify({ logger: false });
  app.get('/', async () => ({ ok: true }));
  app.get('/api/health', async () => ({ ok: true }));
  return app;
}
