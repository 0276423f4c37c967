import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app';
import { loadConfig, type AppConfig } from '../../src/server/core/env';
import type { Store } from '../../src/server/db/store';
import { createBareApp, createBareAppWithHeaders } from './bare';

export interface Running {
  /** http://127.0.0.1:port */
  url: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

/** The app's configuration as production builds it, minus the web files and the logs. */
export function benchConfig(): AppConfig {
  return { ...loadConfig({}), serveWeb: false, logLevel: 'silent' };
}

async function listen(app: FastifyInstance): Promise<Running> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, app, close: () => app.close() };
}

export function startBare(): Promise<Running> {
  return listen(createBareApp());
}

export function startBareWithHeaders(): Promise<Running> {
  return listen(createBareAppWithHeaders());
}

export async function startApp(store: Store): Promise<Running> {
  return listen(await buildApp({ store, config: benchConfig() }));
}
