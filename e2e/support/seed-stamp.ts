import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
// Everything that decides what a freshly seeded store holds.
const SOURCES = ['drizzle', 'src/server/seed', 'src/server/db', 'src/domain', 'package-lock.json'];

function walk(p: string, out: string[]): string[] {
  if (!existsSync(p)) return out;
  const st = statSync(p);
  if (st.isDirectory()) for (const f of readdirSync(p).sort()) walk(path.join(p, f), out);
  else if (!/\.test\.ts$/.test(p)) out.push(`${path.relative(ROOT, p)}:${st.size}:${st.mtimeMs}`);
  return out;
}

/**
 * Where the seeded template store for the current sources lives: in this checkout's own cache (ignored by git),
 * so two checkouts running their suites at once never remove each other's templates.
 */
export function seedTemplateDir(): string {
  const stamp = createHash('sha256')
    .update(SOURCES.flatMap((s) => walk(path.join(ROOT, s), [])).join('\n'))
    .digest('hex')
    .slice(0, 16);
  return path.join(ROOT, '.cache', `e2e-seed-${stamp}`);
}
