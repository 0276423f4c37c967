import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useJourney } from './support/journey';

/** kefu's first page (the call intake) has arrived and finished loading, so what follows is about the next page only. */
async function landed(page: Page): Promise<void> {
  await page.waitForURL((u) => u.pathname === '/calls/new');
  await page.getByLabel('房号或电话').waitFor();
  await page.getByTestId('page-progress').waitFor({ state: 'hidden' });
}

describe('a server blip (browser)', () => {
  const j = useJourney();

  it('a page whose code cannot be fetched shows a Chinese error inside the layout and recovers by itself when the server answers again', async () => {
    const page = await j.signedIn('kefu');
    const menu = page.getByRole('menuitem', { name: '房屋档案' });
    await menu.waitFor();
    await landed(page);

    // The server becomes unreachable: every request of this tab fails, the page's code included.
    const down = (route: { abort: (code: string) => Promise<void> }) => route.abort('connectionrefused');
    await page.context().route('**/*', down);
    await menu.click();

    const error = page.getByTestId('route-error');
    await error.getByText('暂时连不上服务器').waitFor();
    expect(await error.innerText()).toContain('服务器恢复后本页会自动重新加载');
    const shown = await page.evaluate(() => document.body.innerText);
    expect(shown).not.toMatch(/Unexpected Application Error|Hey developer/);
    // The layout stayed: the menu is still there to use.
    expect(await page.getByRole('menuitem', { name: '房屋档案' }).count()).toBe(1);

    // The server returns: the page reloads itself and shows the register, nobody clicks anything.
    await page.context().unroute('**/*', down);
    await page.getByPlaceholder(/姓名或手机号后四位，回车查找/).waitFor();
    expect(new URL(page.url()).pathname).toBe('/register');
    expect(await page.getByTestId('route-error').count()).toBe(0);
  });

  it('on a slow link a bar shows that the next page is loading, and goes once it has', async () => {
    const page = await j.signedIn('kefu');
    const menu = page.getByRole('menuitem', { name: '房屋档案' });
    await menu.waitFor();
    await landed(page);
    // Every script of the next page arrives only when the test lets it through.
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    const slow = async (route: { continue: () => Promise<void> }) => {
      await released;
      await route.continue();
    };
    await page.context().route('**/assets/*.js', slow);
    await menu.click();
    await page.getByTestId('page-progress').waitFor();
    release();
    await page.getByPlaceholder(/姓名或手机号后四位，回车查找/).waitFor();
    await page.getByTestId('page-progress').waitFor({ state: 'hidden' });
    await page.context().unroute('**/assets/*.js', slow);
  });
});
