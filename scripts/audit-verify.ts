// npm run audit:verify — recomputes the audit trail's keyed hash chain and checks it against the anchors kept
// outside the database; says whether it is untouched.
import { loadConfig } from '../src/server/core/env';
import { openStore } from '../src/server/db/store';
import { verifyAuditChain } from '../src/server/audit/audit-verify';
import { setAuditKey } from '../src/server/audit/audit-chain';
import { resolveAuditKey } from '../src/server/audit/audit-key';
import { readAnchors } from '../src/server/audit/audit-anchor';

const config = loadConfig();
const key = resolveAuditKey(config, { create: false });
if (key.key) setAuditKey(key.key);
else console.warn('未配置审计密钥，使用开发密钥校验 (no AUDIT_KEY or key file: checking with the development key)');
const anchors = readAnchors(config.auditAnchorFile);
const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const res = await verifyAuditChain(store.db, { anchors });
await store.close();
const anchorNote = anchors.length ? `，锚点 ${anchors.length} 个 (${anchors.length} anchors)` : '，无锚点文件 (no anchor file)';
if (res.ok) {
  console.log(`审计链完整：已校验 ${res.checked} 条记录${anchorNote} (audit chain intact: ${res.checked} entries)`);
} else {
  console.error(`审计链被篡改：第 ${res.brokenAt} 条 — ${res.reason} (checked ${res.checked} before it)`);
  process.exit(1);
}
