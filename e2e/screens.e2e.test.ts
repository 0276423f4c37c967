import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useJourney } from './support/journey';
import { ROOT } from './support/server';

/** Where the screenshots go (ignored by git); the suite names it on its last line. */
const SHOTS = path.join(ROOT, 'test-results', 'screens');
const DESK = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

// One account per role of the manual; the phone-first roles are looked at on a phone-sized screen.
const FIRST_SCREENS: { username: string; viewport: { width: number; height: number } }[] = [
  { username: 'admin', viewport: DESK },
  { username: 'kefu', viewport: DESK },
  { username: 'zhuli', viewport: DESK },
  { username: 'jingli', viewport: DESK },
  { username: 'zhuguan', viewport: DESK },
  { username: 'zhongxin', viewport: DESK },
  { username: 'qiantai', viewport: DESK },
  { username: 'weixiu', viewport: PHONE },
  { username: 'gongchengshi', viewport: PHONE },
  { username: 'lingban', viewport: PHONE },
  { username: 'baoan', viewport: PHONE },
  { username: 'banzhang', viewport: PHONE },
  { username: 'menwei', viewport: PHONE },
  { username: 'waibu', viewport: PHONE },
];

describe('what each role sees first (browser)', () => {
  const j = useJourney();
  mkdirSync(SHOTS, { recursive: true });
  afterAll(() => console.log(`screenshots of every role's first screen: ${SHOTS}`));

  it('each role signs in to a page that loaded (no error page), saved for review', async () => {
    for (const { username, viewport } of FIRST_SCREENS) {
      const page = await j.signedIn(username, viewport);
      await page.getByTestId('current-user').waitFor();
      await page.waitForLoadState('networkidle').catch(() => undefined);
      expect(await page.getByTestId('route-error').count(), username).toBe(0);
      await page.screenshot({ path: path.join(SHOTS, `first-${username}-${viewport.width}.png`) });
      await page.context().close();
    }
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
