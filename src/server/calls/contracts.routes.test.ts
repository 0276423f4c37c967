import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { LightMyRequestResponse } from 'fastify';
import { Client, STORE_KINDS, startTestApp, type TestApp } from '../testing/harness';
import { deskFixture, recordCall, SIGNATURE } from '../testing/desk';
import { callChaseResult, callRecord, callReply, classification } from '../../domain/calls/call-record.contract';
import { callPage, callStats, gtSummary, ledger } from '../../domain/calls/ledger.contract';
import { board, callDetail, dispatchResult } from '../../domain/work-orders/call-views.contract';
import { callRequestResult, workOrder, workOrderDetail, workOrderList } from '../../domain/work-orders/work-orders.contract';

// Every presenter of calls and work orders is wrapped to plant a field that is in no contract (a raw phone
// number): the answers must still parse with their contract and carry nothing beyond it, so the contract,
// not the presenter's care, is what decides what leaves the server.
vi.mock('./calls.presenter', async (importOriginal) => {
  const m = await importOriginal<Record<string, unknown>>();
  const plant = (f: (...a: unknown[]) => object) => (...a: unknown[]) => ({ ...f(...a), plantedSecret: 'PLANTED-13800000000' });
  return Object.fromEntries(Object.entries(m).map(([k, v]) => [k, typeof v === 'function' ? plant(v as (...a: unknown[]) => object) : v]));
});
vi.mock('../work-orders/work-orders.presenter', async (importOriginal) => {
  const m = await importOriginal<Record<string, unknown>>();
  const plant = (f: (...a: unknown[]) => object) => (...a: unknown[]) => ({ ...f(...a), plantedSecret: 'PLANTED-13800000000' });
  return Object.fromEntries(Object.entries(m).map(([k, v]) => [k, typeof v === 'function' ? plant(v as (...a: unknown[]) => object) : v]));
});

/** The operations of calls.routes.ts and work-orders.routes.ts, as the OpenAPI document names them. */
const OPERATIONS = [
  'post /api/calls/classify',
  'post /api/calls',
  'get /api/calls',
  'get /api/calls/ledger',
  'get /api/calls/ledger.xlsx',
  'get /api/calls/stats',
  'get /api/board',
  'get /api/gt/summary',
  'get /api/calls/{id}',
  'post /api/calls/{id}/reclassify',
  'post /api/calls/{id}/dispatch',
  'post /api/calls/{id}/replies',
  'post /api/calls/{id}/resolve',
  'post /api/calls/{id}/reopen',
  'post /api/calls/{id}/close',
  'post /api/calls/{id}/chase',
  'get /api/work-orders',
  'get /api/work-orders/{id}',
  ...['accept', 'arrive', 'complete', 'verify', 'reject', 'reassign', 'cancel', 'call-request', 'chase'].map((s) => `post /api/work-orders/{id}/${s}`),
];

