import Fastify, { type FastifyInstance } from 'fastify';
import { registerSecurityHeaders } from '../../src/server/plugins/security-headers';

/** Baseline B0: a bare Fastify instance with one JSON route, nothing else registered. */
export function createBareApp(): FastifyInstance {
  const app = Fastify({ logger: false });
  app.get('/', async () => ({ ok: true }));
  app.get('/api/health', async () => ({ ok: true }));
  return app;
}

/** B0 plus only the app's security headers (its onSend hook): what those headers alone cost a request. */
export function createBareAppWithHeaders(): FastifyInstance {
  const app = Fastify({ logger: false });
  registerSecurityHeaders(app);
  app.get('/api/live', async () => ({ status: 'ok' }));
  return app;
}
