import { loadConfig } from './env';
import { openStore } from './db/store';
import { buildApp } from './app';
import { seedDemoIfEmpty } from './seed/demo-seed';

const startedAt = performance.now();
const config = loadConfig();
const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
if (config.seedDemo) {
  const seeded = await seedDemoIfEmpty(store);
  if (seeded) await store.exec('ANALYZE');
  if (seeded) console.log(`演示数据已生成：${seeded.project}，${seeded.units} 套房屋，${seeded.households} 户，${seeded.users} 个演示账号（密码 demo1234）`);
}
const app = await buildApp({ store, config, runTimers: true });
if (store.kind === 'embedded') {
  // The embedded store has no autovacuum: refresh planner statistics every half hour.
  setInterval(() => void store.exec('ANALYZE').catch((err) => app.log.warn({ err }, 'analyze failed')), 30 * 60_000).unref();
}
await app.listen({ port: config.port, host: config.host });
const readyMs = Math.round(performance.now() - startedAt);
app.log.info({ store: store.kind, port: config.port, readyMs }, 'ready');
console.log(`Wuye Desk 物业客服台 ready in ${readyMs} ms on http://localhost:${config.port} (store: ${store.kind}${store.kind === 'embedded' ? `, ${config.dataDir}` : ''})`);

let closing = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, async () => {
    if (closing) return;
    closing = true;
    await app.close();
    await store.close();
    process.exit(0);
  });
}
