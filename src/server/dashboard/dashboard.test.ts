import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, STORE_KINDS, startTestApp, type TestApp } from '../testing/harness';
import { deskFixture, recordCall } from '../testing/desk';
import ExcelJS from 'exceljs';

interface Home {
  calls: { open: number; overdue: number; awaitingVerification: number; byDistrict: { districtId: string | null; open: number; overdue: number; awaitingVerification: number }[] };
  complaints: { open: number; overdue: number; byLevel: { key: string; count: number }[]; byDepartment: { key: string; count: number }[] };
  visits: { due: number; overdue: number; monthDue: number; monthDone: number; visitRate: number | null; satisfactionRate: number | null };
  contactForms: { open: number; overdue: number };
  scope: { all: boolean; districts: { id: string; name: string }[] };
  timeliness: Record<'firstResponse' | 'close' | 'complaintReturn', { due: number; met: number; rate: number | null }>;
  keys: { out: number; overdue: number } | null;
  archives: { households: number; complete: number; rate: number | null } | null;
}

/**
 * The managers' home (issue 12, point 4): each figure moves with the records behind it. Expected values are
 * counted by hand from what each step creates. Who sees it: account managers, the supervisor, the centre manager.
 */
describe.each(STORE_KINDS)('managers’ home on %s', (kind) => {
  let t: TestApp;
  let kefu: Client;
  let zhuli: Client;
  let zhuguan: Client;
  let banzhang: Client;
  let lingban: Client;
  let weixiu: Client;
  let f: Awaited<ReturnType<typeof deskFixture>>;

  beforeAll(async () => {
    t = await startTestApp(kind, { sessionIdleMinutes: 1e6, sessionAbsoluteMinutes: 1e7 });
    f = await deskFixture(t);
    [kefu, zhuli, zhuguan, banzhang, lingban, weixiu] = await Promise.all(['kefu', 'zhuli', 'zhuguan', 'banzhang', 'lingban', 'weixiu'].map((u) => Client.login(t.app, u)));
  });
  afterAll(() => t.close());

  const home = async (c: Client = zhuguan): Promise<Home> => {
    const res = await c.get(`/api/dashboard/manager?projectId=${t.ids.p1}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const level = (h: Home, k: string) => h.complaints.byLevel.find((x) => x.key === k)?.count ?? 0;

  it('the home’s figures follow the calls, work orders, complaints, visits and contact forms behind them', async () => {
    const before = await home();
    // two pending calls (normal: due in a day), one repair completed and waiting for verification
    await recordCall(kefu, t, { householdId: await f.someHousehold('2', 7), content: '楼道灯不亮', categoryId: await f.cat('public') });
    const call = await recordCall(kefu, t, { householdId: await f.someHousehold('1', 8), content: '水龙头滴水', categoryId: await f.cat('plumbing'), assigneeId: await f.user('weixiu') });
    const woId = (await kefu.get(`/api/calls/${call.id}`)).json().workOrders[0].id as string;
    expect((await weixiu.post(`/api/work-orders/${woId}/complete`, { version: (await kefu.get(`/api/work-orders/${woId}`)).json().version, result: '更换阀芯' })).statusCode).toBe(200);
    // a serious complaint and a complaint handled and told (its visit now due)
    const c1 = (await kefu.post('/api/complaints', { projectId: t.ids.p1, complainantName: '李秀英', place: '大堂', department: 'security', content: '态度差', wants: '道歉' })).json();
    await zhuli.post(`/api/complaints/${c1.id}/judge`, { version: c1.version, valid: true, level: 'serious' });
    const c2 = (await kefu.post('/api/complaints', { projectId: t.ids.p1, complainantName: '王强', place: '车库', department: 'engineering', content: '维修不及时', wants: '尽快修' })).json();
    let v = (await zhuli.post(`/api/complaints/${c2.id}/judge`, { version: 1, valid: true, level: 'minor' })).json().version;
    v = (await lingban.post(`/api/complaints/${c2.id}/sign`, { version: v })).json().version;
    v = (await lingban.post(`/api/complaints/${c2.id}/return`, { version: v, action: '已修' })).json().version;
    expect((await kefu.post(`/api/complaints/${c2.id}/inform`, { version: v, note: '已告知' })).statusCode).toBe(200);
    // a contact form due in two hours
    expect((await lingban.post('/api/contact-forms', { projectId: t.ids.p1, fromDepartment: 'engineering', toDepartment: 'security', subject: '配合', details: '请配合', requiredResult: '完成', dueAt: new Date(t.clock.now().getTime() + 2 * 3600_000).toISOString() })).statusCode).toBe(201);

    const now = await home();
    expect(now.calls.open - before.calls.open).toBe(2);
    expect(now.calls.awaitingVerification - before.calls.awaitingVerification).toBe(1);
    expect(now.calls.byDistrict.reduce((s, d) => s + d.open, 0)).toBe(now.calls.open);
    // each district's open figure is the record list behind its link (open=1&districtId=…), and the complaints' the complaint list's
    for (const d of now.calls.byDistrict.filter((x) => x.districtId)) {
      const list = (await zhuguan.get(`/api/calls?projectId=${t.ids.p1}&open=1&districtId=${d.districtId}`)).json();
      expect(list.total, d.districtId!).toBe(d.open);
    }
    const openComplaints = (await zhuguan.get(`/api/complaints?projectId=${t.ids.p1}&open=1`)).json().items.length;
    expect(openComplaints).toBe(now.complaints.open);
    expect(now.complaints.open - before.complaints.open).toBe(2);
    expect(level(now, 'serious') - level(before, 'serious')).toBe(1);
    expect(level(now, 'minor') - level(before, 'minor')).toBe(1);
    expect(now.complaints.overdue - before.complaints.overdue).toBe(0);
    expect(now.visits.due - before.visits.due).toBe(1);
    expect(now.visits.monthDue - before.visits.monthDue).toBe(1);
    expect(now.contactForms.open - before.contactForms.open).toBe(1);
    expect(now.contactForms.overdue - before.contactForms.overdue).toBe(0);

    // Three hours on: the serious complaint and the contact form are overdue; a day on, the calls too.
    t.clock.advanceMinutes(180);
    const later = await home();
    expect(later.complaints.overdue - before.complaints.overdue).toBe(1);
    expect(later.contactForms.overdue - before.contactForms.overdue).toBe(1);
    t.clock.advanceMinutes(24 * 60);
    const dayOn = await home();
    expect(dayOn.calls.overdue - before.calls.overdue).toBeGreaterThanOrEqual(1);
    expect(dayOn.calls.overdue).toBeLessThanOrEqual(dayOn.calls.open);
  });

  it('only managers get the home (404 for the desk, a doer, a department head); a project not his is refused', async () => {
    expect((await kefu.get(`/api/dashboard/manager?projectId=${t.ids.p1}`)).statusCode).toBe(404);
    expect((await weixiu.get(`/api/dashboard/manager?projectId=${t.ids.p1}`)).statusCode).toBe(404);
    expect((await banzhang.get(`/api/dashboard/manager?projectId=${t.ids.p1}`)).statusCode).toBe(404);
    for (const u of ['jingli', 'zhongxin']) expect((await (await Client.login(t.app, u)).get(`/api/dashboard/manager?projectId=${t.ids.p1}`)).statusCode).toBe(200);
    expect((await zhuguan.get(`/api/dashboard/manager?projectId=${t.ids.p3}`)).statusCode).toBe(404); // not his project: as if it did not exist
  });

  it('CALL-4 the key and archive figures, and the month’s timeliness, equal the lists behind them', async () => {
    const h = await home();
    expect(h.scope.all).toBe(true);
    const keysOut = (await zhuguan.get(`/api/keys?projectId=${t.ids.p1}&status=out`)).json().items.length;
    expect(h.keys?.out).toBe(keysOut);
    const loans = (await zhuguan.get(`/api/key-loans?projectId=${t.ids.p1}&open=1`)).json().items as { overdue: boolean }[];
    expect(h.keys?.overdue).toBe(loans.filter((l) => l.overdue).length);
    const arc = (await zhuguan.get(`/api/archive-completeness?projectId=${t.ids.p1}`)).json();
    expect(h.archives).toMatchObject({ households: arc.project.households, complete: arc.project.complete });
    for (const k of ['firstResponse', 'close', 'complaintReturn'] as const) {
      expect(h.timeliness[k].met).toBeLessThanOrEqual(h.timeliness[k].due);
      expect(h.timeliness[k].rate).toEqual(h.timeliness[k].due ? expect.closeTo(h.timeliness[k].met / h.timeliness[k].due) : null);
    }
    // every table of the home exports to Excel with the same figures
    const x = await zhuguan.get(`/api/dashboard/manager.xlsx?projectId=${t.ids.p1}`);
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['辖区来电来访', '本月时限达成', '投诉', '回访', '联系单钥匙档案']);
    const total = wb.worksheets[0].getSheetValues().find((r) => Array.isArray(r) && r[1] === '合计') as unknown[];
    expect(total.slice(2, 5)).toEqual([h.calls.open, h.calls.overdue, h.calls.awaitingVerification]);
    await expect((await Client.login(t.app, 'kefu')).get(`/api/dashboard/manager.xlsx?projectId=${t.ids.p1}`).then((r) => r.statusCode)).resolves.toBe(404);
    // a help request answered at once counts as a first response on time
    const before = h.timeliness.firstResponse;
    const qiantai = await Client.login(t.app, 'qiantai');
    const r = (await qiantai.post('/api/help', { projectId: t.ids.p1, category: 'other', requesterName: '李秀英', need: '帮忙找人' })).json();
    expect((await qiantai.post(`/api/help/${r.id}/respond`, { version: r.version, note: '已安排人员' })).statusCode).toBe(200);
    const after = (await home()).timeliness.firstResponse;
    expect([after.due - before.due, after.met - before.met]).toEqual([1, 1]);
  });

  it('CALL-4 an account manager’s home covers his own districts only; another district is refused (404) and its figures are not his', async () => {
    const districtsOf = async () => (await zhuguan.get(`/api/projects/${t.ids.p1}/tree`)).json();
    const tree = await districtsOf();
    const names = JSON.stringify(tree);
    expect(names).toContain('东区');
    const jingli = await Client.login(t.app, 'jingli'); // 东区's account manager
    const jingli2 = await Client.login(t.app, 'jingli2'); // 中区's
    const mine = await home(jingli);
    expect(mine.scope.all).toBe(false);
    expect(mine.scope.districts.map((d) => d.name)).toEqual(['东区']);
    const east = mine.scope.districts[0].id;
    expect(mine.calls.byDistrict.every((d) => d.districtId === east)).toBe(true);
    const list = (await jingli.get(`/api/calls?projectId=${t.ids.p1}&open=1&districtId=${east}`)).json();
    expect(mine.calls.open).toBe(list.total);
    const arc = (await zhuguan.get(`/api/archive-completeness?projectId=${t.ids.p1}`)).json();
    const eastArc = arc.districts.find((d: { id: string }) => d.id === east);
    expect(mine.archives).toMatchObject({ households: eastArc.households, complete: eastArc.complete });
    // the supervisor's figure for 东区 is the account manager's
    const all = await home();
    expect(all.calls.byDistrict.find((d) => d.districtId === east)?.open ?? 0).toBe(mine.calls.open);
    // 中区's manager sees none of 东区: not in his scope, and asking for it is refused
    const other = await home(jingli2);
    expect(other.scope.districts.map((d) => d.name)).toEqual(['中区']);
    expect(other.calls.byDistrict.some((d) => d.districtId === east)).toBe(false);
    expect((await jingli2.get(`/api/dashboard/manager?projectId=${t.ids.p1}&districtId=${east}`)).statusCode).toBe(404);
    expect((await jingli.get(`/api/dashboard/manager?projectId=${t.ids.p1}&districtId=${east}`)).statusCode).toBe(200);
    // the account manager does not read the key cabinet: no key figures for him
    expect(mine.keys).toBeNull();
  });
});
