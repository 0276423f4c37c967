import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useJourney } from './support/journey';
import { ROOT } from './support/server';
import { drawSignature, expectFocus, recordCallByKeyboard } from './support/service-desk';

const SHOTS = path.join(ROOT, 'test-results', 'screens');
const DESK = { width: 1366, height: 768 };

/** The desk as its users meet it (issue 13): one-step close of an inquiry answered on the spot. */
describe('the desk, polished (browser)', () => {
  const j = useJourney();
  mkdirSync(SHOTS, { recursive: true });

  it('CALL-3 an inquiry answered on the spot is replied to and signed off in one dialog, right after saving it', async () => {
    const kefu = await j.signedIn('kefu', DESK);
    await kefu.waitForURL((u) => u.pathname === '/calls/new');
    const number = await recordCallByKeyboard(kefu, { room: '3-2-1502', category: '咨询', content: '询问物业费缴费方式', expectClass: '咨询' });
    await kefu.getByTestId('intake-answer-close').click();
    const dialog = kefu.getByRole('dialog').filter({ hasText: '当场答复并销项' });
    await dialog.getByLabel('答复内容（告知业户的结果）').fill('可在前台或线上缴纳，已告知业户');
    await drawSignature(kefu);
    await kefu.screenshot({ path: path.join(SHOTS, 'answer-close-1366.png') });
    await dialog.getByRole('button', { name: '答复并销项' }).click();
    const closeNumber = (await dialog.getByTestId('close-number').innerText()).trim();
    expect(closeNumber).toMatch(/^XX\d{8}-\d{4}$/);
    await dialog.getByRole('button', { name: '确 定' }).or(dialog.getByRole('button', { name: '确定' })).click();
    // the record is closed with its number, the reply on it, and nothing more to do
    await kefu.goto('/calls?q=' + encodeURIComponent(number));
    await kefu.getByText(number).first().click();
    await kefu.getByTestId('call-close-number').filter({ hasText: closeNumber }).waitFor();
    await kefu.getByText('可在前台或线上缴纳，已告知业户').first().waitFor();
    expect(await kefu.getByRole('button', { name: '签字销项' }).count()).toBe(0);
    expect(await kefu.getByRole('button', { name: '当场答复并销项' }).count()).toBe(0);
    // breadcrumbs: where the page sits, each level a way back
    const crumbs = kefu.getByTestId('breadcrumbs');
    await expect.poll(() => crumbs.innerText()).toMatch(/工作台\s*\/\s*来电来访记录\s*\/\s*详情/);
    await crumbs.getByRole('link', { name: '来电来访记录' }).click();
    await kefu.waitForURL((u) => u.pathname === '/calls');
    await expect.poll(() => crumbs.innerText()).toMatch(/工作台\s*\/\s*来电来访记录$/);
  });

  it('清空 asks before it discards a filled intake form, and keeps it when the clerk says no', async () => {
    const kefu = await j.signedIn('zhuli', DESK);
    await kefu.waitForURL((u) => u.pathname === '/calls/new');
    const content = kefu.getByPlaceholder(/业户反映的情况/);
    await content.fill('楼下噪音扰民，晚上十点后仍在装修');
    await kefu.getByRole('button', { name: /清\s*空/ }).click();
    const confirm = kefu.locator('.ant-popconfirm');
    await confirm.waitFor();
    await kefu.screenshot({ path: path.join(SHOTS, 'intake-clear-confirm-1366.png') });
    await confirm.getByRole('button', { name: /保\s*留/ }).click();
    expect(await content.inputValue()).toBe('楼下噪音扰民，晚上十点后仍在装修');
  });

  it('CALL-5 the intake names the warranty engineer a Z job will go to before it is saved', async () => {
    const kefu = await j.signedIn('kefu', DESK);
    await kefu.waitForURL((u) => u.pathname === '/calls/new');
    await kefu.getByLabel('房号或电话').fill('3-2-1502');
    await kefu.keyboard.press('Enter');
    await kefu.getByTestId('intake-household').getByText('3-2-1502').waitFor();
    await expectFocus(kefu, '报事类别');
    await kefu.keyboard.type('漏水');
    await kefu.locator('.ant-select-item-option-active').waitFor();
    await kefu.keyboard.press('Enter');
    await kefu.getByTestId('class-proposal').getByTestId('class-tag').filter({ hasText: 'Z 保修' }).waitFor();
    await expect.poll(() => kefu.getByTestId('intake-z-engineer').innerText()).toMatch(/保存后自动派给开发商保修工程师：\S+/);
  });

  it('the statistics and the ledger open on the same period', async () => {
    const page = await j.signedIn('zhuguan', DESK);
    const range = async (url: string) => {
      await page.goto(url);
      const inputs = page.locator('.ant-picker-range input');
      await inputs.first().waitFor();
      await expect.poll(() => inputs.first().inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      return Promise.all([inputs.nth(0).inputValue(), inputs.nth(1).inputValue()]);
    };
    expect(await range('/reports/stats')).toEqual(await range('/reports/ledger'));
  });
});
