import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import pg from 'pg';

/**
 * Backup and restore of either store (npm run backup / npm run restore):
 *  - embedded (PGlite): the whole data dir as a .tar.gz (PGlite's dumpDataDir / loadDataDir);
 *  - PostgreSQL: pg_dump's custom format, restored as one psql transaction of pg_restore's script.
 * A restore never overwrites a store that holds anything unless forced; a forced restore of the
 * embedded store keeps the old data dir beside it, and a forced PostgreSQL restore is one
 * transaction, so a failed restore leaves the old data in place.
 */

export type StoreKind = 'embedded' | 'postgres';
export interface Target {
  /** postgres://… — a PostgreSQL server; unset: the embedded store in dataDir. */
  databaseUrl?: string;
  dataDir: string;
}

export class OpsError extends Error {}

export interface BackupReport {
  kind: StoreKind;
  file: string;
  bytes: number;
  sha256: string;
}

export interface RestoreReport {
  kind: StoreKind;
  /** Where the embedded store that was there before now is (forced restore only). */
  movedAside?: string;
}

const GZIP = Buffer.from([0x1f, 0x8b]);
const PGDMP = Buffer.from('PGDMP');

/** What a backup file holds, by its first bytes. */
export function backupFormat(file: string): StoreKind | 'unknown' {
  const head = readFileSync(file).subarray(0, 5);
  if (head.subarray(0, 2).equals(GZIP)) return 'embedded';
  if (head.equals(PGDMP)) return 'postgres';
  return 'unknown';
}

const kindOf = (t: Target): StoreKind => (t.databaseUrl ? 'postgres' : 'embedded');

/** Writes next to the final name, then renames: a half-written backup never carries the real name. Owner-only: it holds personal data. */
function writeAtomically(file: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = `${file}.partial-${randomBytes(4).toString('hex')}`;
  return write(tmp).then(
    () => {
      chmodSync(tmp, 0o600);
      renameSync(tmp, file);
    },
    (e: unknown) => {
      rmSync(tmp, { force: true });
      throw e;
    },
  );
}

function report(kind: StoreKind, file: string): BackupReport {
  const data = readFileSync(file);
  return { kind, file, bytes: data.length, sha256: createHash('sha256').update(data).digest('hex') };
}

