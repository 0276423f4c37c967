import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { request, type APIRequestContext, type Browser, type BrowserContext, type Page, type Response } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, loginAs, newContext } from './support/browser';
import { startServer, type TestServer } from './support/server';

/**
 * Stored XSS: markup and script URLs saved through the API into every text field the web app shows
 * today, then the pages that show them opened in Chromium. Proven on each page: no dialog fired, no
 * injected element or handler attribute in the DOM, no CSP violation (nothing even tried to run), the
 * text shown literally, and the page served with its Content-Security-Policy.
 */

const P = {
  img: '<img src=x onerror=alert(1)>',
  script: '<script>alert(1)</script>',
  js: 'javascript:alert(1)',
  svg: '"><svg onload=alert(1)>',
} as const;
const NOTE = `${P.img} ${P.script} ${P.js} ${P.svg} <a href="javascript:alert(1)">点我</a>`;
const IMPORT_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Api {
  call(method: 'GET' | 'POST' | 'PATCH', url: string, data?: unknown, headers?: Record<string, string>): Promise<Response | import('playwright-core').APIResponse>;
  json<T>(method: 'GET' | 'POST' | 'PATCH', url: string, data?: unknown): Promise<T>;
  dispose(): Promise<void>;
}

async function apiAs(baseURL: string, username: string): Promise<Api> {
  const ctx: APIRequestContext = await request.newContext({ baseURL });
  const res = await ctx.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  if (!res.ok()) throw new Error(`login ${username}: ${res.status()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const call = (method: string, url: string, data?: unknown, headers: Record<string, string> = {}) =>
    ctx.fetch(url, { method, data: data as string | Buffer | object | undefined, headers: { 'x-csrf-token': csrfToken, ...headers } });
  return {
    call,
    json: async <T>(method: string, url: string, data?: unknown) => {
      const r = await call(method, url, data);
      if (!r.ok()) throw new Error(`${method} ${url}: ${r.status()} ${await r.text()}`);
      return (await r.json()) as T;
    },
    dispose: () => ctx.dispose(),
  };
}

async function importSheet(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('业户导入');
  ws.addRow(['楼栋', '单元', '房号', '楼层', '面积', '交房日期', '辖区', '姓名', '关系', '手机', '身份证号']);
  ws.addRow(['88', '1', '101', '1', '80', '2025-01-01', P.img, P.script, '业主', '', '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Watches a page from before its first script: dialogs, CSP violations, and calls to alert/confirm/prompt. */
async function watch(page: Page): Promise<{ dialogs: string[] }> {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __xss: string[] };
    w.__xss = [];
    for (const name of ['alert', 'confirm', 'prompt'] as const) {
      window[name] = ((...args: unknown[]) => {
        w.__xss.push(`${name}(${args.join(',')})`);
        return null;
      }) as never;
    }
    document.addEventListener('securitypolicyviolation', (e) => w.__xss.push(`csp:${e.violatedDirective}:${e.sample}`));
  });
  return { dialogs };
}

/** What an injection would leave in the DOM. Run after the page showed the stored values. */
function injected(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const a of Array.from(el.attributes)) {
        if (/^on/i.test(a.name)) found.push(`${el.tagName}[${a.name}]`);
        if (/^(href|src|action|formaction|xlink:href)$/i.test(a.name) && /^\s*javascript:/i.test(a.value)) found.push(`${el.tagName}[${a.name}=${a.value}]`);
      }
      if (el.tagName === 'IMG' && /\/x$/.test((el as HTMLImageElement).src)) found.push('IMG[src=x]');
      if (el.tagName === 'SCRIPT' && /alert/.test(el.textContent ?? '')) found.push('inline SCRIPT');
      if (el.tagName.toLowerCase() === 'svg' && el.getAttribute('onload') !== null) found.push('SVG[onload]');
    }
    return [...found, ...(window as unknown as { __xss: string[] }).__xss];
  });
}

function expectCsp(res: Response | null): void {
  expect(res, 'page response').not.toBeNull();
  const csp = res!.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp.split(';').find((d) => d.trim().startsWith('script-src'))).not.toMatch(/unsafe-inline|unsafe-eval/);
}

describe('stored XSS (browser)', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let householdId: string;
  let building88: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const admin = await apiAs(server.baseUrl, 'admin');
    const kefu = await apiAs(server.baseUrl, 'kefu');
    try {
      const me = await kefu.json<{ projects: { id: string }[] }>('GET', '/api/auth/me');
      const p1 = me.projects[0].id;
      // User display names: new users, and the account manager the estate tree shows beside his district.
      for (const [k, v] of Object.entries(P)) {
        await admin.json('POST', '/api/users', { username: `xss_${k}`, displayName: v, password: 'Lantern-Orchid-58', roles: ['cs_specialist'], projectIds: [p1] });
      }
      const users = await admin.json<{ items: { id: string; username: string; version: number }[] }>('GET', '/api/users');
      const jingli = users.items.find((u) => u.username === 'jingli')!;
      await admin.json('PATCH', `/api/users/${jingli.id}`, { version: jingli.version, displayName: P.svg });
      // The household note and the names of its people.
      const found = await kefu.json<{ items: { id: string; persons: { id: string }[] }[] }>('POST', '/api/households/search', { q: '3-2-1502' });
      householdId = found.items[0].id;
      const h = await kefu.json<{ version: number }>('GET', `/api/households/${householdId}`);
      await kefu.json('PATCH', `/api/households/${householdId}`, { version: h.version, note: NOTE });
      for (const v of Object.values(P)) await kefu.json('POST', `/api/households/${householdId}/persons`, { relation: 'family', name: v });
      // The audit trail: a reveal's reason, and a failed sign-in's username.
      await kefu.json('POST', `/api/persons/${found.items[0].persons[0].id}/reveal`, { field: 'phone', reason: P.script });
      const anon = await request.newContext({ baseURL: server.baseUrl });
      expect((await anon.post('/api/auth/login', { data: { username: P.img, password: 'x' } })).status()).toBe(401);
      await anon.dispose();
      // A district name and a resident's name from an Excel import.
      const imported = await admin.call('POST', `/api/projects/${p1}/import`, await importSheet(), { 'content-type': IMPORT_CONTENT_TYPE });
      expect(imported.status(), await imported.text()).toBe(200);
      const tree = await kefu.json<{ districts: { name: string; buildings: { id: string; name: string }[] }[] }>('GET', `/api/projects/${p1}/tree`);
      building88 = tree.districts.find((d) => d.name === P.img)!.buildings.find((b) => b.name.includes('88'))!.id;
    } finally {
      await admin.dispose();
      await kefu.dispose();
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signedIn(username: string, password?: string): Promise<{ page: Page; dialogs: string[] }> {
    const context = await newContext(browser, server.baseUrl);
    contexts.push(context);
    const page = await context.newPage();
    const { dialogs } = await watch(page);
    await loginAs(page, username, password);
    return { page, dialogs };
  }

  async function expectClean(page: Page, dialogs: string[]): Promise<void> {
    expect(await injected(page)).toEqual([]);
    expect(dialogs).toEqual([]);
  }

  it('household drawer: the note and the people\'s names show as text, nothing runs', async () => {
    const { page, dialogs } = await signedIn('kefu');
    expectCsp(await page.goto(`/register/households/${householdId}`));
    const drawer = page.getByRole('dialog');
    await drawer.getByText(P.script, { exact: false }).first().waitFor();
    for (const v of Object.values(P)) await drawer.getByTestId('person-table').getByText(v, { exact: true }).waitFor();
    expect(await drawer.innerText()).toContain(NOTE);
    await expectClean(page, dialogs);
  });

  it('search results: the people\'s names show as text, nothing runs', async () => {
    const { page, dialogs } = await signedIn('kefu');
    expectCsp(await page.goto('/register'));
    const search = page.getByPlaceholder(/姓名或手机号后四位，回车查找/);
    await search.fill('3-2-1502');
    await search.press('Enter');
    const results = page.getByTestId('search-results');
    for (const v of Object.values(P)) await results.getByText(v, { exact: false }).first().waitFor();
    await expectClean(page, dialogs);
  });

  it('estate tree and unit list: an imported district name, a resident\'s name and an account manager\'s name show as text, nothing runs', async () => {
    const { page, dialogs } = await signedIn('kefu');
    expectCsp(await page.goto(`/register?b=${building88}`));
    await page.locator('[data-tree-kind="district"]', { hasText: P.img }).waitFor();
    await page.locator('[data-tree-kind="district"]', { hasText: P.svg }).first().waitFor();
    await page.getByText(P.script, { exact: true }).first().waitFor();
    await expectClean(page, dialogs);
  });

  it('user administration: display names show as text, nothing runs', async () => {
    const { page, dialogs } = await signedIn('admin');
    expectCsp(await page.goto('/admin/users'));
    for (const v of Object.values(P)) await page.getByRole('cell', { name: v, exact: true }).first().waitFor();
    await expectClean(page, dialogs);
  });

  it('audit log: a failed sign-in\'s username and a reveal reason show as text, nothing runs', async () => {
    const { page, dialogs } = await signedIn('admin');
    expectCsp(await page.goto('/audit'));
    await page.getByRole('cell', { name: P.img, exact: true }).first().waitFor();
    await page.getByText(P.script, { exact: false }).first().waitFor();
    await expectClean(page, dialogs);
  });

  it('page header: the signed-in user\'s own display name shows as text, nothing runs', async () => {
    for (const [k, v] of Object.entries(P)) {
      const { page, dialogs } = await signedIn(`xss_${k}`, 'Lantern-Orchid-58');
      expect((await page.getByTestId('current-user').innerText()).trim()).toBe(v);
      await expectClean(page, dialogs);
    }
  });

  it('the detector is not blind: an element injected on purpose is found, and CSP blocks its handler', async () => {
    const { page, dialogs } = await signedIn('kefu');
    await page.evaluate((html) => {
      const div = document.createElement('div');
      div.innerHTML = html;
      document.body.append(div);
    }, P.img);
    await expect.poll(() => injected(page)).toEqual(expect.arrayContaining(['IMG[onerror]', 'IMG[src=x]', expect.stringMatching(/^csp:script-src/)]));
    expect(dialogs).toEqual([]);
  });
});
