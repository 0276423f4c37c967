import { expect } from 'vitest';
import { sql } from 'drizzle-orm';
import { Client, startTestApp, type TestApp } from './harness';
import { deskFixture } from './desk';
import { rows, type StoreKind } from '../db/store';

/**
 * What the complaint test files share: the app on one store with an injected clock (2026-11-26 10:00 Beijing time),
 * every verified repair drawn for a visit (share 1, so VISIT-4 can be shown on a repair), the people of the procedure
 * signed in, and the steps of a complaint.
 */
export async function startComplaintsSuite(kind: StoreKind) {
  const t: TestApp = await startTestApp(kind, { sessionIdleMinutes: 1e6, sessionAbsoluteMinutes: 1e7, repairVisitShare: 1 });
  const f = await deskFixture(t);
  const [kefu, zhuli, zhuguan, lingban, banzhang, weixiu] = await Promise.all(['kefu', 'zhuli', 'zhuguan', 'lingban', 'banzhang', 'weixiu'].map((u) => Client.login(t.app, u)));
  const base = (over: Record<string, unknown> = {}) => ({ projectId: t.ids.p1, complainantName: '李秀英', complainantPhone: '13812340000', place: '3 栋大堂', department: 'security', aboutPerson: '夜班保安', content: '保安夜间不让快递进门，态度恶劣', wants: '保安当面道歉', ...over });
  const record = async (over: Record<string, unknown> = {}) => {
    const res = await kefu.post('/api/complaints', base(over));
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const get = async (id: string) => (await kefu.get(`/api/complaints/${id}`)).json();
  const step = async (c: Client, id: string, s: string, body: Record<string, unknown> = {}) => {
    const cur = await get(id);
    return c.post(`/api/complaints/${id}/${s}`, { version: cur.version, ...body });
  };
  const ok = async (c: Client, id: string, s: string, body: Record<string, unknown> = {}) => {
    const res = await step(c, id, s, body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const notes = async (username: string, type: string) =>
    (await rows<{ link: string }>(t.store.db, sql`SELECT n.link FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = ${username} AND n.type = ${type}`)).map((r) => r.link);
  const visitOf = async (subjectId: string) => {
    const items = (await kefu.get(`/api/visits?projectId=${t.ids.p1}`)).json().items as { id: string; subjectId: string; version: number; status: string; dueAt: string; subjectKind: string }[];
    return items.filter((v) => v.subjectId === subjectId);
  };
  /** Recorded, judged, signed, returned, told: waiting for its return visit. */
  const handled = async (level = 'minor', department = 'security', head = banzhang) => {
    const c = await record({ department });
    await ok(zhuli, c.id, 'judge', { valid: true, level });
    await ok(head, c.id, 'sign');
    await ok(head, c.id, 'return', { action: '已批评教育当班保安并上门道歉' });
    await ok(kefu, c.id, 'inform', { note: '电话告知业户处理结果' });
    return c.id as string;
  };
  return { t, f, kefu, zhuli, zhuguan, lingban, banzhang, weixiu, base, record, get, step, ok, notes, visitOf, handled };
}
export type ComplaintsSuite = Awaited<ReturnType<typeof startComplaintsSuite>>;
