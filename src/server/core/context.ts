import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../domain/shared/policy';
import type { AppConfig } from './env';
import type { Store } from '../db/store';
import type { Hooks } from './hooks';
import { unauthenticated } from './errors';

/** What every service needs from the app: the store, the clock, the settings and the cross-feature hooks. */
export interface AppContext {
  store: Store;
  config: AppConfig;
  now: () => Date;
  version: string;
  hooks: Hooks;
}

/** Who is acting on a request, and from where (for the audit trail). */
export interface RequestActor {
  actor: Actor;
  ip: string;
}

/** The signed-in actor of a guarded route (the session plugin sets `request.actor`). */
export function requestActor(request: FastifyRequest): RequestActor {
  if (!request.actor) throw unauthenticated();
  return { actor: request.actor, ip: request.ip };
}
