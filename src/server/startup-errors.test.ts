import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { freePort, spawnServer } from './testing/spawn';

const ROOT = path.resolve(import.meta.dirname, '../..');

function start(env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'warn', SERVE_WEB: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => resolve({ code, out }));
  });
}

describe('start-up errors say what to fix in one line, without a stack trace', () => {
  it('a DATABASE_URL with a wrong port', async () => {
    const port = await freePort(); // nothing listens there
    const { code, out } = await start({ DATABASE_URL: `postgres://wuye:secret@127.0.0.1:${port}/wuye`, PORT: String(await freePort()) });
    expect(code).toBe(1);
    expect(out).toContain('启动失败：无法连接数据库');
    expect(out).toContain('DATABASE_URL');
    expect(out).not.toContain('secret'); // the password is not printed
    expect(out).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('production without an audit key', async () => {
    const { code, out } = await start({ NODE_ENV: 'production', DATABASE_URL: 'postgres://127.0.0.1:1/none', AUDIT_KEY: '' });
    expect(code).toBe(1);
    expect(out).toContain('AUDIT_KEY');
    expect(out).not.toMatch(/\n\s+at /);
  });

  it('production refuses a store whose demo passwords still work, unless explicitly allowed', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wd-prod-'));
    try {
      const env = { NODE_ENV: 'production', AUDIT_KEY: 'k'.repeat(40), DATA_DIR: path.join(dir, 'data') };
      const refused = await start({ ...env, PORT: String(await freePort()) });
      expect(refused.code).toBe(1);
      expect(refused.out).toContain('演示账号仍使用默认密码');
      expect(refused.out).toContain('ALLOW_DEMO_PASSWORDS');
      const allowed = await spawnServer({ ...env, ALLOW_DEMO_PASSWORDS: '1' });
      expect(allowed.output()).toContain('演示账号仍可用默认密码登录');
      await allowed.kill();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000); // two starts on a fresh embedded store (initdb, migrations, demo seed): far above normal on a busy machine
});
