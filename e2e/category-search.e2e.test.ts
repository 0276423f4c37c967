import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useJourney } from './support/journey';
import { expectFocus, focused } from './support/service-desk';

const SHOTS = '/tmp';

const categoryItem = (page: Page) => page.locator('.ant-form-item').filter({ has: page.getByLabel('报事类别') });
const optionTexts = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').allInnerTexts();

/** Opens the category box with the keyboard in it and types what a desk would. */
async function typeCategory(page: Page, words: string): Promise<void> {
  await page.getByLabel('报事类别').click();
  await expectFocus(page, '报事类别');
  await page.keyboard.type(words);
  await page.locator('.ant-select-item-option-active').waitFor();
}

describe('category search by everyday words (browser)', () => {
  const j = useJourney();

  it('kefu finds the lift by 困人 (电梯 ranks it first), the fee inquiry by 物业费, and a word that matches nothing is kept as 其他', async () => {
    const kefu = await j.signedIn('kefu', { width: 1366, height: 768 });
    await kefu.waitForURL((u) => u.pathname === '/calls/new');
    await expectFocus(kefu, '房号或电话');
    await kefu.keyboard.type('3-2-1502');
    await kefu.keyboard.press('Enter');
    await kefu.getByTestId('intake-household').getByText('3-2-1502').waitFor();
    await expectFocus(kefu, '报事类别');

    // 电梯 lists the ranked matches: the lift's own category, then the public facilities (by their word 电梯).
    await kefu.keyboard.type('电梯');
    await kefu.locator('.ant-select-item-option-active').filter({ hasText: '电梯故障/困人' }).waitFor();
    const ranked = await optionTexts(kefu);
    expect(ranked).toHaveLength(2);
    expect(ranked[1]).toContain('公共设施报修');
    expect(ranked[1]).toContain('匹配“电梯”');
    await kefu.screenshot({ path: `${SHOTS}/catsearch-1366-dianti.png` });
    for (let i = 0; i < 2; i++) await kefu.keyboard.press('Backspace');

    // 困人 + Enter picks the lift's category and hands the keyboard to the description.
    await kefu.keyboard.type('困人');
    await kefu.locator('.ant-select-item-option-active').filter({ hasText: '电梯故障/困人' }).waitFor();
    await kefu.keyboard.press('Enter');
    await expect.poll(async () => (await focused(kefu)).tag).toBe('TEXTAREA');
    expect(await categoryItem(kefu).innerText()).toContain('电梯故障/困人');

    // 物业费 finds the inquiry.
    await typeCategory(kefu, '物业费');
    expect((await optionTexts(kefu))[0]).toContain('咨询');
    await kefu.keyboard.press('Enter');
    await expect.poll(async () => (await focused(kefu)).tag).toBe('TEXTAREA');
    expect(await categoryItem(kefu).innerText()).toContain('咨询');

    // Words that match nothing: 其他：<words>; Enter picks 其他, the words go to the description, and what is
    // typed next goes there too, not into the category box.
    await typeCategory(kefu, '喷泉雕塑');
    expect(await optionTexts(kefu)).toEqual([expect.stringContaining('其他：喷泉雕塑')]);
    await kefu.keyboard.press('Enter');
    await expect.poll(async () => (await focused(kefu)).tag).toBe('TEXTAREA');
    expect(await categoryItem(kefu).innerText()).toContain('其他');
    await kefu.keyboard.type('不出水');
    expect(await kefu.getByLabel('事由').inputValue()).toBe('喷泉雕塑不出水');
  });

  it('on a phone-sized page the ranked matches for 电梯 fit the screen', async () => {
    const kefu = await j.signedIn('kefu', { width: 390, height: 844 });
    await kefu.waitForURL((u) => u.pathname === '/calls/new');
    await typeCategory(kefu, '电梯');
    await kefu.locator('.ant-select-item-option-active').filter({ hasText: '电梯故障/困人' }).waitFor();
    expect(await optionTexts(kefu)).toHaveLength(2);
    await kefu.screenshot({ path: `${SHOTS}/catsearch-390-dianti.png` });
    expect(await kefu.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});

describe('picking a household among many hits (browser)', () => {
  const j = useJourney();

  it('every hit of "1502" is offered in room order, and the last one can be picked', async () => {
    const kefu = await j.signedIn('kefu', { width: 1366, height: 768 });
    await kefu.waitForURL((u) => u.pathname === '/calls/new');
    await expectFocus(kefu, '房号或电话');
    await kefu.keyboard.type('1502');
    await kefu.keyboard.press('Enter');
    const hits = kefu.getByTestId('lookup-hits').getByRole('button');
    await hits.first().waitFor();
    const labels = await hits.allInnerTexts();
    const heading = await kefu.getByRole('group').filter({ has: kefu.getByTestId('lookup-hits') }).getAttribute('aria-label');
    const n = Number(/(\d+)/.exec(heading ?? '')?.[1]);
    // Every hit the heading counts is on screen (not the first dozen only), counted in room order (2 before 10).
    expect(labels.length).toBe(n);
    expect(n).toBeGreaterThan(12);
    const codes = labels.map((l) => l.split(/\s/)[0]);
    const building = (c: string) => Number(c.split('-')[0]);
    for (let i = 1; i < codes.length; i++) expect(building(codes[i])).toBeGreaterThanOrEqual(building(codes[i - 1]));
    await hits.last().click();
    await kefu.getByTestId('intake-household').getByText(codes[codes.length - 1]).waitFor();
  });
});
