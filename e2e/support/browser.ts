import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DEMO_PASSWORD = 'demo1234';

/** Debian's Chromium, never a downloaded browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export async function newContext(browser: Browser, baseUrl: string): Promise<BrowserContext> {
  // Reduced motion (the app then turns antd's animations off): a click never lands on a dialog still zooming in.
  // On a CPU-starved renderer a confirm button looked still for two frames mid-animation, the click missed it, and
  // the dialog stayed open with its reason filled in (a reveal journey, once in a loop of runs).
  const context = await browser.newContext({ baseURL: baseUrl, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 860 }, reducedMotion: 'reduce' });
  // What the user would see, waited for with a limit far above normal: the suite runs on a shared, loaded machine.
  context.setDefaultTimeout(60_000);
  return context;
}

/** Signs in through the login form and waits for the signed-in shell. */
export async function loginAs(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('current-user').waitFor();
}

/**
 * Script errors and console errors of a page (a CSP refusal shows up here), except the browser's own
 * "Failed to load resource" lines for the 401/404 answers a journey expects.
 */
export function trackProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`);
  });
  return problems;
}
