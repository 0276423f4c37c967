import type { FastifyInstance, FastifyReply } from 'fastify';

// antd's CSS-in-JS injects <style> elements, hence 'unsafe-inline' for styles only; scripts are same-origin only.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/** Sets the headers on one reply; also used for errors Fastify answers before any hook runs. */
export function applySecurityHeaders(url: string, reply: FastifyReply): void {
  reply.header('X-Content-Type-Options', 'nosniff');
  reply.header('X-Frame-Options', 'DENY');
  reply.header('Referrer-Policy', 'no-referrer');
  reply.header('Cross-Origin-Opener-Policy', 'same-origin');
  reply.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  if (!url.startsWith('/api/docs')) reply.header('Content-Security-Policy', CSP);
  if (url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
}

export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    applySecurityHeaders(request.url, reply);
    return payload;
  });
}
