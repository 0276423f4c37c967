/**
 * The full app in a process of its own (forked by scenarios/sse.ts), so the SSE clients never share its
 * event loop and its RSS is its own. Driven over IPC: report memory, write notifications in one transaction.
 */
import type { AddressInfo } from 'node:net';
import { openStore } from '../../src/server/db/store';
import { notify } from '../../src/server/notifications/notifier';
import { buildApp } from '../../src/server/app';
import type { StoreLocation } from '../data/desk-store';
import { benchConfig } from './servers';
import { wallNow } from './wall';

export type ServerCommand =
  | { type: 'start'; location: StoreLocation }
  | { type: 'stats' }
  | { type: 'notify'; projectId: string; userIds: string[]; title: string }
  | { type: 'close' };

export type ServerReply =
  | { type: 'listening'; url: string }
  | { type: 'stats'; rss: number; heapUsed: number; connections: number }
  | { type: 'notified'; commitAt: number; rows: number; ms: number }
  | { type: 'error'; message: string };

const send = (m: ServerReply) => process.send?.(m);

async function main(): Promise<void> {
  const start = await new Promise<ServerCommand>((resolve) => process.once('message', (m: ServerCommand) => resolve(m)));
  if (start.type !== 'start') throw new Error('first message must be start');
  const store = await openStore(start.location);
  const app = await buildApp({ store, config: benchConfig() });
  await app.listen({ port: 0, host: '127.0.0.1' });
  send({ type: 'listening', url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` });
  process.on('message', (m: ServerCommand) => {
    const run = async () => {
      if (m.type === 'stats') {
        const mem = process.memoryUsage();
        send({ type: 'stats', rss: mem.rss, heapUsed: mem.heapUsed, connections: app.desk.hub.connectionCount });
      } else if (m.type === 'notify') {
        const t0 = performance.now();
        const now = new Date();
        await store.db.transaction((tx) =>
          notify(tx, m.userIds.map((userId) => ({ userId, projectId: m.projectId, type: 'bench.alert', title: m.title, body: '3栋地下室进水，请各岗位立即处置', link: '/board' })), now),
        );
        send({ type: 'notified', commitAt: wallNow(), rows: m.userIds.length, ms: performance.now() - t0 });
      } else if (m.type === 'close') {
        await app.close();
        await store.close();
        process.exit(0);
      }
    };
    run().catch((err: unknown) => send({ type: 'error', message: err instanceof Error ? err.message : String(err) }));
  });
}

main().catch((err: unknown) => {
  send({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  process.exit(1);
});
