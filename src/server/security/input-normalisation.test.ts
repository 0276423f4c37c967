import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, STORE_KINDS, startTestApp, type TestApp } from '../testing/harness';

// Query booleans are read strictly, names refuse invisible characters: through the real routes.
describe.each(STORE_KINDS)('clumsy and hostile input on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('"false" in a query means false and an unreadable boolean is a 400, on every boolean filter', async () => {
    const kefu = await Client.login(t.app, 'kefu');
    const weixiu = await Client.login(t.app, 'weixiu');
    for (const [c, url] of [
      [kefu, `/api/calls?projectId=${t.ids.p1}&open=`],
      [kefu, '/api/notifications?unread='],
      [weixiu, `/api/work-orders?projectId=${t.ids.p1}&mine=`],
      [weixiu, `/api/work-orders?projectId=${t.ids.p1}&open=`],
    ] as const) {
      expect((await c.get(`${url}maybe`)).statusCode, url).toBe(400);
      expect((await c.get(`${url}false`)).statusCode, url).toBe(200);
      expect((await c.get(`${url}true`)).statusCode, url).toBe(200);
    }
  });

  it('CALL-1 a caller name with zero-width or right-to-left characters is refused with a Chinese message', async () => {
    const kefu = await Client.login(t.app, 'kefu');
    const res = await kefu.post('/api/calls', { projectId: t.ids.p1, channel: 'phone', callerName: '张\u200B三', content: '咨询物业费' });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().error.fields)).toContain('不可见字符');
  });

  it('a display name with direction-control characters is refused', async () => {
    const admin = await Client.login(t.app, 'admin');
    const res = await admin.post('/api/users', { username: 'spoof1', displayName: '\u202E理管统系', password: 'Lantern-Orchid-58', roles: ['guard'] });
    expect(res.statusCode).toBe(400);
  });

  it('a weak password is refused with the reason in Chinese, the username counted as personal', async () => {
    const admin = await Client.login(t.app, 'admin');
    for (const password of ['12345678', 'password', 'aaaaaaaa', 'zhangsan1']) {
      const res = await admin.post('/api/users', { username: 'zhangsan', displayName: '张三', password, roles: ['guard'] });
      expect(res.statusCode, password).toBe(400);
      expect(res.json().error.code).toBe('WEAK_PASSWORD');
      expect(res.json().error.fields[0].message).toMatch(/^密码太容易被猜到/);
    }
  });

  it('ranges read forward: the ledger refuses fromPage > toPage, the GT summary, statistics and list refuse from > to', async () => {
    const zhuguan = await Client.login(t.app, 'zhuguan');
    const p = t.ids.p1;
    const from = encodeURIComponent('2026-11-20T00:00:00+08:00');
    const to = encodeURIComponent('2026-11-10T00:00:00+08:00');
    const cases: [string, string][] = [
      [`/api/calls/ledger?projectId=${p}&fromPage=5&toPage=2`, '结束页不能小于起始页'],
      [`/api/gt/summary?projectId=${p}&from=${from}&to=${to}`, '结束时间不能早于开始时间'],
      [`/api/calls/stats?projectId=${p}&from=${from}&to=${to}`, '结束时间不能早于开始时间'],
      [`/api/calls?projectId=${p}&from=${from}&to=${to}`, '结束时间不能早于开始时间'],
    ];
    for (const [url, message] of cases) {
      const res = await zhuguan.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(JSON.stringify(res.json().error.fields)).toContain(message);
    }
    // The same instant written in two zones is one instant, not a reversed range.
    const same = await zhuguan.get(`/api/gt/summary?projectId=${p}&from=${encodeURIComponent('2026-11-20T08:00:00+08:00')}&to=${encodeURIComponent('2026-11-20T00:00:00Z')}`);
    expect(same.statusCode).toBe(200);
    expect((await zhuguan.get(`/api/calls/ledger?projectId=${p}&fromPage=2&toPage=2`)).statusCode).toBe(200);
  });
});
