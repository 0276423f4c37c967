// npm run audit:verify — recomputes the audit trail's hash chain and says whether it is untouched.
import { loadConfig } from '../src/server/env';
import { openStore } from '../src/server/db/store';
import { verifyAuditChain } from '../src/server/audit/audit-verify';

const config = loadConfig();
const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const res = await verifyAuditChain(store.db);
await store.close();
if (res.ok) {
  console.log(`审计链完整：已校验 ${res.checked} 条记录 (audit chain intact: ${res.checked} entries)`);
} else {
  console.error(`审计链被篡改：第 ${res.brokenAt} 条 — ${res.reason} (checked ${res.checked} before it)`);
  process.exit(1);
}
