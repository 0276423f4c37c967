import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor, Policy, Scoped } from '../../domain/shared/policy';
import { hasAny } from '../../domain/shared/policy';
import type { Role } from '../../domain/shared/roles';
import { notFound, unauthenticated } from '../core/errors';

/**
 * What a route declares about who may call it. Every route must declare one, or the app refuses
 * to start (deny by default). Per-record checks happen in the services through the same policies.
 *  - 'public': anybody, signed in or not;
 *  - 'signedIn': any signed-in user;
 *  - { roles }: a signed-in user holding one of the roles; others get 404, so the route's
 *    existence does not leak.
 */
export type RouteAccess = 'public' | 'signedIn' | { roles: readonly Role[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

/** Access for a route that serves one action of a policy: the roles of that grant. */
export function policyAccess<R extends Scoped, A extends string>(policy: Policy<R, A>, action: A): RouteAccess {
  return { roles: policy.grants[action].roles };
}

export function requireAccessDeclarations(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (route.method === 'HEAD' || route.url.startsWith('/api/docs')) return;
    const access = (route.config as { access?: RouteAccess } | undefined)?.access;
    if (!access) {
      throw new Error(`Route ${String(route.method)} ${route.url} declares no access rule (config.access); refusing to start.`);
    }
  });
}

/** preHandler guard applying the route's declaration. */
export async function enforceAccess(request: FastifyRequest): Promise<void> {
  const access = request.routeOptions.config.access;
  if (access === 'public' || !request.routeOptions.url) return;
  if (request.routeOptions.url.startsWith('/api/docs')) return;
  if (!access) throw notFound();
  if (!request.actor) throw unauthenticated(request.sessionExpired ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
  if (access === 'signedIn') return;
  if (!hasAny(request.actor, access.roles)) throw notFound();
}

/** The signed-in actor of a guarded route. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated();
  return request.actor;
}
