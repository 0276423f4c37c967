import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = path.resolve(import.meta.dirname, '../..');

interface WebStamp {
  isWebBuildStale(): boolean;
  buildWeb(opts?: { stdio?: 'inherit' | 'pipe' }): string;
}

// scripts/web-stamp.mjs is plain JS shared with `npm start`; loaded by URL so TypeScript needs no declarations.
const loadStamp = () => import(pathToFileURL(path.join(ROOT, 'scripts/web-stamp.mjs')).href) as Promise<WebStamp>;

const LOCK = path.join(ROOT, 'dist/.web-build.lock');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Builds dist/web when its sources changed since the last build (the same stamp as `npm start`).
 * Test files run in parallel workers: a lock directory makes one build and the others wait for it.
 */
export async function ensureWebBuilt(): Promise<void> {
  const stamp = await loadStamp();
  if (!stamp.isWebBuildStale()) return;
  mkdirSync(path.dirname(LOCK), { recursive: true });
  const deadline = Date.now() + 170_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      try {
        // A lock left by a killed run is old; take it over.
        if (Date.now() - statSync(LOCK).mtimeMs > 180_000) rmSync(LOCK, { recursive: true, force: true });
      } catch {
        /* released meanwhile */
      }
      if (Date.now() > deadline) throw new Error('等待前端构建超时 (web build lock held too long)');
      await sleep(250);
    }
  }
  try {
    if (stamp.isWebBuildStale()) {
      try {
        stamp.buildWeb({ stdio: 'pipe' });
      } catch (e) {
        const err = e as { stdout?: Buffer; stderr?: Buffer };
        throw new Error(`vite build failed:\n${err.stdout?.toString() ?? ''}\n${err.stderr?.toString() ?? ''}`);
      }
    }
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface TestServer {
  baseUrl: string;
  dataDir: string;
  /** What the server printed, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

/** The real server (`node --import tsx src/server/main.ts`) on a free port, on a fresh embedded store with the demo seed. */
export async function startServer(): Promise<TestServer> {
  await ensureWebBuilt();
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'wd-e2e-'));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', SERVE_WEB: '1', SEED_DEMO: '1' };
  delete env.DATABASE_URL;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let alive = true;
  void exited.then(() => (alive = false));

  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (alive) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 150_000;
  for (;;) {
    if (!alive) {
      await stop();
      throw new Error(`server exited before it was ready:\n${out}`);
    }
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`server not healthy in time:\n${out}`);
    }
    await sleep(100);
  }
  return { baseUrl, dataDir, output: () => out, stop };
}
