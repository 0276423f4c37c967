import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useJourney } from './support/journey';
import { LeakScan } from './support/leak-scan';

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/household-register-${name}.png` });
const PHONE = '13912340001';
const CORRECTED = '13912340002';

async function openHousehold(page: Page, code: string) {
  await page.goto('/register');
  const search = page.getByPlaceholder(/姓名或手机号后四位，回车查找/);
  await search.fill(code);
  await search.press('Enter');
  await page.getByTestId('household-link').filter({ hasText: code }).click();
  const drawer = page.getByRole('dialog').filter({ hasText: `业户档案 ${code}` });
  await drawer.getByRole('row').filter({ hasText: '业主' }).first().waitFor();
  return drawer;
}

/** The modal with this title (antd modals are dialogs too; the drawer is another). */
const modal = (page: Page, title: string) => page.getByRole('dialog').filter({ has: page.locator('.ant-modal-title', { hasText: title }) });

describe('household register kept from the household page (browser)', () => {
  const j = useJourney();

  it('ARC-12 kefu adds a person with a phone, corrects it, records a vehicle and the move-out, and reads the masked history; nothing leaks', async () => {
    const scan = new LeakScan();
    const page = await j.signedIn('kefu', { width: 1366, height: 768 });
    await scan.watch(page);
    const drawer = await openHousehold(page, '3-2-1502');

    // Add a person with a phone: the table shows it masked.
    await drawer.getByRole('button', { name: '添加人员' }).click();
    let form = modal(page, '添加人员');
    await form.getByLabel('姓名').fill('李新租');
    await form.getByLabel('关系').click();
    await page.locator('.ant-select-item-option', { hasText: '租户' }).click();
    await form.getByLabel('电话').fill('12345');
    await form.getByLabel('电话').press('Enter');
    // The server's Chinese field message lands under the field; nothing is saved.
    await form.getByText('请输入正确的手机号或座机号').waitFor();
    await form.getByLabel('电话').fill(PHONE);
    await form.getByLabel('电话').press('Enter');
    await form.waitFor({ state: 'detached' });
    const row = drawer.getByRole('row').filter({ hasText: '李新租' });
    await row.getByText('139****0001').waitFor();
    await row.getByText('租户').waitFor();

    // Correct the phone: the field starts empty and shows the masked value as a hint.
    await row.getByRole('button', { name: '修改李新租' }).click();
    form = modal(page, '修改人员');
    expect(await form.getByLabel('电话').inputValue()).toBe('');
    expect(await form.getByLabel('电话').getAttribute('placeholder')).toContain('139****0001');
    await form.getByLabel('电话').fill(CORRECTED);
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await form.waitFor({ state: 'detached' });
    await row.getByText('139****0002').waitFor();

    // A vehicle: a bad plate is refused with the server's message, the corrected one is listed.
    await drawer.getByRole('tab', { name: /车辆/ }).click();
    await drawer.getByText('尚未登记车辆').waitFor();
    await drawer.getByRole('button', { name: '登记车辆' }).click();
    form = modal(page, '登记车辆');
    await form.getByLabel('车牌号').fill('ABC123');
    await form.getByLabel('车位').fill('B2-066');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await form.getByText('车牌号格式不正确，如 粤B12345').waitFor();
    await form.getByLabel('车牌号').fill('粤b 88888');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await form.waitFor({ state: 'detached' });
    await drawer.getByTestId('vehicle-table').getByText('粤B88888').waitFor();
    await drawer.getByTestId('vehicle-table').getByText('B2-066').waitFor();

    // Move-out: the person stays in the file, marked.
    await drawer.getByRole('tab', { name: /人员/ }).click();
    await row.getByRole('button', { name: '登记李新租迁出' }).click();
    form = modal(page, '登记迁出');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await form.waitFor({ state: 'detached' });
    await row.getByTestId('moved-out').waitFor();
    expect(await row.getByRole('button', { name: '登记李新租迁出' }).count()).toBe(0);

    // The history: who, which field, old → new, masked.
    await drawer.getByRole('tab', { name: '变更记录' }).click();
    const history = drawer.getByTestId('history-table');
    await history.getByText('修改 · 电话：139****0001 → 139****0002').waitFor();
    await history.getByText('新增 · 电话：139****0001').waitFor();
    await history.getByText('新增 · 车牌号：粤B88888').waitFor();
    await history.getByText(/迁出 · 迁出日期：/).waitFor();
    expect(await history.getByRole('row').filter({ hasText: '139****0001 → 139****0002' }).innerText()).toContain('王晓丽');
    await shot(page, 'history-1366');

    const text = await page.evaluate(() => document.body.innerText);
    for (const n of [PHONE, CORRECTED, '13812345678']) expect(text).not.toContain(n);
    expect(scan.count.responses).toBeGreaterThan(5);
    expect(await scan.leaks()).toEqual([]);
  }, 420_000);

  it('the household file on a phone (390×844): tabs, forms and empty states fit', async () => {
    const page = await j.signedIn('zhuli', { width: 390, height: 844 });
    const drawer = await openHousehold(page, '3-2-1502');
    await shot(page, 'persons-390');
    await drawer.getByRole('tab', { name: /装修/ }).click();
    await drawer.getByText('尚无装修记录').waitFor();
    await drawer.getByRole('button', { name: '登记装修' }).click();
    const form = modal(page, '登记装修记录');
    await form.getByLabel('装修公司').fill('深圳美居装饰');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await form.getByText('请选择开工日期').waitFor();
    await shot(page, 'renovation-form-390');
    await form.getByLabel('装修许可证号').fill('ZX-2026-031');
    await form.getByLabel('开工日期').click();
    await form.getByLabel('开工日期').fill('2026-06-01');
    // Keyboard only: Enter in the date field takes the typed date and saves the form.
    await form.getByLabel('开工日期').press('Enter');
    await form.waitFor({ state: 'detached' });
    await drawer.getByTestId('renovation-table').getByText('深圳美居装饰').waitFor();
    await drawer.getByTestId('renovation-table').getByText('未验收').waitFor();
    await shot(page, 'renovations-390');
    await drawer.getByRole('tab', { name: '变更记录' }).click();
    await drawer.getByTestId('history-table').getByText('新增 · 装修公司：深圳美居装饰').waitFor();
    await shot(page, 'history-390');
  }, 420_000);
});