describe.each(STORE_KINDS)('call and work-order answers follow their contracts on %s', (kind) => {
  let t: TestApp;
  let kefu: Client;
  let zhuli: Client;
  let weixiu: Client;
  let lingban: Client;
  let f: Awaited<ReturnType<typeof deskFixture>>;
  const seen = new Set<string>();

  /** The answer has the status, parses with the schema, and re-encodes to exactly itself (no extra key). */
  function answer<S extends z.ZodType>(op: string, res: LightMyRequestResponse, status: number, schema: S): z.input<S> {
    expect(res.statusCode, `${op}: ${res.body}`).toBe(status);
    expect(res.body).not.toContain('PLANTED');
    const json = res.json();
    const parsed = schema.parse(json);
    expect(JSON.parse(JSON.stringify(z.encode(schema, parsed))), op).toEqual(json);
    seen.add(op);
    return json;
  }

  beforeAll(async () => {
    t = await startTestApp(kind);
    [kefu, zhuli, weixiu, lingban] = await Promise.all(['kefu', 'zhuli', 'weixiu', 'lingban'].map((u) => Client.login(t.app, u)));
    f = await deskFixture(t);
  });
  afterAll(() => t.close());

  it('every call route answers its contract, and a field planted by a presenter never leaves the server', async () => {
    const p = t.ids.p1;
    const hid = await f.someHousehold('1', 2);
    const weixiuId = await f.user('weixiu');
    answer('post /api/calls/classify', await kefu.post('/api/calls/classify', { projectId: p, householdId: hid, categoryId: await f.cat('plumbing') }), 200, classification);

    const body = { projectId: p, channel: 'phone', callerName: '张伟明', callerPhone: '13812345678', householdId: hid, content: '阳台水管爆裂', categoryId: await f.cat('plumbing'), assigneeId: weixiuId, idempotencyKey: 'contract-0001' };
    const a = answer('post /api/calls', await kefu.post('/api/calls', body), 201, callRecord);
    expect(answer('post /api/calls', await kefu.post('/api/calls', body), 200, callRecord).id).toBe(a.id);

    // resolve → reply → close; another record resolved and reopened, then dispatched
    const b = await recordCall(kefu, t, { householdId: await f.someHousehold('2', 3), content: '咨询停车位', categoryId: await f.cat('inquiry') });
    const rb = answer('post /api/calls/{id}/resolve', await kefu.post(`/api/calls/${b.id}/resolve`, { version: b.version, note: '已告知办理方式' }), 200, callRecord);
    answer('post /api/calls/{id}/replies', await kefu.post(`/api/calls/${b.id}/replies`, { channel: 'phone', content: '已电话告知业主', final: true }), 201, callReply);
    const cur = (await kefu.get(`/api/calls/${b.id}`)).json();
    expect(rb.status).toBe('resolved');
    answer('post /api/calls/{id}/close', await kefu.post(`/api/calls/${b.id}/close`, { version: cur.version, signature: SIGNATURE }), 200, callRecord);
    const closed = answer('get /api/calls/{id}', await kefu.get(`/api/calls/${b.id}`), 200, callDetail);
    expect(closed.signature).toMatch(/^\/api\/attachments\//);

    const c = await recordCall(kefu, t, { householdId: await f.someHousehold('2', 4), content: '信箱锁坏', categoryId: await f.cat('inquiry') });
    const rc = (await kefu.post(`/api/calls/${c.id}/resolve`, { version: c.version, note: '已告知' })).json();
    const oc = answer('post /api/calls/{id}/reopen', await kefu.post(`/api/calls/${c.id}/reopen`, { version: rc.version, reason: '业主仍需更换' }), 200, callRecord);
    const d = answer('post /api/calls/{id}/dispatch', await kefu.post(`/api/calls/${c.id}/dispatch`, { version: oc.version, assigneeId: weixiuId }), 201, dispatchResult);
    answer('post /api/calls/{id}/reclassify', await kefu.post(`/api/calls/${c.id}/reclassify`, { version: d.call.version, class: 'complaint', reason: '业主表示投诉' }), 200, callRecord);
    answer('post /api/calls/{id}/chase', await kefu.post(`/api/calls/${a.id}/chase`, { note: '请尽快上门' }), 200, callChaseResult);
    const detail = answer('get /api/calls/{id}', await kefu.get(`/api/calls/${a.id}`), 200, callDetail);
    expect(detail.unitCode).toBeTruthy();
    expect(detail.workOrders).toHaveLength(1);
    expect(detail.callerPhone).toBe('138****5678');

    const from = '2020-01-01T00:00:00+08:00';
    const to = '2100-01-01T00:00:00+08:00';
    answer('get /api/calls', await kefu.get(`/api/calls?projectId=${p}`), 200, callPage);
    answer('get /api/calls/ledger', await kefu.get(`/api/calls/ledger?projectId=${p}&rowsPerPage=5`), 200, ledger);
    answer('get /api/calls/stats', await kefu.get(`/api/calls/stats?projectId=${p}&groupBy=month`), 200, callStats);
    const bd = answer('get /api/board', await kefu.get(`/api/board?projectId=${p}`), 200, board);
    expect(bd.items.some((i) => i.workOrders.length > 0)).toBe(true);
    answer('get /api/gt/summary', await kefu.get(`/api/gt/summary?projectId=${p}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`), 200, gtSummary);
    const xlsx = await kefu.get(`/api/calls/ledger.xlsx?projectId=${p}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    seen.add('get /api/calls/ledger.xlsx');

    // work orders: the one the intake dispatched (a) and the one dispatched by hand (c)
    const items = answer('get /api/work-orders', await weixiu.get('/api/work-orders?mine=1'), 200, workOrderList).items;
    const w1 = items.find((w) => w.callId === a.id)!;
    const w2 = d.workOrder;
    const step = async (who: Client, id: string, s: string, extra: object = {}) => {
      const v = answer('get /api/work-orders/{id}', await who.get(`/api/work-orders/${id}`), 200, workOrderDetail).version;
      return answer(`post /api/work-orders/{id}/${s}`, await who.post(`/api/work-orders/${id}/${s}`, { version: v, ...extra }), 200, workOrder);
    };
    await step(weixiu, w1.id, 'accept');
    await step(weixiu, w1.id, 'arrive');
    await step(weixiu, w1.id, 'complete', { result: '更换管段', photos: [SIGNATURE] });
    await step(zhuli, w1.id, 'reject', { reason: '仍有渗水' });
    answer('post /api/work-orders/{id}/call-request', await weixiu.post(`/api/work-orders/${w1.id}/call-request`, { note: '需与业主约时间' }), 200, callRequestResult);
    answer('post /api/work-orders/{id}/chase', await kefu.post(`/api/work-orders/${w1.id}/chase`, { note: '请今天处理' }), 200, workOrder);
    await step(lingban, w1.id, 'reassign', { assigneeId: await f.user('lingban') });
    await step(kefu, w1.id, 'cancel', { reason: '业主自行处理' });
    await step(weixiu, w2.id, 'complete', { result: '已换锁' });
    const verified = await step(zhuli, w2.id, 'verify');
    expect(verified.status).toBe('verified');
    const wd = answer('get /api/work-orders/{id}', await lingban.get(`/api/work-orders/${w1.id}`), 200, workOrderDetail);
    expect(wd.photos).toHaveLength(1);
    expect(wd.callerName).toBe('张**');
  });

  it('every call and work-order operation declares its 2xx answer in the OpenAPI document, and the test above exercised each', async () => {
    expect([...seen].sort()).toEqual([...OPERATIONS].sort());
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: object }> }> }>> };
    for (const op of OPERATIONS) {
      const [method, path] = op.split(' ');
      const responses = doc.paths[path]?.[method]?.responses ?? {};
      const ok = Object.entries(responses).filter(([code]) => /^2/.test(code));
      expect(ok.length, op).toBeGreaterThan(0);
      for (const [, r] of ok) expect(Object.values(r.content ?? {})[0]?.schema, op).toBeTruthy();
    }
  });
});
