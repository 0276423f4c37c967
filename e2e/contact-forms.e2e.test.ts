import { describe, expect, it } from 'vitest';
import { useJourney } from './support/journey';

describe('work contact forms (browser)', () => {
  const j = useJourney();

  it('LINK-1 LINK-2 engineering sends a work contact form to security, which signs and replies, and engineering closes it', async () => {
    const lingban = await j.signedIn('lingban');
    await lingban.goto('/contact-forms');
    await lingban.getByTestId('contact-form-new').click();
    const send = lingban.getByRole('dialog').filter({ hasText: '要求达到的结果' });
    await send.getByLabel('接收部门', { exact: true }).click();
    await lingban.locator('.ant-select-item-option').filter({ hasText: '保安部' }).click();
    await send.getByLabel('事由', { exact: true }).fill('配合停水检修');
    await send.getByLabel('具体内容', { exact: true }).fill('周六 9:00-12:00 3 栋停水检修，请安排保安在大堂值守');
    await send.getByLabel('要求达到的结果', { exact: true }).fill('检修期间大堂有人值守');
    await send.getByRole('button', { name: '发联系单' }).click();
    await lingban.waitForURL((u) => /^\/contact-forms\/[0-9a-f-]{36}$/.test(u.pathname));
    const url = new URL(lingban.url()).pathname;
    const title = await lingban.getByTestId('contact-form-number').innerText();
    expect(title).toMatch(/LX\d{8}-\d{4}/);
    await lingban.getByTestId('contact-form-status').filter({ hasText: '待签收' }).waitFor();

    // Security's leader finds it among what his department received, signs and replies.
    const banzhang = await j.signedIn('banzhang');
    await banzhang.goto('/contact-forms');
    await banzhang.locator('tr').filter({ hasText: '配合停水检修' }).first().click();
    await banzhang.waitForURL((u) => u.pathname === url);
    await banzhang.getByTestId('contact-form-sign').click();
    await banzhang.getByTestId('contact-form-status').filter({ hasText: '已签收处理中' }).waitFor();
    await banzhang.getByTestId('contact-form-reply').click();
    const reply = banzhang.getByRole('dialog').filter({ hasText: '处理结果' });
    await reply.getByLabel('处理结果').fill('已安排两名保安在大堂值守');
    await reply.getByRole('button', { name: /回\s*复/ }).click();
    await banzhang.getByTestId('contact-form-status').filter({ hasText: '已回复待确认' }).waitFor();
    // the receiver cannot close it: no such button for him
    expect(await banzhang.getByTestId('contact-form-close').count()).toBe(0);

    // Engineering confirms and closes it.
    await lingban.reload();
    await lingban.getByTestId('contact-form-reply-text').filter({ hasText: '已安排两名保安' }).waitFor();
    await lingban.getByTestId('contact-form-close').click();
    const close = lingban.getByRole('dialog').filter({ hasText: '确认意见' });
    await close.getByRole('button', { name: '确认关闭' }).click();
    await lingban.getByTestId('contact-form-status').filter({ hasText: '已关闭' }).waitFor();
    if (process.env.SHOTS_DIR) {
      for (const [w, h] of [[1366, 768], [390, 844]] as const) {
        await lingban.setViewportSize({ width: w, height: h });
        await lingban.goto(url);
        await lingban.getByTestId('contact-form-status').filter({ hasText: '已关闭' }).waitFor();
        await lingban.screenshot({ path: `${process.env.SHOTS_DIR}/contact-form-detail-${w}.png` });
      }
    }
    await lingban.setViewportSize({ width: 390, height: 844 });
    await lingban.goto(url);
    await lingban.getByTestId('contact-form-status').filter({ hasText: '已关闭' }).waitFor();
    expect(await lingban.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
