// npm start: build the web app when its sources changed since the last build, then serve.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const stampFile = path.join(root, 'dist/web/.build-stamp');

function walk(p, out) {
  if (!existsSync(p)) return out;
  const st = statSync(p);
  if (st.isDirectory()) for (const f of readdirSync(p).sort()) walk(path.join(p, f), out);
  else out.push(`${path.relative(root, p)}:${st.size}:${st.mtimeMs}`);
  return out;
}

export function webSourceStamp() {
  const files = ['src/web', 'src/domain', 'index.html', 'vite.config.ts', 'package-lock.json'].flatMap((p) => walk(path.join(root, p), []));
  return createHash('sha256').update(files.join('\n')).digest('hex');
}

const stamp = webSourceStamp();
const built = existsSync(stampFile) ? readFileSync(stampFile, 'utf8') : '';
if (built !== stamp || process.env.FORCE_BUILD === '1') {
  console.log('构建前端 (building the web app)…');
  execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
  writeFileSync(stampFile, stamp);
}

const { register } = await import('tsx/esm/api');
register();
await import('../src/server/main.ts');
