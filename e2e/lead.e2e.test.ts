import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useJourney } from './support/journey';
import { ROOT } from './support/server';

const SHOTS = path.join(ROOT, 'test-results', 'screens');
const PHONE = { width: 390, height: 844 };

describe('the engineering lead dispatches his team from his phone (browser)', () => {
  const j = useJourney();
  mkdirSync(SHOTS, { recursive: true });

  it('CALL-2 lingban opens on his team (who is free) and its open jobs, and re-dispatches a job from a 390×844 page', async () => {
    // Set-up through the API: the desk records a repair today and dispatches it to 马强.
    const api = await request.newContext({ baseURL: j.server.baseUrl });
    const login = await api.post('/api/auth/login', { data: { username: 'kefu', password: 'demo1234' } });
    const headers = { 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
    const me = (await (await api.get('/api/auth/me')).json()) as { projects: { id: string; code: string }[] };
    const projectId = me.projects.find((p) => p.code === 'JHHY')!.id;
    const hh = (await (await api.post('/api/households/search', { data: { q: '3-2-1502' }, headers })).json()) as { items: { id: string }[] };
    const cats = (await (await api.get(`/api/service-categories?projectId=${projectId}`)).json()) as { items: { id: string; code: string }[] };
    const people = (await (await api.get(`/api/assignees?projectId=${projectId}`)).json()) as { items: { id: string; displayName: string }[] };
    const content = '楼道声控灯不亮（班组派单）';
    const call = await api.post('/api/calls', {
      data: { projectId, channel: 'phone', callerName: '张伟明', callerPhone: '13812345678', urgency: 'normal', householdId: hh.items[0].id, content, categoryId: cats.items.find((c) => c.code === 'public')!.id, assigneeId: people.items.find((u) => u.displayName === '马强')!.id },
      headers,
    });
    expect(call.status(), await call.text()).toBeLessThan(300);
    await api.dispose();

    const page = await j.signedIn('lingban', PHONE);
    await page.waitForURL((u) => u.pathname === '/tasks');
    await page.getByTestId('team-members').waitFor();
    await expect.poll(() => page.getByTestId('team-member').count()).toBeGreaterThanOrEqual(2);
    await expect.poll(() => page.getByTestId('team-job').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SHOTS, 'lead-team-390.png') });
    // nothing wider than the phone
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    // the job held by 马强 goes to 黄磊 (the lead himself): the demo estate's team is these two
    const job = page.getByTestId('team-job').filter({ hasText: content });
    await expect.poll(() => job.innerText()).toContain('维修人员：马强');
    await job.getByRole('button', { name: '派单/改派' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    // the current doer cannot be picked again
    await expect.poll(() => dialog.getByRole('radio', { name: /马强/ }).isDisabled()).toBe(true);
    await dialog.getByText(/^黄磊/).click();
    await page.screenshot({ path: path.join(SHOTS, 'lead-reassign-390.png') });
    await dialog.getByRole('button', { name: '派单/改派' }).click();
    await page.getByText('已派给 黄磊').waitFor();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => job.innerText()).toContain('维修人员：黄磊');
    // the success message appears once, not twice
    expect(await page.getByText('已派给 黄磊').count()).toBe(1);
    await page.screenshot({ path: path.join(SHOTS, 'lead-reassigned-390.png') });
  });
});
