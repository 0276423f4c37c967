import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, STORE_KINDS, startTestApp, type TestApp } from '../testing/harness';
import { deskFixture, recordCall } from '../testing/desk';

describe.each(STORE_KINDS)('the call list search on %s', (kind) => {
  let t: TestApp;
  let kefu: Client;
  const numbers: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestApp(kind);
    kefu = await Client.login(t.app, 'kefu');
    const f = await deskFixture(t);
    const inquiry = await f.cat('inquiry');
    numbers.a = (await recordCall(kefu, t, { householdId: await f.household('3-2-1502'), callerName: '欧阳娜娜', callerPhone: '13900007301', content: '询问停车卡办理', categoryId: inquiry })).number;
    numbers.b = (await recordCall(kefu, t, { householdId: await f.someHousehold('5'), callerName: '司马光', callerPhone: '13900004422', content: '咨询装修手续', categoryId: inquiry })).number;
  });
  afterAll(() => t.close());

  const find = async (q: string) =>
    ((await kefu.get(`/api/calls?projectId=${t.ids.p1}&q=${encodeURIComponent(q)}&pageSize=50`)).json().items as { number: string }[]).map((c) => c.number);

  it('finds a call by the caller’s name, the last digits of the caller’s number, the unit and the content', async () => {
    expect(await find('欧阳')).toEqual([numbers.a]);
    expect(await find('7301')).toEqual([numbers.a]);
    expect(await find('4422')).toEqual([numbers.b]);
    expect(await find('3-2-1502')).toContain(numbers.a);
    expect(await find('装修手续')).toEqual([numbers.b]);
  });

  it('digits in the middle of a number and a name nobody called with find nothing', async () => {
    expect(await find('0000')).toEqual([]);
    expect(await find('上官')).toEqual([]);
  });

  it('the desk’s 已超时 figure: overdue lists a pending record past its deadline, never one without a deadline or not yet due', async () => {
    const f = await deskFixture(t);
    const gt = (await recordCall(kefu, t, { householdId: await f.someHousehold('6'), callerName: '诸葛亮', content: '楼上装修噪音需协调', categoryId: await f.cat('neighbour') })).number;
    const overdue = async () => {
      const raw = await kefu.get(`/api/calls?projectId=${t.ids.p1}&overdue=1&pageSize=200`);
      expect(raw.statusCode, raw.body).toBe(200);
      const res = raw.json() as { items: { number: string }[]; total: number };
      expect(res.total).toBe(res.items.length);
      return res.items.map((c) => c.number);
    };
    expect(await overdue()).not.toContain(gt);
    t.clock.advanceMinutes(3 * 24 * 60);
    kefu = await Client.login(t.app, 'kefu'); // three days on, the session has ended
    const late = await overdue();
    expect(late).toContain(gt);
    expect(late).not.toContain(numbers.a); // an inquiry has no deadline
  });
});
