// `node scripts/test-report.mjs clear` — empties .cache/test-report/ before a full run, so the traceability check reads
// only the reports of this run (a report left from an earlier, partial run must not prove anything).
import { rmSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const dir = path.resolve(import.meta.dirname, '../.cache/test-report');
if (process.argv[2] === 'clear') {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
}
