import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS, openTestStore, testConfig, TestClock, type TestStore } from '../testing/harness';
import { buildApp } from '../app';
import { SetupRefused, setupFirstAdmin } from './setup';

describe.each(STORE_KINDS)('first administrator of a store without demo data on %s', (kind) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(kind);
  });
  afterAll(() => store.drop());

  const base = { projectCode: 'XHY', projectName: '新华苑', username: 'zhangjl', displayName: '张经理' };

  it.each(['12345678', 'password', 'aaaaaaaa', 'zhangjl1', 'xhy12345'])('refuses the weak password %s with a Chinese reason', async (password) => {
    const err = await setupFirstAdmin(store, { ...base, password }, new Date()).catch((e) => e);
    expect(err).toBeInstanceOf(SetupRefused);
    expect(err.message).toMatch(/密码太容易被猜到/);
  });

  it('creates the administrator and the estate once; the administrator signs in; a second run is refused', async () => {
    await setupFirstAdmin(store, { ...base, password: 'Lantern-Orchid-58' }, new Date());
    const app = await buildApp({ store, config: testConfig(), now: new TestClock().now, logger: false });
    try {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'zhangjl', password: 'Lantern-Orchid-58' } });
      expect(res.statusCode).toBe(200);
      const notice = await app.inject({ method: 'GET', url: '/api/auth/notice' });
      expect(notice.json()).toEqual({ demoAccounts: false });
    } finally {
      await app.close();
    }
    await expect(setupFirstAdmin(store, { ...base, username: 'other', password: 'Lantern-Orchid-58' }, new Date())).rejects.toThrow(/已有用户/);
  });
});

describe('npm run setup, as an operator runs it', () => {
  it('reads the password from standard input, creates the administrator, and refuses a weak one with a Chinese reason', async () => {
    const { spawnSync } = await import('node:child_process');
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const root = path.resolve(import.meta.dirname, '../../..');
    const dir = mkdtempSync(path.join(tmpdir(), 'wd-setup-'));
    const run = (password: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'scripts/setup.ts', '--project-code', 'XHY', '--project-name', '新华苑', '--username', 'zhangjl'], {
        cwd: root,
        input: password,
        encoding: 'utf8',
        env: { ...process.env, DATA_DIR: path.join(dir, 'data'), DATABASE_URL: '', SEED_DEMO: '0' },
      });
    try {
      const weak = run('12345678');
      expect(weak.status).toBe(1);
      expect(weak.stderr).toContain('密码太容易被猜到');
      const ok = run('Lantern-Orchid-58');
      expect(ok.status, ok.stderr).toBe(0);
      expect(ok.stdout).toContain('已创建管理员 zhangjl');
      const again = run('Lantern-Orchid-58');
      expect(again.status).toBe(1);
      expect(again.stderr).toContain('已有用户');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
