import type { FastifyRequest } from 'fastify';
import type { Actor } from '../domain/shared/policy';
import type { AppConfig } from './env';
import type { Store } from './db/store';
import { actorOf } from './plugins/access';

/** What every service needs from the app: the store, the clock and the settings. */
export interface AppContext {
  store: Store;
  config: AppConfig;
  now: () => Date;
  version: string;
}

/** Who is acting on a request, and from where (for the audit trail). */
export interface RequestActor {
  actor: Actor;
  ip: string;
}

export const requestActor = (request: FastifyRequest): RequestActor => ({ actor: actorOf(request), ip: request.ip });
