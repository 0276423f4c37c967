// npm run backup -- --out FILE [--force]
// Backs up the store the app is configured for: DATABASE_URL (pg_dump custom archive) or the embedded
// store in DATA_DIR (a .tar.gz of the data dir; stop the app first). See docs/OPERATIONS.md.
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/server/core/env';
import { backup, OpsError } from '../src/server/ops/backup';

const { values } = parseArgs({ options: { out: { type: 'string', short: 'o' }, force: { type: 'boolean', default: false } } });
if (!values.out) {
  console.error('usage: npm run backup -- --out FILE [--force]   (DATABASE_URL or DATA_DIR as for the app)');
  process.exit(2);
}
const config = loadConfig();
try {
  const r = await backup({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }, values.out, { force: values.force });
  console.log(`备份完成 backup written: ${r.file} (${r.kind} store, ${r.bytes} bytes, sha256 ${r.sha256})`);
} catch (e) {
  console.error(`备份失败 backup failed: ${(e as Error).message}`);
  process.exit(e instanceof OpsError ? 1 : 3);
}
