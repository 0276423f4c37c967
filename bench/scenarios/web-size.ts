/**
 * Scenario 4: size of the built web app — the JavaScript a first visit downloads (scripts referenced by
 * dist/web/index.html and, transitively, their static imports), and the largest chunk, gzip level 9.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { entry, type Entry } from '../lib/report';
import { log } from '../lib/progress';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = path.join(ROOT, 'dist/web');

const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (bytes: number) => bytes / 1024;

function ensureBuilt(notes: string[]): boolean {
  if (existsSync(path.join(DIST, 'index.html'))) return true;
  if (!existsSync(path.join(ROOT, 'index.html')) || !existsSync(path.join(ROOT, 'vite.config.ts'))) {
    notes.push('web build size: skipped, no dist/web and no index.html + vite.config.ts to build from');
    return false;
  }
  log('dist/web/index.html missing: running npx vite build');
  const r = spawnSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], timeout: 300_000 });
  if (r.status !== 0 || !existsSync(path.join(DIST, 'index.html'))) {
    notes.push(`web build size: skipped, vite build failed (exit ${r.status})`);
    return false;
  }
  return true;
}

/** A local JS file an HTML src/href or an import specifier points to, or null for anything else. */
function resolveLocal(fromDir: string, ref: string): string | null {
  if (/^(https?:)?\/\//.test(ref) || !ref.endsWith('.js')) return null;
  const file = ref.startsWith('/') ? path.join(DIST, ref) : path.resolve(fromDir, ref);
  return file.startsWith(DIST + path.sep) && existsSync(file) ? file : null;
}

/** Static imports only (`import{…}from"./x.js"`, `import"./x.js"`); dynamic import("…") loads later. */
const STATIC_IMPORT = /(?:^|[;}\s])(?:import|export)\s*(?:[\w$\s{},*]*?\s*from\s*)?["']([^"']+\.js)["']/g;

function initialScripts(): string[] {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const queue: string[] = [];
  for (const m of html.matchAll(/<script[^>]*\ssrc="([^"]+)"|<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) {
    const f = resolveLocal(DIST, m[1] ?? m[2]);
    if (f) queue.push(f);
  }
  const seen = new Set<string>();
  while (queue.length) {
    const f = queue.shift()!;
    if (seen.has(f)) continue;
    seen.add(f);
    for (const m of readFileSync(f, 'utf8').matchAll(STATIC_IMPORT)) {
      const dep = resolveLocal(path.dirname(f), m[1]);
      if (dep && !seen.has(dep)) queue.push(dep);
    }
  }
  return [...seen];
}

function allScripts(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const f = path.join(dir, name);
    return statSync(f).isDirectory() ? allScripts(f) : f.endsWith('.js') ? [f] : [];
  });
}

export function webSizeScenario(notes: string[]): Entry[] {
  if (!ensureBuilt(notes)) return [];
  const initial = initialScripts();
  const all = allScripts(DIST);
  if (all.length === 0) {
    notes.push('web build size: dist/web has no .js files');
    return [];
  }
  const sizes = all.map((f) => ({ f, gz: gz(f) })).sort((a, b) => b.gz - a.gz);
  const initialGz = initial.reduce((sum, f) => sum + gz(f), 0);
  const totalGz = sizes.reduce((sum, s) => sum + s.gz, 0);
  notes.push(`web initial JS = ${initial.map((f) => path.relative(DIST, f)).join(' + ')}; largest chunk ${path.relative(DIST, sizes[0].f)}`);
  return [
    entry(`web: initial JS (index.html scripts + static imports, ${initial.length} files), gzip`, kb(initialGz), 'KiB'),
    entry('web: largest JS chunk, gzip', kb(sizes[0].gz), 'KiB'),
    entry(`web: all JS (${all.length} files), gzip`, kb(totalGz), 'KiB'),
  ];
}