export async function backup(target: Target, outFile: string, opts: { force?: boolean } = {}): Promise<BackupReport> {
  const file = path.resolve(outFile);
  if (existsSync(file) && !opts.force) throw new OpsError(`${file} already exists; choose another name or pass --force to replace it`);
  mkdirSync(path.dirname(file), { recursive: true });
  if (target.databaseUrl) {
    const { url, env } = connection(target.databaseUrl);
    await writeAtomically(file, (tmp) => run(bin('pg_dump'), ['--format=custom', '--compress=6', `--file=${tmp}`, `--dbname=${url}`], env));
    return report('postgres', file);
  }
  const dir = path.resolve(target.dataDir);
  if (!existsSync(path.join(dir, 'PG_VERSION'))) throw new OpsError(`${dir} is not an embedded store (no PG_VERSION)`);
  // PGlite keeps postmaster.pid while a process has the store open; two processes on one data dir corrupt it.
  if (existsSync(path.join(dir, 'postmaster.pid'))) {
    throw new OpsError(`${dir} is open (postmaster.pid): stop the app first. After a crash, start and stop the app once so the store recovers, then back up.`);
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(dir);
  try {
    await db.exec('CHECKPOINT');
    const tarball = await db.dumpDataDir('gzip');
    const bytes = Buffer.from(await tarball.arrayBuffer());
    await writeAtomically(file, async (tmp) => writeFileSync(tmp, bytes));
  } finally {
    await db.close();
  }
  return report('embedded', file);
}

export async function restore(target: Target, inFile: string, opts: { force?: boolean } = {}): Promise<RestoreReport> {
  const file = path.resolve(inFile);
  if (!existsSync(file)) throw new OpsError(`${file} does not exist`);
  const kind = kindOf(target);
  const format = backupFormat(file);
  if (format === 'unknown') throw new OpsError(`${file} is not a Wuye Desk backup (neither a PGlite .tar.gz nor a pg_dump custom archive)`);
  if (format !== kind) {
    throw new OpsError(`${file} is a backup of the ${format} store, but the target is the ${kind} store${kind === 'postgres' ? ' (DATABASE_URL is set)' : ' (DATABASE_URL is unset)'}`);
  }
  return kind === 'postgres' ? restorePostgres(target.databaseUrl!, file, Boolean(opts.force)) : restoreEmbedded(path.resolve(target.dataDir), file, Boolean(opts.force));
}

async function restoreEmbedded(dir: string, file: string, force: boolean): Promise<RestoreReport> {
  const occupied = existsSync(dir) && readdirSync(dir).length > 0;
  if (occupied && !force) throw new OpsError(`${dir} is not empty; restoring would replace that store. Pass --force to restore anyway (the old data dir is kept beside it).`);
  if (existsSync(path.join(dir, 'postmaster.pid'))) throw new OpsError(`${dir} is open (postmaster.pid): stop the app first`);
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new OpsError(`${dir} is not a directory`);
  // Unpack beside the target first: a bad archive leaves the current store untouched.
  // Unzipped and checked here: PGlite reports a damaged archive as an unhandled rejection, not to its caller.
  let tar: Buffer;
  try {
    tar = gunzipSync(readFileSync(file));
  } catch (e) {
    throw new OpsError(`${file} is damaged: ${(e as Error).message}`);
  }
  if (tar.subarray(257, 262).toString('latin1') !== 'ustar') throw new OpsError(`${file} is damaged: not a tar archive inside`);
  const staging = `${dir}.restoring-${randomBytes(4).toString('hex')}`;
  const { PGlite } = await import('@electric-sql/pglite');
  try {
    const db = await PGlite.create(staging, { loadDataDir: new Blob([new Uint8Array(tar)], { type: 'application/x-tar' }) });
    await db.query('SELECT 1');
    await db.close();
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw new OpsError(`${file} could not be loaded: ${(e as Error).message}`);
  }
  let movedAside: string | undefined;
  if (existsSync(dir)) {
    if (occupied) {
      movedAside = `${dir}.pre-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(dir, movedAside);
    } else {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  mkdirSync(path.dirname(dir), { recursive: true });
  renameSync(staging, dir);
  return { kind: 'embedded', movedAside };
}

/** The application's own schemas: what "empty" means and what a forced restore replaces. */
const APP_SCHEMAS = ['public', 'drizzle'];

export async function postgresTableCount(databaseUrl: string): Promise<number> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const r = await c.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = ANY($1)', [APP_SCHEMAS]);
    return r.rows[0].n;
  } finally {
    await c.end();
  }
}

async function restorePostgres(databaseUrl: string, file: string, force: boolean): Promise<RestoreReport> {
  const tables = await postgresTableCount(databaseUrl);
  if (tables > 0 && !force) {
    throw new OpsError(`the target database already has ${tables} tables; restoring would replace them. Restore into a new empty database, or pass --force.`);
  }
  const { url, env } = connection(databaseUrl);
  // The archive becomes an SQL script first (in a private temporary folder: it holds personal data), so a
  // damaged archive fails before anything is touched. Then the old schemas are dropped and the script is
  // replayed in one transaction: all of it, or none of it.
  const work = mkdtempSync(path.join(tmpdir(), 'wd-restore-'));
  try {
    const script = path.join(work, 'restore.sql');
    await run(bin('pg_restore'), ['--no-owner', '--no-acl', `--file=${script}`, file], env);
    const reset = force ? APP_SCHEMAS.map((s) => `DROP SCHEMA IF EXISTS ${s} CASCADE;`).join(' ') + ' CREATE SCHEMA public;' : 'SELECT 1;';
    await run(bin('psql'), ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '--single-transaction', '-c', reset, '-f', script, `--dbname=${url}`], env);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return { kind: 'postgres' };
}

/** PostgreSQL client tools: PG_BIN points at a folder of a matching major version, else the PATH. */
function bin(name: string): string {
  return process.env.PG_BIN ? path.join(process.env.PG_BIN, name) : name;
}

/** The URL without its password, which goes through PGPASSWORD so it never shows in `ps`. */
function connection(databaseUrl: string): { url: string; env: NodeJS.ProcessEnv } {
  const u = new URL(databaseUrl);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (u.password) {
    env.PGPASSWORD = decodeURIComponent(u.password);
    u.password = '';
  }
  return { url: u.toString(), env };
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('error', (e) => reject(new OpsError(`${cmd}: ${e.message}`)));
    p.on('close', (code) => (code === 0 ? resolve() : reject(new OpsError(`${cmd} exited with ${code}: ${err.trim()}`))));
  });
}
