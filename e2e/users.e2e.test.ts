import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, type Browser, type Page } from 'playwright-core';
import { launchBrowser, loginAs, newContext } from './support/browser';
import { startServer, type TestServer } from './support/server';

const openDropdown = (page: Page) => page.locator('.ant-select-dropdown:visible');

/**
 * Picks an option of an antd Select by typing its label, then closes a multiple select's list by clicking the
 * dialog's title. (Not Escape: one that arrives after the list has closed closes the whole dialog.)
 */
async function choose(page: Page, label: string, option: string) {
  const input = page.getByLabel(label, { exact: true });
  const field = page.getByRole('dialog').locator('.ant-form-item').filter({ has: input });
  // On a loaded machine a click can land while the filtered list re-renders: the choice is checked on the field and
  // made again if it did not take (a user would see the empty field and pick again).
  for (let attempt = 1; ; attempt++) {
    await input.click();
    await input.fill(option);
    await openDropdown(page).locator('.ant-select-item-option', { hasText: option }).first().click();
    await page.getByRole('dialog').locator('.ant-modal-title').click();
    await expect.poll(() => openDropdown(page).count()).toBe(0);
    if ((await field.innerText()).includes(option)) return;
    if (attempt === 3) throw new Error(`${label}: ${option} was not chosen; the field shows: ${await field.innerText()}`);
  }
}

describe('user administration (browser)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('admin creates a user and that user can log in', async () => {
    const adminCtx = await newContext(browser, server.baseUrl);
    const admin = await adminCtx.newPage();
    await loginAs(admin, 'admin');
    await admin.getByRole('menuitem', { name: '用户管理' }).click();
    await admin.getByRole('cell', { name: 'kefu', exact: true }).waitFor();

    await admin.getByRole('button', { name: '新建用户' }).click();
    const dialog = admin.getByRole('dialog').filter({ hasText: '新建用户' });
    await dialog.getByLabel('用户名', { exact: true }).fill('kefu_e2e');
    await dialog.getByLabel('姓名', { exact: true }).fill('李新客服');
    // Too short first: the form says so in Chinese before anything is sent.
    await dialog.getByLabel('密码', { exact: true }).fill('short');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText('密码至少 8 位').waitFor();
    await dialog.getByLabel('密码', { exact: true }).fill('Desk-2026-pass');
    await choose(admin, '角色', '客服专员');
    await choose(admin, '负责项目', '佳宏花园');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    // Saved: the dialog closes (a refusal would keep it open — its text then says why), then the new row appears,
    // waited for with a limit far above normal (argon2 and a refetch on a loaded machine).
    await dialog.waitFor({ state: 'hidden', timeout: 120_000 }).catch(async (e: unknown) => {
      throw new Error(`the new user's dialog stayed open: ${await dialog.innerText().catch(() => '?')}`, { cause: e });
    });
    await admin.getByRole('cell', { name: 'kefu_e2e', exact: true }).waitFor({ timeout: 150_000 });
    const row = admin.getByRole('row').filter({ hasText: 'kefu_e2e' });
    expect(await row.innerText()).toContain('客服专员');
    expect(await row.innerText()).toContain('佳宏花园');

    // The server's own field error comes back onto the field: the same username again.
    await admin.getByRole('button', { name: '新建用户' }).click();
    await dialog.getByLabel('用户名', { exact: true }).fill('kefu_e2e');
    await dialog.getByLabel('姓名', { exact: true }).fill('重名');
    await dialog.getByLabel('密码', { exact: true }).fill('Desk-2026-pass');
    await choose(admin, '角色', '客服助理');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText('用户名已被使用').waitFor();
    await dialog.getByRole('button', { name: /取\s*消/ }).click();

    const userCtx = await newContext(browser, server.baseUrl);
    const user = await userCtx.newPage();
    await loginAs(user, 'kefu_e2e', 'Desk-2026-pass');
    await user.getByTestId('current-user').filter({ hasText: '李新客服' }).waitFor();
    await user.getByRole('menuitem', { name: '房屋档案' }).waitFor();
    expect(await user.getByRole('menuitem', { name: '用户管理' }).count()).toBe(0);
    await Promise.all([adminCtx.close(), userCtx.close()]);
  }, 300_000);

  it('admin editing a user someone else just changed gets a clear 409 message and the fresh record', async () => {
    const ctx = await newContext(browser, server.baseUrl);
    const page = await ctx.newPage();
    await loginAs(page, 'admin');
    await page.goto('/admin/users');
    await page.getByRole('button', { name: '编辑用户 zhuli' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '编辑用户' });
    await dialog.getByLabel('姓名', { exact: true }).waitFor();

    // Meanwhile another administrator renames the same user.
    const api = await request.newContext({ baseURL: server.baseUrl });
    const login = await api.post('/api/auth/login', { data: { username: 'admin', password: 'demo1234' } });
    const headers = { 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
    const list = (await (await api.get('/api/users')).json()) as { items: { id: string; username: string; version: number }[] };
    const zhuli = list.items.find((u) => u.username === 'zhuli')!;
    expect((await api.patch(`/api/users/${zhuli.id}`, { data: { version: zhuli.version, displayName: '陈敏(已改名)' }, headers })).status()).toBe(200);
    await api.dispose();

    await dialog.getByLabel('姓名', { exact: true }).fill('陈敏敏');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText('该记录已被他人修改').waitFor();
    // The form now shows the other administrator's version; saving again goes through.
    await expect.poll(() => dialog.getByLabel('姓名', { exact: true }).inputValue()).toBe('陈敏(已改名)');
    await dialog.getByLabel('姓名', { exact: true }).fill('陈敏敏');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByRole('cell', { name: '陈敏敏', exact: true }).waitFor();
    await ctx.close();
  });
});
