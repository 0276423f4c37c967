import type { FastifyInstance } from 'fastify';
import type { Actor } from '../../domain/shared/policy';
import type { AppConfig } from '../core/env';
import type { Store } from '../db/store';
import { AppError } from '../core/errors';
import { CSRF_COOKIE, deleteSession, loadSession, SESSION_COOKIE, touchSession, type LoadedSession } from './sessions';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    session: LoadedSession | null;
    sessionExpired: boolean;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves the session cookie to an actor on every API request, ends idle or over-age sessions and
 * sessions of disabled users, and checks the CSRF token (double submit) on unsafe methods.
 */
export function registerSession(app: FastifyInstance, store: Store, config: AppConfig, now: () => Date): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.decorateRequest('sessionExpired', false);

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const s = await loadSession(store.db, token);
      if (s) {
        const t = now().getTime();
        const idle = t - s.lastSeenAt.getTime() > config.sessionIdleMinutes * 60_000;
        const old = t - s.createdAt.getTime() > config.sessionAbsoluteMinutes * 60_000;
        if (idle || old || s.disabled) {
          await deleteSession(store.db, s.tokenHash);
          request.sessionExpired = true;
        } else {
          request.session = s;
          request.actor = s.actor;
          // Sliding idle window, written at most once a minute.
          if (t - s.lastSeenAt.getTime() > 60_000) await touchSession(store.db, s.tokenHash, new Date(t));
        }
      }
    }
    if (UNSAFE.has(request.method) && request.session) {
      const header = request.headers['x-csrf-token'];
      if (header !== request.session.csrfToken) throw new AppError(403, 'CSRF_FAILED');
    }
  });
}

export function sessionCookieOptions(config: AppConfig) {
  return { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: config.secureCookies };
}

export function csrfCookieOptions(config: AppConfig) {
  return { path: '/', httpOnly: false, sameSite: 'strict' as const, secure: config.secureCookies };
}

export { SESSION_COOKIE, CSRF_COOKIE };
