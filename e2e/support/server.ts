import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { cpSync, existsSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { withLock } from './lock';
import { seedTemplateDir } from './seed-stamp';

export const ROOT = path.resolve(import.meta.dirname, '../..');

interface WebStamp {
  isWebBuildStale(): boolean;
  buildWeb(opts?: { stdio?: 'inherit' | 'pipe' }): string;
}

// scripts/web-stamp.mjs is plain JS shared with `npm start`; loaded by URL so TypeScript needs no declarations.
const loadStamp = () => import(pathToFileURL(path.join(ROOT, 'scripts/web-stamp.mjs')).href) as Promise<WebStamp>;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Builds dist/web when its sources changed since the last build (the same stamp as `npm start`). */
export async function ensureWebBuilt(): Promise<void> {
  const stamp = await loadStamp();
  if (!stamp.isWebBuildStale()) return;
  await withLock(path.join(ROOT, 'dist/.web-build.lock'), () => {
    if (!stamp.isWebBuildStale()) return;
    try {
      stamp.buildWeb({ stdio: 'pipe' });
    } catch (e) {
      const err = e as { stdout?: Buffer; stderr?: Buffer };
      throw new Error(`vite build failed:\n${err.stdout?.toString() ?? ''}\n${err.stderr?.toString() ?? ''}`);
    }
  });
}

export interface TestServer {
  baseUrl: string;
  dataDir: string;
  /** What the server printed, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

/** Extra environment for a test's server, e.g. `DEMO_VENDOR_PROMISED_MINUTES` (read by the demo seed). */
export type ServerEnv = Record<string, string>;

/**
 * Runs the real server (`node --import tsx src/server/main.ts`) over the given embedded data dir, on a port the
 * system picks when it binds (PORT=0), read back from its ready line: no port is chosen first and bound later,
 * so no other process can take it in between.
 */
async function runServer(dataDir: string, removeDataDir: boolean, extraEnv: ServerEnv = {}, readyWithinMs = 330_000, databaseUrl?: string): Promise<TestServer> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extraEnv, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', SERVE_WEB: '1', SEED_DEMO: '1' };
  delete env.DATABASE_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  let alive = true;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => (alive = false));

  let baseUrl = '';
  const stop = async () => {
    if (alive) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    if (removeDataDir) rmSync(dataDir, { recursive: true, force: true });
  };

  // Far above normal (a few seconds): a first start migrates and seeds, and a loaded shared machine may take minutes.
  const deadline = Date.now() + readyWithinMs;
  for (;;) {
    if (!alive) {
      await stop();
      throw new Error(`server exited before it was ready:\n${out}`);
    }
    const ready = /ready in \d+ ms on http:\/\/[^:\s]+:(\d+)/.exec(out);
    if (ready) {
      baseUrl = `http://127.0.0.1:${ready[1]}`;
      try {
        if ((await fetch(`${baseUrl}/api/health`)).ok) break;
      } catch {
        /* not answering yet */
      }
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`server not healthy in time:\n${out}`);
    }
    await sleep(100);
  }
  return { baseUrl, dataDir, output: () => out, stop };
}

/**
 * A store the server itself created and seeded with the demo estate, made once per change of the
 * migrations, seed or tables (initdb + seed take several seconds; copying takes a fraction of one).
 */
async function ensureSeedTemplate(extraEnv: ServerEnv): Promise<string> {
  const base = seedTemplateDir();
  // The seed may read the extra environment: such a store gets a template of its own.
  const keys = Object.keys(extraEnv).sort();
  const template = keys.length ? `${base}-${createHash('sha256').update(JSON.stringify(keys.map((k) => [k, extraEnv[k]]))).digest('hex').slice(0, 8)}` : base;
  if (existsSync(template)) return template;
  return withLock(`${template}.lock`, async () => {
    if (existsSync(template)) return template;
    // Seeded beside the template (same file system), then renamed into place in one step.
    const work = mkdtempSync(path.join(path.dirname(template), 'seeding-'));
    // Seeding the demo estate with its two years of past takes a while on a loaded machine.
    const s = await runServer(work, false, extraEnv, 900_000);
    await s.stop(); // a clean shutdown: the data dir is consistent on disk
    renameSync(work, template);
    // The seeding server's key and anchor files (beside its data dir) are of no use to the copies.
    for (const extra of ['.audit-key', '.audit-anchor']) rmSync(`${work}${extra}`, { force: true });
    // Templates of earlier sources are of no further use (those of the same sources with other env are).
    const cache = path.dirname(base);
    for (const old of readdirSync(cache)) {
      const full = path.join(cache, old);
      if (old.startsWith('e2e-seed-') && !full.startsWith(base) && !old.endsWith('.lock')) rmSync(full, { recursive: true, force: true });
    }
    return template;
  });
}

/**
 * The real server on a fresh temporary data dir holding the demo estate; `stop()` kills it and removes the
 * dir. `env` is passed to the server, and to the seeding of its store.
 */
export async function startServer(opts: { env?: ServerEnv; store?: E2eStore } = {}): Promise<TestServer> {
  const env = opts.env ?? {};
  if (opts.store === 'postgres') return startPostgresServer(env);
  const [, template] = await Promise.all([ensureWebBuilt(), ensureSeedTemplate(env)]);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'wd-e2e-'));
  cpSync(template, dataDir, { recursive: true });
  return runServer(dataDir, true, env);
}

export type E2eStore = 'embedded' | 'postgres';
/** Journeys that prove a database clause run on both stores when PostgreSQL is configured (as in CI). */
export const E2E_STORES: E2eStore[] = process.env.TEST_DATABASE_URL ? ['embedded', 'postgres'] : ['embedded'];

/**
 * The real server on a new database of the PostgreSQL server in TEST_DATABASE_URL, which it migrates and seeds
 * with the demo estate itself (as `npm start` does on an empty production database); dropped by `stop()`.
 */
async function startPostgresServer(env: ServerEnv): Promise<TestServer> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('a PostgreSQL journey needs TEST_DATABASE_URL');
  const name = `wd_e2e_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    try {
      await c.query(q);
    } finally {
      await c.end();
    }
  };
  await Promise.all([ensureWebBuilt(), admin(`CREATE DATABASE ${name}`)]);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'wd-e2e-pg-'));
  const s = await runServer(dataDir, true, env, 900_000, url.toString());
  return {
    ...s,
    stop: async () => {
      await s.stop();
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
