// npm run restore -- --in FILE [--force]
// Restores a backup into the store the app is configured for (DATABASE_URL or DATA_DIR). Refuses a
// target that already holds data unless --force. Prints row counts and checks the audit chain.
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/server/core/env';
import { OpsError, restore } from '../src/server/ops/backup';
import { inspectStore } from '../src/server/ops/inspect';
import { setAuditKey } from '../src/server/audit/audit-chain';
import { resolveAuditKey } from '../src/server/audit/audit-key';
import { readAnchors } from '../src/server/audit/audit-anchor';

const { values } = parseArgs({ options: { in: { type: 'string', short: 'i' }, force: { type: 'boolean', default: false } } });
if (!values.in) {
  console.error('usage: npm run restore -- --in FILE [--force]   (DATABASE_URL or DATA_DIR as for the app)');
  process.exit(2);
}
const config = loadConfig();
const key = resolveAuditKey(config, { create: false });
if (key.key) setAuditKey(key.key);
const target = { databaseUrl: config.databaseUrl, dataDir: config.dataDir };
try {
  const r = await restore(target, values.in, { force: values.force });
  const where = r.kind === 'postgres' ? 'the database in DATABASE_URL' : config.dataDir;
  console.log(`恢复完成 restored ${values.in} into ${where}${r.movedAside ? `; the previous store is kept at ${r.movedAside}` : ''}`);
  // The anchors of this installation: a backup cut short or re-chained behind them is refused (exit 4).
  const s = await inspectStore(target, { anchors: readAnchors(config.auditAnchorFile) });
  for (const [t, n] of Object.entries(s.tables)) console.log(`  ${t}: ${n}`);
  if ('error' in s.audit) {
    console.warn(`审计链未校验 audit chain not checked: ${s.audit.error} — start the app (it migrates), then run npm run audit:verify`);
  } else if (s.audit.ok) {
    console.log(`审计链完整 audit chain intact: ${s.audit.checked} entries`);
  } else {
    console.error(`审计链被篡改 audit chain broken at ${s.audit.brokenAt}: ${s.audit.reason}`);
    process.exit(4);
  }
} catch (e) {
  console.error(`恢复失败 restore failed: ${(e as Error).message}`);
  process.exit(e instanceof OpsError ? 1 : 3);
}
