import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, loginAs, newContext } from './support/browser';
import { startServer, type TestServer } from './support/server';

describe('access by role (browser)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('baoan has no property register in the menu and gets 404 from its URL', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await loginAs(page, 'baoan');

    const menu = page.getByRole('menu');
    // A guard's work is his emergency steps (issue 10) and the key desk (KEY-2): where he lands, and nothing of the register.
    await menu.getByRole('menuitem', { name: '应急任务' }).waitFor();
    expect(await menu.getByRole('menuitem').allInnerTexts()).toEqual(['应急任务', '钥匙管理']);
    await page.waitForURL((u) => u.pathname === '/duty');

    await page.goto('/register');
    await page.getByText('页面不存在', { exact: true }).waitFor();
    expect(await page.getByPlaceholder(/姓名或手机号后四位，回车查找/).count()).toBe(0);
    expect(await page.locator('[data-tree-kind]').count()).toBe(0);

    // The API gives the same answer as the page: the register's routes do not exist for a guard.
    const api = await page.request.post('/api/households/search', {
      data: { q: '3-2-1502' },
      headers: { 'x-csrf-token': (await context.cookies()).find((c) => c.name === 'wd_csrf')?.value ?? '' },
    });
    expect(api.status()).toBe(404);

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL((u) => u.pathname === '/login');
    await page.getByLabel('用户名', { exact: true }).waitFor();
    expect(new URL(page.url()).search).toBe('');
    const me = await page.request.get('/api/auth/me');
    expect(me.status()).toBe(401);
    await context.close();
  });

  it('a signed-out visitor is sent to the login page and comes back after signing in', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await page.goto('/register');
    await page.waitForURL(/\/login\?next=%2Fregister/);
    await page.getByLabel('用户名', { exact: true }).fill('kefu');
    await page.getByLabel('密码', { exact: true }).fill('demo1234');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((u) => u.pathname === '/register');
    await page.getByPlaceholder(/姓名或手机号后四位，回车查找/).waitFor();
    await context.close();
  });
});
