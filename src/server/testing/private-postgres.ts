import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { freePort } from './spawn';

/** The server binaries of the machine's PostgreSQL (Debian layout). */
function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort() : [];
  if (!versions.length) throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql');
  return path.join(root, versions[versions.length - 1], 'bin');
}

/**
 * A throw-away PostgreSQL cluster of our own on a free port, so a test may stop and start it without
 * disturbing the shared server other tests use. Runs as the postgres user when we are root.
 */
export class PrivatePostgres {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'wd-pg-'));
  port = 0;
  private bin = binDir();

  private run(cmd: string, args: string[]) {
    const asRoot = userInfo().uid === 0;
    const file = asRoot ? 'runuser' : path.join(this.bin, cmd);
    const argv = asRoot ? ['-u', 'postgres', '--', path.join(this.bin, cmd), ...args] : args;
    return execFileSync(file, argv, { stdio: 'pipe', timeout: 60_000 });
  }

  async init(): Promise<this> {
    if (userInfo().uid === 0) execFileSync('chown', ['postgres:postgres', this.dir]);
    this.port = await freePort();
    this.run('initdb', ['-D', this.dir, '-A', 'trust', '-U', 'postgres', '--no-sync']);
    this.start();
    return this;
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  start(): void {
    this.run('pg_ctl', ['-D', this.dir, '-w', '-l', path.join(this.dir, 'log'), '-o', `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
  }

  /** Stops at once, as a crash or a failover would. */
  stop(): void {
    this.run('pg_ctl', ['-D', this.dir, '-w', '-m', 'immediate', 'stop']);
  }

  destroy(): void {
    try {
      this.stop();
    } catch {
      /* already down */
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
