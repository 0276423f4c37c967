import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** The element that has the keyboard, described well enough to assert on. */
export const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName ?? '', label: el?.getAttribute('aria-label') ?? '', id: el?.id ?? '' };
  });

export async function expectFocus(page: Page, label: string): Promise<void> {
  await expect.poll(async () => (await focused(page)).label, { timeout: 30_000 }).toBe(label);
}

/**
 * Records a call on the intake screen from the keyboard only: room code + Enter, category by typing +
 * Enter, the content, Ctrl+Enter. Returns the record's number from the success message.
 */
export async function recordCallByKeyboard(page: Page, o: { room: string; category: string; content: string; expectClass: string; expectProposal?: string }): Promise<string> {
  await expectFocus(page, '房号或电话');
  await page.keyboard.type(o.room);
  await page.keyboard.press('Enter');
  await page.getByTestId('intake-household').getByText(o.room).waitFor();
  // The household fills the caller and puts the keyboard on the category.
  await expectFocus(page, '报事类别');
  await page.keyboard.type(o.category);
  await page.locator('.ant-select-item-option-active').waitFor();
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await focused(page)).tag).toBe('TEXTAREA');
  await page.keyboard.type(o.content);
  await page.getByTestId('class-proposal').getByTestId('class-tag').filter({ hasText: o.expectClass }).waitFor();
  if (o.expectProposal) await page.getByTestId('class-proposal').getByText(o.expectProposal).waitFor();
  await page.keyboard.press('Control+Enter');
  const saved = page.getByTestId('intake-saved');
  await saved.waitFor();
  const number = /LD\d{8}-\d{4}/.exec(await saved.innerText())?.[0];
  expect(number).toBeTruthy();
  return number!;
}

/** Draws a signature-like stroke across a canvas with the mouse. */
export async function drawSignature(page: Page, testId = 'signature-pad'): Promise<void> {
  const pad = page.getByTestId(testId);
  // The dialog zooms in: measure once it has settled.
  let last = '';
  await expect
    .poll(
      async () => {
        const now = JSON.stringify(await pad.boundingBox());
        const settled = now === last;
        last = now;
        return settled;
      },
      { interval: 100 },
    )
    .toBe(true);
  const box = (await pad.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 30, y);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + 30 + i * 20, y + (i % 2 ? -30 : 30), { steps: 3 });
  await page.mouse.up();
  await page.mouse.move(box.x + 80, y + 40);
  await page.mouse.down();
  await page.mouse.move(box.x + 220, y - 40, { steps: 8 });
  await page.mouse.up();
}
