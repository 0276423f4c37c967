import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, loginAs, newContext, trackProblems } from './browser';
import { startServer, type E2eStore, type TestServer } from './server';

export interface Journey {
  readonly server: TestServer;
  readonly browser: Browser;
  /** A fresh browser context signed in as the user; closed after the test, its page errors checked. */
  signedIn(username: string, viewport?: { width: number; height: number }): Promise<Page>;
}

/**
 * The set-up every journey file shares: the real server and Chromium for the file, a context per user per
 * test, and after each test no script error and no CSP refusal on any page.
 */
export function useJourney(opts: { env?: Record<string, string>; store?: E2eStore } = {}): Journey {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const tracked: string[][] = [];

  // The first journey after a change of the seed makes the seeded template (two years of demo past): minutes on a loaded machine.
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ env: opts.env, store: opts.store }), launchBrowser()]);
  }, 900_000);
  afterEach(async (ctx) => {
    // A failed journey leaves what each of its pages showed: a screenshot, and the page's text in the log.
    if (ctx.task.result?.state === 'fail' || (ctx.task.result?.errors?.length ?? 0) > 0) await keepFailurePages(ctx.task.name, contexts);
    await Promise.all(contexts.splice(0).map((c) => c.close()));
    expect(tracked.splice(0).flat()).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  return {
    get server() {
      return server!;
    },
    get browser() {
      return browser!;
    },
    async signedIn(username, viewport) {
      const context = await newContext(browser!, server!.baseUrl);
      contexts.push(context);
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      tracked.push(trackProblems(page));
      await loginAs(page, username);
      return page;
    },
  };
}

/** Screenshots of every open page of a failed journey under test-results/failures/, and their text on stdout. */
async function keepFailurePages(testName: string, contexts: BrowserContext[]): Promise<void> {
  const dir = path.resolve('test-results', 'failures');
  mkdirSync(dir, { recursive: true });
  const slug = testName.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80);
  let n = 0;
  for (const c of contexts)
    for (const page of c.pages()) {
      n++;
      try {
        const file = path.join(dir, `${slug}-${n}.png`);
        await page.screenshot({ path: file, timeout: 15_000 });
        const text = (await page.locator('body').innerText({ timeout: 5_000 })).replace(/\s+/g, ' ').slice(0, 1500);
        console.log(`[failed journey page ${n}] ${page.url()}\n  screenshot: ${file}\n  text: ${text}`);
      } catch (e) {
        console.log(`[failed journey page ${n}] ${page.url()}: could not capture (${(e as Error).message})`);
      }
    }
}
