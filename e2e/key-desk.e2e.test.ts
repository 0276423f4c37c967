import { describe, expect, it } from 'vitest';
import { useJourney } from './support/journey';

/** Issue 11, point 6: the guards' and the front desk's own pages carry the key desk. */
describe('key desk on the guards\' and front desk\'s pages (browser)', () => {
  const j = useJourney();

  it('KEY-2 the front desk sees the key desk on its intake page and the guard on his duty page (phone), each a step from the key register; the CS specialist, who keeps no keys, does not', async () => {
    const qiantai = await j.signedIn('qiantai', { width: 1366, height: 768 });
    await qiantai.waitForURL(/\/calls\/new/);
    const desk = qiantai.getByTestId('key-desk');
    await desk.getByText('钥匙台').waitFor();
    await desk.locator('.ant-list-items, .ant-list-empty-text').first().waitFor();
    await qiantai.screenshot({ path: 'test-results/key-desk-intake-1366.png', fullPage: true });
    await desk.getByRole('link', { name: '借出、归还、登记钥匙' }).click();
    await qiantai.waitForURL(/\/keys/);
    await qiantai.getByText('钥匙清单').first().waitFor();

    const baoan = await j.signedIn('baoan', { width: 390, height: 844 });
    await baoan.waitForURL(/\/duty/);
    const guardDesk = baoan.getByTestId('key-desk');
    await guardDesk.getByText('钥匙台').waitFor();
    await guardDesk.locator('.ant-list-items, .ant-list-empty-text').first().waitFor();
    await guardDesk.scrollIntoViewIfNeeded();
    await baoan.screenshot({ path: 'test-results/key-desk-duty-390.png' });

    const kefu = await j.signedIn('kefu');
    await kefu.waitForURL(/\/calls\/new/);
    // the intake page itself, drawn (the key card would be drawn with it), not only the menu of the layout
    await kefu.getByTestId('desk-figures').waitFor();
    await kefu.getByLabel('房号或电话').waitFor();
    expect(await kefu.getByTestId('key-desk').count()).toBe(0);
  }, 420_000);
});
