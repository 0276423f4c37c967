import { describe, expect, it } from 'vitest';
import { request, type Page } from 'playwright-core';
import { useJourney } from './support/journey';
import { LeakScan } from './support/leak-scan';

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/accompanied-${name}.png`, fullPage: true });

/** A fetch from inside the signed-in page (its cookie), answering the status only. */
const status = (page: Page, path: string, method = 'GET') =>
  page.evaluate(
    async ([p, m]) => {
      const csrf = document.cookie.match(/wd_csrf=([^;]+)/)?.[1] ?? '';
      return (await fetch(p, { method: m, headers: m === 'GET' ? {} : { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: m === 'GET' ? undefined : '{}' })).status;
    },
    [path, method] as const,
  );

describe('accompanied view and proxy call (browser)', () => {
  // A session of 30 seconds, so that it ends by itself within the journey.
  const j = useJourney({ env: { ACCOMPANIED_VIEW_MINUTES: '0.5' } });

  it('ARC-8 ARC-9 ARC-10 lingban alone gets nothing; with kefu confirming he sees the file read-only and watermarked, cannot reveal, download or print; it ends by itself; the report names both', async () => {
    const scan = new LeakScan();
    const lingban = await j.signedIn('lingban');
    await scan.watch(lingban);
    // alone: the register answers 404
    expect(await status(lingban, '/api/households?q=3-2-1502')).toBe(404);
    await lingban.goto('/register');
    await lingban.getByText('页面不存在', { exact: true }).waitFor();

    await lingban.goto('/accompanied');
    await lingban.getByTestId('acc-unit').fill('3-2-1502');
    await lingban.getByTestId('acc-reason').fill('工程部核对返修项目');
    await shot(lingban, 'entry-1366');
    await lingban.getByTestId('acc-ask').click();
    const dialog = lingban.getByRole('dialog');
    await dialog.getByTestId('acc-cs-username').fill('kefu');
    await dialog.getByTestId('acc-cs-password').fill('wrong-password');
    await dialog.getByRole('button', { name: '确认陪同' }).click();
    await expect.poll(() => dialog.innerText(), { timeout: 60_000 }).toContain('用户名或密码不正确');
    await shot(lingban, 'confirm-1366');
    await dialog.getByTestId('acc-cs-password').fill('demo1234');
    await dialog.getByRole('button', { name: '确认陪同' }).click();
    await lingban.waitForURL((u) => /^\/accompanied\/[0-9a-f-]{36}$/.test(u.pathname));
    const sessionId = new URL(lingban.url()).pathname.split('/').pop()!;

    const view = lingban.getByTestId('acc-view');
    await view.getByTestId('acc-persons').waitFor();
    const text = await view.innerText();
    expect(text).toContain('138****5678');
    expect(text).toContain('黄磊 在 王晓丽 陪同下查阅');
    expect(await lingban.getByTestId('acc-watermark').innerText()).toMatch(/黄磊 · 王晓丽 · .*\d{2}:\d{2}/);
    await expect.poll(() => lingban.getByTestId('acc-countdown').innerText(), { timeout: 30_000 }).toMatch(/剩余时间 00:\d\d/);
    // nothing to reveal, edit or download on the page
    expect(await view.getByRole('button', { name: /完整号码|修改|下载|导出|打印/ }).count()).toBe(0);
    // the page cannot be selected or copied
    expect(await view.locator('.acc-file').evaluate((el) => getComputedStyle(el).userSelect)).toBe('none');
    const copied = await lingban.evaluate(() => {
      const ev = new ClipboardEvent('copy', { bubbles: true, cancelable: true });
      document.querySelector('[data-testid="acc-persons"]')!.dispatchEvent(ev);
      return ev.defaultPrevented;
    });
    expect(copied).toBe(true);
    // printing shows the notice only
    await lingban.emulateMedia({ media: 'print' });
    expect(await view.locator('.acc-file').isVisible()).toBe(false);
    expect(await lingban.getByText('陪同查阅的内容不可打印').isVisible()).toBe(true);
    await lingban.emulateMedia({ media: 'screen' });
    await shot(lingban, 'view-1366');
    await lingban.setViewportSize({ width: 390, height: 844 });
    await shot(lingban, 'view-390');
    await lingban.setViewportSize({ width: 1366, height: 768 });
    // the server refuses reveal, export, print and download in the session
    for (const path of ['reveal', 'export', 'print', 'download']) {
      expect(await status(lingban, `/api/accompanied-sessions/${sessionId}/${path}`), path).toBe(404);
      expect(await status(lingban, `/api/accompanied-sessions/${sessionId}/${path}`, 'POST'), path).toBe(404);
    }
    expect(await status(lingban, '/api/archive-scans/00000000-0000-4000-8000-000000000000')).toBe(404);

    // it ends by itself: the file leaves the screen and the server refuses it
    await lingban.getByTestId('acc-ended').waitFor({ timeout: 120_000 });
    expect(await lingban.getByText('138****5678').count()).toBe(0);
    expect(await status(lingban, `/api/accompanied-sessions/${sessionId}/file`)).toBe(404);
    await shot(lingban, 'ended-1366');

    // the supervisors' report names both, with the time
    const zhuguan = await j.signedIn('zhuguan');
    await scan.watch(zhuguan);
    await zhuguan.goto('/accompanied');
    const report = zhuguan.getByTestId('acc-report');
    await report.getByText('工程部核对返修项目').waitFor();
    const row = report.locator('tr').filter({ hasText: '工程部核对返修项目' });
    expect(await row.innerText()).toContain('黄磊');
    expect(await row.innerText()).toContain('王晓丽');
    expect(await row.innerText()).toContain('到时结束');
    await shot(zhuguan, 'report-1366');
    await zhuguan.setViewportSize({ width: 390, height: 844 });
    await shot(zhuguan, 'report-390');

    // a technician gets 404 for all of it
    const weixiu = await j.signedIn('weixiu');
    expect(await status(weixiu, `/api/accompanied-sessions/${sessionId}`)).toBe(404);
    expect(await status(weixiu, '/api/accompanied-sessions/report')).toBe(404);

    expect(scan.count.responses).toBeGreaterThan(10);
    expect(await scan.leaks()).toEqual([]);
  }, 420_000);

  it('ARC-11 weixiu asks the front desk to call 3-2-1502, qiantai calls and records the outcome, weixiu sees it without the number', async () => {
    // Set-up through the API: kefu records the call and dispatches it to weixiu.
    const api = await request.newContext({ baseURL: j.server.baseUrl });
    const login = await api.post('/api/auth/login', { data: { username: 'kefu', password: 'demo1234' } });
    const headers = { 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
    const me = (await (await api.get('/api/auth/me')).json()) as { projects: { id: string; code: string }[] };
    const projectId = me.projects.find((p) => p.code === 'JHHY')!.id;
    const hh = (await (await api.post('/api/households/search', { data: { q: '3-2-1502' }, headers })).json()) as { items: { id: string }[] };
    const cats = (await (await api.get(`/api/service-categories?projectId=${projectId}`)).json()) as { items: { id: string; code: string }[] };
    const users = (await (await api.get(`/api/assignees?projectId=${projectId}`)).json()) as { items?: { id: string; username?: string; displayName?: string }[] };
    const weixiuId = users.items?.find((u) => u.displayName === '马强')?.id;
    const call = await api.post('/api/calls', {
      data: { projectId, channel: 'phone', callerName: '张伟明', callerPhone: '13812345678', urgency: 'normal', householdId: hh.items[0].id, content: '厨房水龙头滴水', categoryId: cats.items.find((c) => c.code === 'public')!.id, ...(weixiuId ? { assigneeId: weixiuId } : {}) },
      headers,
    });
    expect(call.status(), await call.text()).toBeLessThan(300);
    const callId = ((await call.json()) as { id: string }).id;
    const woId = ((await (await api.get(`/api/calls/${callId}`)).json()) as { workOrders: { id: string }[] }).workOrders[0].id;
    await api.dispose();

    const scan = new LeakScan();
    const weixiu = await j.signedIn('weixiu', { width: 390, height: 844 });
    await scan.watch(weixiu);
    await weixiu.goto(`/tasks/${woId}`);
    await weixiu.getByRole('button', { name: '请前台代拨业户电话' }).click();
    const ask = weixiu.getByRole('dialog');
    await ask.getByLabel('需要联系业户的事由').fill('需与业主约上门时间');
    await ask.getByRole('button', { name: '请前台代拨业户电话' }).click();
    await weixiu.getByTestId('proxy-calls').getByText('等待前台代拨').waitFor();

    const qiantai = await j.signedIn('qiantai');
    await scan.watch(qiantai);
    await qiantai.goto(`/calls/${callId}`);
    const calls = qiantai.getByTestId('proxy-calls');
    await calls.getByText('需与业主约上门时间').waitFor();
    await calls.getByTestId('proxy-call-record').click();
    const rec = qiantai.getByRole('dialog');
    await rec.getByText('已接通', { exact: true }).click();
    await rec.getByTestId('proxy-call-note').fill('请写 13812345678');
    await rec.getByRole('button', { name: '记录代拨结果' }).click();
    await expect.poll(() => rec.innerText(), { timeout: 60_000 }).toContain('不要写电话');
    await rec.getByTestId('proxy-call-note').fill('业主约明天上午十点上门');
    await expect.poll(() => rec.getByTestId('proxy-call-note').inputValue()).toBe('业主约明天上午十点上门');
    await rec.getByRole('button', { name: '记录代拨结果' }).click();
    // Saved, the dialog closes; if it stays open, what it says is the failure.
    await rec.waitFor({ state: 'hidden', timeout: 120_000 }).catch(async (e) => {
      throw new Error(`the proxy-call dialog stayed open: ${await rec.innerText().catch(() => '')} (${(e as Error).message})`);
    });
    await calls.getByTestId('proxy-call-outcome').waitFor();
    await shot(qiantai, 'proxy-desk-1366');

    await weixiu.reload();
    const outcome = weixiu.getByTestId('proxy-calls').getByTestId('proxy-call-outcome');
    await outcome.waitFor();
    expect(await outcome.innerText()).toContain('已接通');
    expect(await outcome.innerText()).toContain('业主约明天上午十点上门');
    expect(await weixiu.locator('body').innerText()).not.toContain('13812345678');
    await shot(weixiu, 'proxy-tech-390');

    expect(scan.count.responses).toBeGreaterThan(5);
    expect(await scan.leaks()).toEqual([]);
  }, 420_000);
});
