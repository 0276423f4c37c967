import { loadConfig } from './core/env';
import { openStore, type Store } from './db/store';
import { buildApp } from './app';
import { seedDemoIfEmpty } from './seed/demo-seed';
import { setAuditKey } from './audit/audit-chain';
import { resolveAuditKey } from './audit/audit-key';
import { AuditAnchorWriter } from './audit/audit-anchor';
import { demoAccountsThatWork } from './auth/demo-accounts';
import { describeStartupError, StartupError } from './startup-errors';

const startedAt = performance.now();
const config = loadConfig();

async function start() {
  const auditKey = resolveAuditKey(config, { create: true });
  if (auditKey.key) setAuditKey(auditKey.key);
  else if (config.production) throw new StartupError('生产模式需要审计密钥：请设置 AUDIT_KEY（至少 32 个字符）', 'production needs an audit key: set AUDIT_KEY (32+ characters)');

  let store: Store;
  try {
    store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  } catch (err) {
    throw describeStartupError(err, config);
  }
  if (config.seedDemo) {
    const seeded = await seedDemoIfEmpty(store, { history: config.demoHistory });
    if (seeded) await store.exec('ANALYZE');
    if (seeded) console.log(`演示数据已生成：${seeded.project}，${seeded.units} 套房屋，${seeded.households} 户，${seeded.users} 个演示账号（密码 demo1234）${seeded.history ? `，近两年历史记录 ${seeded.history.calls} 条来电` : ''}`);
  }
  // A store whose demo passwords still work says so (log and login page); production refuses it unless allowed.
  const demo = await demoAccountsThatWork(store.db);
  if (demo.length) {
    console.warn(`注意：演示账号仍可用默认密码登录（${demo.join(', ')}），请勿用于真实业户数据 (demo accounts with the demo password: do not use this store for real households)`);
    if (config.production && !config.allowDemoPasswords) {
      await store.close();
      throw new StartupError(
        `生产模式下演示账号仍使用默认密码（${demo.join(', ')}）：请修改或停用这些账号，或设置 ALLOW_DEMO_PASSWORDS=1`,
        'production mode with working demo passwords: change or disable those accounts, or set ALLOW_DEMO_PASSWORDS=1',
      );
    }
  }
  const app = await buildApp({ store, config, runTimers: true });
  if (store.kind === 'embedded') {
    // The embedded store has no autovacuum: refresh planner statistics every half hour and vacuum nightly.
    setInterval(() => void store.exec('ANALYZE').catch((err) => app.log.warn({ err }, 'analyze failed')), 30 * 60_000).unref();
    // VACUUM (dead rows of updated calls, timers and sessions) at 03:00 local time, then every 24 h.
    const vacuum = () => void store.exec('VACUUM').catch((err) => app.log.warn({ err }, 'vacuum failed'));
    const next = new Date();
    next.setHours(3, 0, 0, 0);
    if (next.getTime() <= Date.now()) next.setDate(next.getDate() + 1);
    setTimeout(() => {
      vacuum();
      setInterval(vacuum, 24 * 60 * 60_000).unref();
    }, next.getTime() - Date.now()).unref();
  }
  const anchor = config.auditAnchorFile ? new AuditAnchorWriter(store.db, config.auditAnchorFile, () => new Date()) : null;
  anchor?.start(5_000, (err) => app.log.warn({ err }, 'audit anchor failed'));
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    throw describeStartupError(err, config);
  }
  const readyMs = Math.round(performance.now() - startedAt);
  // PORT=0 asks the system for a free port: print the one actually bound (tests read it from this line).
  const address = app.server.address();
  const port = address && typeof address === 'object' ? address.port : config.port;
  app.log.info({ store: store.kind, port, host: config.host, readyMs, auditKey: auditKey.source }, 'ready');
  const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  console.log(`Wuye Desk 物业客服台 ready in ${readyMs} ms on http://${shown}:${port} (store: ${store.kind}${store.kind === 'embedded' ? `, ${config.dataDir}` : ''})`);

  let closing = false;
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, async () => {
      if (closing) return;
      closing = true;
      await app.close();
      await anchor?.stop().catch(() => {});
      await store.close();
      process.exit(0);
    });
  }
}

try {
  await start();
} catch (err) {
  if (err instanceof StartupError) {
    console.error(`启动失败：${err.zh}\nstart-up failed: ${err.en}`);
    process.exit(1);
  }
  throw err;
}
