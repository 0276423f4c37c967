// The web build's source stamp: a hash over the paths, sizes and mtimes of everything the Vite build
// reads. `npm start` and the e2e harness rebuild dist/web when it differs from dist/web/.build-stamp.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');
export const stampFile = path.join(root, 'dist/web/.build-stamp');
const SOURCES = ['src/web', 'src/domain', 'public', 'index.html', 'vite.config.ts', 'package-lock.json'];

function walk(p, out) {
  if (!existsSync(p)) return out;
  const st = statSync(p);
  if (st.isDirectory()) for (const f of readdirSync(p).sort()) walk(path.join(p, f), out);
  else out.push(`${path.relative(root, p)}:${st.size}:${st.mtimeMs}`);
  return out;
}

export function webSourceStamp() {
  const files = SOURCES.flatMap((p) => walk(path.join(root, p), []));
  return createHash('sha256').update(files.join('\n')).digest('hex');
}

export function builtStamp() {
  return existsSync(stampFile) ? readFileSync(stampFile, 'utf8') : '';
}

export function isWebBuildStale() {
  return builtStamp() !== webSourceStamp() || !existsSync(path.join(root, 'dist/web/index.html'));
}

/** Runs `vite build` and records the stamp of the sources it saw (taken before building). */
export function buildWeb({ stdio = 'inherit' } = {}) {
  const stamp = webSourceStamp();
  // A production bundle even when called from a test runner (Vitest sets NODE_ENV=test, which Vite would honour).
  const env = { ...process.env, NODE_ENV: 'production' };
  execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: root, stdio, env });
  writeFileSync(stampFile, stamp);
  return stamp;
}
