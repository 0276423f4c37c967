import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useJourney } from './support/journey';
import { drawSignature } from './support/service-desk';

/** ARC-12: every JSON answer the page receives, kept to scan for unmasked phone or ID numbers. */
function watchAnswers(page: Page, bodies: string[]) {
  page.on('response', (res) => {
    if (!res.url().includes('/api/') || !(res.headers()['content-type'] ?? '').includes('application/json')) return;
    res.text().then((b) => bodies.push(b), () => undefined);
  });
}

/** Picks an option of the antd Select labelled `label` inside the open dialog. */
async function pick(page: Page, label: string, option: string) {
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
}

describe('key desk (browser)', () => {
  const j = useJourney();

  it('KEY-4 KEY-2 KEY-3 a key is refused to a borrower without the owner\'s written authorisation, lent to the owner, becomes overdue, is chased on the guard leader\'s phone and returned', async () => {
    const qiantai = await j.signedIn('qiantai');
    const bodies: string[] = [];
    watchAnswers(qiantai, bodies);
    await qiantai.goto('/keys');
    const row = qiantai.getByTestId('key-K-3-2-1502');
    await row.getByRole('button', { name: /出\s*借/ }).click();
    const dialog = qiantai.getByRole('dialog');
    await dialog.getByText('业主书面授权人', { exact: true }).click();
    await pick(qiantai, '授权业主', '张伟明');
    await dialog.getByLabel('借用人姓名').fill('李师傅');
    await dialog.getByText('已核验借用人身份证件').click();
    await dialog.getByLabel('借用事由').fill('装修工人进场');
    await pick(qiantai, '批准人', '赵丹');
    // The pad is at the foot of a long form: bring it into view before signing.
    await dialog.getByTestId('signature-pad').scrollIntoViewIfNeeded();
    await drawSignature(qiantai);
    await dialog.getByRole('button', { name: '确认出借' }).click();
    // No written authorisation: refused, in Chinese, and the key stays in the cabinet.
    await expect.poll(() => dialog.getByTestId('lend-error').innerText()).toContain('没有业主的书面授权');

    // The owner himself, with the key due back in a minute or two by the browser's clock.
    await dialog.getByText('业主本人', { exact: true }).click();
    await pick(qiantai, '业主', '张伟明');
    const due = await qiantai.evaluate(() => {
      const d = new Date(Date.now() + 120_000);
      const p = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
    });
    await dialog.getByLabel('应还时间').fill(due);
    await dialog.getByRole('button', { name: '确认出借' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row.getByText('借出', { exact: true }).waitFor();

    // The guard leader, on his phone, sees the key out; once overdue the chase pops up and the row turns red.
    const banzhang = await j.signedIn('banzhang', { width: 390, height: 844 });
    watchAnswers(banzhang, bodies);
    await banzhang.goto('/keys?tab=out');
    const out = banzhang.getByTestId('loan-K-3-2-1502');
    await out.waitFor();
    const toast = banzhang.getByTestId('escalation-toast').filter({ hasText: 'K-3-2-1502' });
    await toast.waitFor({ timeout: 200_000 });
    expect(await toast.innerText()).toContain('钥匙逾期未还');
    expect(await toast.innerText()).not.toContain('张伟明');
    await expect.poll(async () => {
      await banzhang.reload();
      // The reloaded page's list first: counting before it has loaded would always say 0 on a slow machine.
      await out.waitFor();
      return out.getByTestId('loan-overdue').count();
    }, { timeout: 120_000, interval: 2000 }).toBe(1);
    expect(await out.innerText()).toContain('张**');

    // Returned: who handed it in, received by the signed-in guard leader.
    await out.getByRole('button', { name: /归\s*还/ }).click();
    const back = banzhang.getByRole('dialog');
    await back.getByLabel('交还人').fill('张伟明');
    await back.getByRole('button', { name: '确认归还' }).click();
    await back.waitFor({ state: 'detached' });
    await out.waitFor({ state: 'detached' });

    // The record sheet prints the lending with its return.
    await qiantai.goto('/keys/print');
    const sheet = qiantai.getByTestId('key-loan-sheet');
    await sheet.waitFor();
    const text = await sheet.innerText();
    expect(text).toContain('K-3-2-1502');
    expect(text).toContain('张伟明 / 胡刚');
    expect(text).toContain('赵丹');
    expect(text).not.toContain('李师傅');

    // ARC-12: nothing the key desk received carries the owner's phone or any ID number unmasked.
    expect(bodies.length).toBeGreaterThan(10);
    for (const b of bodies) {
      expect(b).not.toContain('13812345678');
      expect(b).not.toMatch(/(?<![0-9a-f-])\d{17}[\dX](?![0-9a-f])/);
    }
  }, 420_000);
});
