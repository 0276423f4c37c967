import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useJourney } from './support/journey';
import { ROOT } from './support/server';
import { DEMO_USERS } from '../src/domain/users/demo-accounts';

/** Where the screenshots go (ignored by git); the suite names it on its last line. */
const SHOTS = path.join(ROOT, 'test-results', 'screens');
const DESK = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

// Every demo account's first screen, desk roles at the desk's size, doers and guards on a phone. Each sign-in is its
// own test with its own browser context: fourteen sign-ins in one test once ran past that test's time limit on a
// loaded machine (every sign-in waits for the shell and the page's data; one slow answer was enough).
const PHONE_ROLES = new Set(['weixiu', 'gongchengshi', 'lingban', 'baoan', 'banzhang', 'menwei', 'waibu']);
const FIRST_SCREENS = DEMO_USERS.map((u) => ({ username: u.username, viewport: PHONE_ROLES.has(u.username) ? PHONE : DESK }));

describe('what each role sees first (browser)', () => {
  const j = useJourney();
  mkdirSync(SHOTS, { recursive: true });
  afterAll(() => console.log(`screenshots of every role's first screen: ${SHOTS}`));

  it.each(FIRST_SCREENS)('$username signs in to a page that loaded (no error page), saved for review', async ({ username, viewport }) => {
    const page = await j.signedIn(username, viewport);
    await page.getByTestId('current-user').waitFor();
    await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => undefined);
    expect(await page.getByTestId('route-error').count(), username).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, `first-${username}-${viewport.width}.png`) });
  });

  it('the desk opens on its numbers of the day: today, open, overdue, waiting for verification (from the demo past)', async () => {
    const page = await j.signedIn('kefu', DESK);
    await page.waitForURL((u) => u.pathname === '/calls/new');
    const value = async (key: string) => {
      const v = page.getByTestId(`desk-${key}`).locator('.ant-statistic-content-value');
      await expect.poll(async () => (await v.innerText()).trim(), { timeout: 60_000 }).toMatch(/^\d+$/);
      return Number((await v.innerText()).trim());
    };
    expect(await value('open')).toBeGreaterThan(0);
    expect(await value('overdue')).toBeGreaterThan(0);
    expect(await value('verify')).toBeGreaterThan(0);
    expect(await value('today')).toBeGreaterThanOrEqual(0);
    await page.screenshot({ path: path.join(SHOTS, 'desk-today-1366.png') });
    const phone = await j.signedIn('qiantai', PHONE);
    await phone.getByTestId('desk-figures').waitFor();
    await phone.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => undefined);
    await phone.screenshot({ path: path.join(SHOTS, 'desk-today-390.png'), fullPage: true });
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it('a manager opens on figures from the demo past: the statistics over the last year are not empty', async () => {
    const page = await j.signedIn('zhongxin', DESK);
    await page.getByTestId('manager-home').waitFor();
    await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => undefined);
    const open = page.getByTestId('manager-home').locator('.ant-statistic-content-value').first();
    await expect.poll(async () => (await open.innerText()).trim()).toMatch(/^\d+/);
    await page.screenshot({ path: path.join(SHOTS, 'manager-home-history-1366.png') });
  });

  it('the call list at 1366×768 keeps the number, deadline, close-out number and recorder in view', async () => {
    const page = await j.signedIn('kefu', DESK);
    await page.goto('/calls');
    const header = (name: string) => page.getByRole('columnheader', { name, exact: true }).first();
    await header('期限').waitFor();
    for (const name of ['编号', '期限', '销项编号', '记录人']) {
      const box = await header(name).boundingBox();
      expect(box, name).not.toBeNull();
      expect(box!.x, name).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width, name).toBeLessThanOrEqual(DESK.width);
    }
    await page.screenshot({ path: path.join(SHOTS, 'calls-list-1366.png') });
  });
});
