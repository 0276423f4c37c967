import { describe, expect, it } from 'vitest';
import { useJourney } from './support/journey';
import { request } from 'playwright-core';
import { newContext } from './support/browser';

const FULL_PHONE = '13812345678';

describe('property register (browser)', () => {
  const j = useJourney();
  const signedIn = j.signedIn;

  it('ARC-12 kefu finds household 3-2-1502 and sees a masked phone', async () => {
    const page = await signedIn('kefu');
    // Every API answer the browser receives, to prove the full number never left the server unasked.
    const bodies: Promise<string>[] = [];
    page.on('response', (r) => {
      // (the live notification stream never ends, and carries no household data)
      const path = new URL(r.url()).pathname;
      if (path.startsWith('/api/') && path !== '/api/events') bodies.push(r.text().catch(() => ''));
    });

    await page.getByRole('menuitem', { name: '房屋档案' }).click();
    const search = page.getByPlaceholder(/姓名或手机号后四位，回车查找/);
    await search.waitFor();
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
    // The page's hint says "/" finds the search box: pressed inside it, it types nothing.
    await search.press('/');
    expect(await search.inputValue()).toBe('');
    await search.fill('3-2-1502');
    await search.press('Enter');

    await page.getByTestId('household-link').filter({ hasText: '3-2-1502' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('业户档案 3-2-1502').waitFor();
    const ownerRow = drawer.getByRole('row').filter({ hasText: '张伟明' });
    await ownerRow.getByText('业主').waitFor();
    await ownerRow.getByText('138****5678').waitFor();

    expect(await page.content()).not.toContain(FULL_PHONE);
    expect(await page.evaluate(() => document.body.innerText)).not.toContain(FULL_PHONE);
    const seen = await Promise.all(bodies);
    expect(seen.length).toBeGreaterThan(0);
    for (const body of seen) expect(body).not.toContain(FULL_PHONE);

    // The audited reveal: a reason first, then the full number.
    await ownerRow.getByRole('button', { name: '查看张伟明的电话' }).click();
    const modal = page.getByRole('dialog').filter({ hasText: '查看原因' });
    await modal.getByLabel('查看原因').fill('业主来电报修，回拨确认上门时间');
    await modal.getByRole('button', { name: '确认查看' }).click();
    await ownerRow.getByText(FULL_PHONE).waitFor();
    expect(await page.evaluate(() => document.body.innerText)).toContain(FULL_PHONE);
  });

  it('ARC-12 a revealed number is masked again after half a minute', async () => {
    const page = await signedIn('kefu');
    await page.clock.install();
    await page.goto('/register');
    const search = page.getByPlaceholder(/姓名或手机号后四位，回车查找/);
    await search.fill('3-2-1502');
    await search.press('Enter');
    await page.getByTestId('household-link').filter({ hasText: '3-2-1502' }).click();
    const ownerRow = page.getByRole('dialog').getByRole('row').filter({ hasText: '张伟明' });
    await ownerRow.getByRole('button', { name: '查看张伟明的电话' }).click();
    const modal = page.getByRole('dialog').filter({ hasText: '查看原因' });
    await modal.getByLabel('查看原因').fill('业主来电报修，回拨确认上门时间');
    await modal.getByRole('button', { name: '确认查看' }).click();
    await ownerRow.getByText(FULL_PHONE).waitFor();
    await page.clock.runFor(20_000);
    expect(await ownerRow.getByText(FULL_PHONE).count()).toBe(1);
    await page.clock.runFor(11_000);
    await ownerRow.getByText('138****5678').waitFor();
    expect(await ownerRow.getByText(FULL_PHONE).count()).toBe(0);
  });

  it('the demo estate loads', async () => {
    const page = await signedIn('kefu');
    await page.goto('/register');
    await page.locator('[data-tree-kind="project"]', { hasText: '佳宏花园' }).waitFor();
    await expect.poll(() => page.locator('[data-tree-kind="district"]').count()).toBe(3);
    await expect.poll(() => page.locator('[data-tree-kind="building"]').count()).toBe(12);
    for (const d of ['东区', '中区', '西区']) await page.locator('[data-tree-kind="district"]', { hasText: d }).waitFor();

    // 12 buildings x 2 entrances x 21 floors x 2 rooms.
    await page.getByTestId('unit-total').filter({ hasText: '共 1008 套' }).waitFor();
    await expect.poll(() => page.getByTestId('unit-table').locator('tbody tr.ant-table-row').count()).toBe(50);

    await page.locator('[data-tree-kind="building"]', { hasText: '3栋' }).click();
    await page.getByTestId('unit-total').filter({ hasText: '共 84 套' }).waitFor();
    const filter = page.getByPlaceholder('按房号筛选');
    await filter.fill('1502');
    await filter.press('Enter');
    await page.getByTestId('unit-total').filter({ hasText: '共 2 套' }).waitFor();
    await page.getByTestId('unit-table').getByRole('link', { name: '3-2-1502' }).waitFor();

    // Keyboard-first: `/` from anywhere focuses the search box.
    await page.locator('[data-tree-kind="building"]', { hasText: '3栋' }).click();
    await page.keyboard.press('/');
    const search = page.getByPlaceholder(/姓名或手机号后四位，回车查找/);
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('admin switches project and sees the other estate', async () => {
    const page = await signedIn('admin');
    await page.goto('/register');
    await page.locator('[data-tree-kind="project"]', { hasText: '佳宏花园' }).waitFor();
    await page.getByLabel('切换项目').click();
    await page.locator('.ant-select-item-option', { hasText: '佳宏锦园' }).click();
    await page.locator('[data-tree-kind="project"]', { hasText: '佳宏锦园' }).waitFor();
    await expect.poll(() => page.locator('[data-tree-kind="building"]').count()).toBe(1);
    await page.getByTestId('unit-total').filter({ hasText: '共 10 套' }).waitFor();
  });

  it('ARC-12 a reveal is on the audit trail the supervisor reads', async () => {
    // kefu reveals the owner's phone through the API, as the drawer does.
    const api = await request.newContext({ baseURL: j.server.baseUrl });
    const login = await api.post('/api/auth/login', { data: { username: 'kefu', password: 'demo1234' } });
    const headers = { 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
    const found = await api.post('/api/households/search', { data: { q: '3-2-1502' }, headers });
    const owner = ((await found.json()) as { items: { persons: { id: string; relation: string }[] }[] }).items[0].persons.find((p) => p.relation === 'owner')!;
    const reveal = await api.post(`/api/persons/${owner.id}/reveal`, { data: { field: 'phone', reason: '回拨核对报修地址' }, headers });
    expect(reveal.status()).toBe(200);
    await api.dispose();

    const page = await signedIn('zhuguan');
    await page.getByRole('menuitem', { name: '审计日志' }).click();
    // Found by what the supervisor calls it and by the clerk's name, not by internal codes or login names.
    await page.getByLabel('动作').fill('查看完整号码');
    await page.getByLabel('操作人').fill('王晓丽');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    const row = page.getByRole('row').filter({ hasText: '回拨核对报修地址' });
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain('王晓丽');
    expect(text).toContain('查看完整号码');
    expect(text).toContain('原因：回拨核对报修地址');
    expect(text).not.toContain('person.reveal');
    expect(text).not.toContain('{');
    expect(text).not.toContain(FULL_PHONE);
  });

  it('kefu edits the household note, and a stale version is refreshed with a clear message', async () => {
    const page = await signedIn('kefu');
    await page.goto('/register');
    const search = page.getByPlaceholder(/姓名或手机号后四位，回车查找/);
    await search.fill('3-2-1502');
    await search.press('Enter');
    await page.getByTestId('household-link').filter({ hasText: '3-2-1502' }).click();
    const drawer = page.getByRole('dialog').filter({ hasText: '业户档案 3-2-1502' });

    await drawer.getByRole('button', { name: '修改入住/迁出日期、备注' }).click();
    let modal = page.getByRole('dialog').filter({ hasText: '修改入住/迁出日期、备注' }).filter({ has: page.getByLabel('备注') });
    await modal.getByLabel('备注').fill('业主常年在外，联系紧急联系人');
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已保存').waitFor();
    await modal.waitFor({ state: 'detached' });
    await drawer.getByText('业主常年在外，联系紧急联系人').waitFor();

    // Someone else saves the household meanwhile; this desk's next save meets a 409.
    const api = await request.newContext({ baseURL: j.server.baseUrl });
    const login = await api.post('/api/auth/login', { data: { username: 'zhuli', password: 'demo1234' } });
    const headers = { 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
    const id = new URL(page.url()).pathname.split('/').pop()!;
    const current = (await (await api.get(`/api/households/${id}`)).json()) as { version: number };
    expect((await api.patch(`/api/households/${id}`, { data: { version: current.version, note: '助理改过的备注' }, headers })).status()).toBe(200);
    await api.dispose();

    await drawer.getByRole('button', { name: '修改入住/迁出日期、备注' }).click();
    modal = page.getByRole('dialog').filter({ hasText: '修改入住/迁出日期、备注' }).filter({ has: page.getByLabel('备注') });
    await modal.getByLabel('备注').fill('过期版本的修改');
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('该记录已被他人修改').waitFor();
    await drawer.getByText('助理改过的备注').waitFor();
    expect(await drawer.getByText('过期版本的修改').count()).toBe(0);
  });
});
