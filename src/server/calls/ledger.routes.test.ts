import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { Client, STORE_KINDS, startTestApp, type TestApp } from '../testing/harness';
import { deskFixture, recordCall } from '../testing/desk';
import { CALL_CLASSES } from '../../domain/calls/calls.table';

describe.each(STORE_KINDS)('ledger, statistics and boards on %s', (kind) => {
  let t: TestApp;
  let kefu: Client;
  let zhuguan: Client;
  let f: Awaited<ReturnType<typeof deskFixture>>;
  const made: { id: string; class: string; number: string }[] = [];
  beforeAll(async () => {
    t = await startTestApp(kind, { sessionIdleMinutes: 1e6, sessionAbsoluteMinutes: 1e7 });
    kefu = await Client.login(t.app, 'kefu');
    zhuguan = await Client.login(t.app, 'zhuguan');
    f = await deskFixture(t);
    // 23 calls of every class over two days, spread over buildings of all three districts
    const plan: [string, Record<string, unknown>][] = [
      ['plumbing', { building: '3' }], // Z
      ['plumbing', { building: '1' }], // normal (warranty over)
      ['broadband', { building: '5' }], // Q
      ['neighbour', { building: '9' }], // GT
      ['complaint', { building: '10' }], // complaint
      ['inquiry', { building: '2' }], // inquiry
    ];
    for (let i = 0; i < 23; i++) {
      const [cat, o] = plan[i % plan.length];
      const c = await recordCall(kefu, t, { householdId: await f.someHousehold(o.building as string, i), content: `测试事项 ${i}`, categoryId: await f.cat(cat) });
      made.push(c);
      t.clock.advanceMinutes(97);
    }
    // One more of the same days, then moved to another estate (p3): none of p1's pages, subtotals or statistics count it.
    const elsewhere = await recordCall(kefu, t, { householdId: await f.someHousehold('3', 30), content: '别的项目的事项', categoryId: await f.cat('plumbing') });
    await t.store.db.execute(sql`UPDATE call_records SET project_id = ${t.ids.p3}, district_id = NULL, unit_id = NULL, household_id = NULL WHERE id = ${elsewhere.id}`);
  });
  afterAll(() => t.close());

  it('CALL-10 each printed page of the ledger carries its 本页小计 by class, and the pages add up to the total', async () => {
    const res = await zhuguan.get(`/api/calls/ledger?projectId=${t.ids.p1}&rowsPerPage=10`);
    expect(res.statusCode).toBe(200);
    const l = res.json();
    expect(l.pageCount).toBe(3);
    expect(l.pages.map((p: { rows: unknown[] }) => p.rows.length)).toEqual([10, 10, 3]);
    // Counted by hand from the plan (Z, normal, Q, GT, complaint, inquiry, over and over): rows 1–10, 11–20, 21–23.
    expect(l.pages.map((p: { subtotal: Record<string, number> }) => p.subtotal)).toEqual([
      { Z: 2, normal: 2, Q: 2, GT: 2, complaint: 1, inquiry: 1, total: 10 },
      { Z: 2, normal: 2, Q: 1, GT: 1, complaint: 2, inquiry: 2, total: 10 },
      { Z: 0, normal: 0, Q: 1, GT: 1, complaint: 1, inquiry: 0, total: 3 },
    ]);
    expect(l.total).toMatchObject({ Z: 4, normal: 4, Q: 4, GT: 4, complaint: 4, inquiry: 3, total: 23 });
    for (const p of l.pages) {
      for (const c of CALL_CLASSES) expect(p.subtotal[c]).toBe(p.rows.filter((r: { class: string }) => r.class === c).length);
      expect(p.subtotal.total).toBe(p.rows.length);
    }
    for (const c of CALL_CLASSES) expect(l.pages.reduce((s: number, p: { subtotal: Record<string, number> }) => s + p.subtotal[c], 0)).toBe(l.total[c]);
    expect(l.total.total).toBe(23);
    // in receiving order, as written on paper
    const numbers = l.pages.flatMap((p: { rows: { number: string }[] }) => p.rows.map((r) => r.number));
    expect(numbers).toEqual(made.map((m) => m.number));
  });

  it('CALL-10 the Excel export has the same rows and the same 本页小计 as the printed pages', async () => {
    const l = (await zhuguan.get(`/api/calls/ledger?projectId=${t.ids.p1}&rowsPerPage=10`)).json();
    const res = await zhuguan.get(`/api/calls/ledger.xlsx?projectId=${t.ids.p1}&rowsPerPage=10`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('来电来访记录')!;
    const subtotalRows: string[] = [];
    const totalCells: string[] = [];
    const numbers: string[] = [];
    ws.eachRow((row, i) => {
      if (i === 1) return;
      const b = String(row.getCell(2).value ?? '');
      if (b === '本页小计') {
        subtotalRows.push(String(row.getCell(7).value));
        totalCells.push(String(row.getCell(8).value));
      }
      else if (/^LD/.test(b)) numbers.push(b);
    });
    expect(numbers).toEqual(l.pages.flatMap((p: { rows: { number: string }[] }) => p.rows.map((r) => r.number)));
    // Times are real Excel date-times showing Beijing wall-clock time (UTC+8), not text.
    const first = l.pages[0].rows[0] as { receivedAt: string };
    const cell = ws.getRow(2).getCell(3);
    expect(cell.value).toBeInstanceOf(Date);
    expect((cell.value as Date).getTime()).toBe(Date.parse(first.receivedAt) + 8 * 3_600_000);
    expect(cell.numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(subtotalRows).toHaveLength(3);
    subtotalRows.forEach((text, i) => {
      const s = l.pages[i].subtotal;
      expect(text).toContain(`Z 保修 ${s.Z}`);
      expect(text).toContain(`Q 外联 ${s.Q}`);
      expect(text).toContain(`GT 协调 ${s.GT}`);
      expect(text).toContain(`投诉 ${s.complaint}`);
      expect(text).toContain(`一般报修 ${s.normal}`);
      expect(text).toContain(`咨询 ${s.inquiry}`);
    });
    // the pages' totals, counted by hand: 10, 10, 3
    expect(totalCells).toEqual(['合计 10', '合计 10', '合计 3']);
  });

  it('CALL-10 statistics by day, class, district and status agree with the records', async () => {
    const s = (await zhuguan.get(`/api/calls/stats?projectId=${t.ids.p1}&groupBy=day`)).json();
    expect(s.totals.total).toBe(23);
    const perDay = s.byPeriod.reduce((n: number, r: { n: number }) => n + r.n, 0);
    expect(perDay).toBe(23);
    expect(new Set(s.byPeriod.map((r: { period: string }) => r.period)).size).toBeGreaterThanOrEqual(2);
    expect(s.byDistrict.reduce((n: number, r: { n: number }) => n + r.n, 0)).toBe(23);
    // By hand: buildings 3, 1 and 2 are 东区 (4 + 4 + 3), building 5 中区 (4), buildings 9 and 10 西区 (4 + 4).
    const perDistrict: Record<string, number> = {};
    for (const r of s.byDistrict as { district: string | null; n: number }[]) perDistrict[r.district ?? '-'] = (perDistrict[r.district ?? '-'] ?? 0) + r.n;
    expect(perDistrict).toEqual({ 东区: 11, 中区: 4, 西区: 8 });
    expect(s.byStatus.reduce((n: number, r: { n: number }) => n + r.n, 0)).toBe(23);
  });

  it('CALL-4 the account manager’s board shows every open item of his district, overdue first', async () => {
    const jingli = await Client.login(t.app, 'jingli');
    const b = (await jingli.get(`/api/board?projectId=${t.ids.p1}`)).json();
    const all = (await kefu.get(`/api/calls?projectId=${t.ids.p1}&open=true&pageSize=200`)).json().items;
    // 东区 is buildings 1-4
    const east = (await kefu.get(`/api/projects/${t.ids.p1}/tree`)).json().districts.find((d: { name: string }) => d.name === '东区');
    const expected = all.filter((c: { districtId: string }) => c.districtId === east.id).map((c: { id: string }) => c.id).sort();
    expect(b.items.map((i: { id: string }) => i.id).sort()).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
    const flags = b.items.map((i: { overdue: boolean }) => i.overdue);
    expect(flags).toEqual([...flags].sort((x: boolean, y: boolean) => Number(y) - Number(x)));
    expect(flags.some(Boolean)).toBe(true);
    // the supervisor sees all districts
    const all2 = (await zhuguan.get(`/api/board?projectId=${t.ids.p1}`)).json();
    expect(all2.items.length).toBe(all.length);
  });

  it('CALL-7 the GT summary groups what households raised together by category and building', async () => {
    const from = new Date(t.clock.t - 10 * 24 * 3600_000).toISOString();
    const to = new Date(t.clock.t + 3600_000).toISOString();
    const s = (await zhuguan.get(`/api/gt/summary?projectId=${t.ids.p1}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`)).json();
    // Four GT items were made (rows 4, 10, 16 and 22 of the plan), and only they are summarised.
    const gts = made.filter((m) => m.class === 'GT').map((m) => m.number as string);
    expect(gts).toHaveLength(4);
    expect(s.groups.reduce((n: number, g: { count: number }) => n + g.count, 0)).toBe(4);
    expect(s.groups.flatMap((g: { numbers: string[] }) => g.numbers).sort()).toEqual([...gts].sort());
    expect(s.groups[0]).toMatchObject({ category: expect.any(String), building: expect.any(String), numbers: expect.any(Array) });
  });

  it('CALL-11 the desk has every outside unit’s contact and promised time at hand', async () => {
    const v = (await kefu.get(`/api/vendors?projectId=${t.ids.p1}`)).json().items;
    expect(v.map((x: { category: string }) => x.category).sort()).toEqual(['broadband', 'intercom', 'security_door', 'telephone', 'water_heater']);
    expect(v.every((x: { contactPhoneMasked: string; promisedMinutes: number }) => x.contactPhoneMasked && x.promisedMinutes > 0)).toBe(true);
    // Only the masked number leaves the server, like every phone number.
    expect(v.every((x: object) => !('contactPhone' in x))).toBe(true);
  });

  it('the ledger and statistics are for customer-service staff and managers only', async () => {
    const baoan = await Client.login(t.app, 'baoan');
    expect((await baoan.get(`/api/calls/ledger?projectId=${t.ids.p1}`)).statusCode).toBe(404);
    expect((await kefu.get(`/api/calls/ledger?projectId=${t.ids.p3}`)).statusCode).toBe(404);
  });
});

describe('weekly GT summary', () => {
  it('CALL-7 the service-centre manager gets the summary every Monday morning and the next one is planned', async () => {
    const { nextMondayMorning } = await import('./gt-summary-timer');
    // Thursday 2026-11-26 10:00 Beijing → Monday 2026-11-30 08:00 Beijing = 00:00 UTC
    expect(nextMondayMorning(new Date('2026-11-26T02:00:00Z')).toISOString()).toBe('2026-11-30T00:00:00.000Z');
    // Monday 09:00 Beijing, after the moment → the next week
    expect(nextMondayMorning(new Date('2026-11-30T01:00:00Z')).toISOString()).toBe('2026-12-07T00:00:00.000Z');
    const t = await startTestApp('embedded', { sessionIdleMinutes: 1e6, sessionAbsoluteMinutes: 1e7 });
    try {
      const { ensureGtSummaryTimers } = await import('./gt-summary-timer');
      expect(await ensureGtSummaryTimers(t.store.db, t.clock.now())).toBe(3);
      expect(await ensureGtSummaryTimers(t.store.db, t.clock.now())).toBe(0);
      const kefu = await Client.login(t.app, 'kefu');
      const f = await deskFixture(t);
      await recordCall(kefu, t, { householdId: await f.someHousehold('4', 1), content: '电梯噪音', categoryId: await f.cat('neighbour') });
      t.clock.advanceMinutes(5 * 24 * 60);
      await t.app.desk.timers.tick();
      const zhongxin = await Client.login(t.app, 'zhongxin');
      const n = (await zhongxin.get('/api/notifications')).json().items.filter((x: { type: string }) => x.type === 'gt.summary');
      expect(n).toHaveLength(1);
      expect(n[0].title).toBe('本周 GT 汇总：1 件');
      const { rows } = await import('../db/store');
      const { sql } = await import('drizzle-orm');
      const [p] = await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM timers WHERE kind = 'gt_summary' AND status = 'pending' AND project_id = ${t.ids.p1}`);
      expect(p.n).toBe(1);
    } finally {
      await t.close();
    }
  });
});
