import { getTableName, sql, type Table } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import type { Client, TestApp } from './harness';
import { deskFixture, recordCall, SIGNATURE } from './desk';
import { rows } from '../db/store';
import { callRecords } from '../../domain/calls/calls.table';
import { workOrders } from '../../domain/work-orders/work-orders.table';
import { helpDutyShifts, helpHandovers, helpPlaybooks, helpRequests, helpSteps } from '../../domain/help/help.table';
import { accompaniedSessions } from '../../domain/accompanied/accompanied.table';
import { keyLoans, propertyKeys } from '../../domain/keys/keys.table';
import { archiveScans, archiveTemplates } from '../../domain/archives/archives.table';
import { complaints } from '../../domain/complaints/complaints.table';
import { contactForms } from '../../domain/contact-forms/contact-forms.table';
import { visits } from '../../domain/visits/visits.table';
import { attachments } from '../../domain/attachments/attachments.table';
import { users } from '../../domain/users/users.table';
import { households, persons } from '../../domain/property/property.table';
import { householdRenovations, householdVehicles } from '../../domain/property/register.table';
import { notifications } from '../../domain/notifications/notifications.table';

/**
 * The records the access table (access-table.test.ts) is driven against: one of each kind in the user's own project,
 * created through the API as the app itself writes them, and the same set moved to a project nobody is assigned to.
 */

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** Which table holds each fixture record (for its current version and to move it to the other project). */
export const TABLE_OF: Record<string, Table> = {
  household: households,
  person: persons,
  mover: persons,
  vehicle: householdVehicles,
  renovation: householdRenovations,
  user: users,
  template: archiveTemplates,
  scan: archiveScans,
  call: callRecords,
  callDistrict2: callRecords,
  inquiry: callRecords,
  resolved: callRecords,
  closed: callRecords,
  wo: workOrders,
  wo2: workOrders,
  woVendor: workOrders,
  woDone: workOrders,
  woSpare: workOrders,
  signatureAttachment: attachments,
  help: helpRequests,
  session: accompaniedSessions,
  playbook: helpPlaybooks,
  helpToClose: helpRequests,
  gateStep: helpSteps,
  shift: helpDutyShifts,
  handover: helpHandovers,
  key: propertyKeys,
  loan: keyLoans,
  complaint: complaints,
  contactForm: contactForms,
  visit: visits,
  notification: notifications,
};

export type Fixture = Record<string, string> & { project: string };
export interface Ctx {
  t: TestApp;
  c: Record<string, Client>;
  ids: Record<string, string>;
  workbook: Buffer;
}

export const ok = (res: LightMyRequestResponse, what: string) => {
  if (res.statusCode >= 300) throw new Error(`fixture ${what}: ${res.statusCode} ${res.body}`);
  return res.json();
};
export const one = async <T>(t: TestApp, q: ReturnType<typeof sql>) => (await rows<T>(t.store.db, q))[0];

/** The records of one scope, all created in p1 through the API (so they are what the app itself writes). */
export async function buildFixture(x: Ctx, n: number): Promise<Fixture> {
  const { t, c, ids } = x;
  const f = await deskFixture(t);
  const [pub, inquiryCat, broadband] = [await f.cat('public'), await f.cat('inquiry'), await f.cat('broadband')];
  const east = await f.someHousehold('1', 3 + n); // building 1: 东区, jingli's district
  const middle = await f.someHousehold('5', 3 + n); // building 5: 中区, jingli2's district
  const unit = await one<{ code: string }>(t, sql`SELECT u.code FROM units u JOIN households h ON h.unit_id = u.id WHERE h.id = ${east}`);
  const owner = await one<{ id: string }>(t, sql`SELECT id FROM persons WHERE household_id = ${east} AND relation = 'owner' ORDER BY id LIMIT 1`);
  const call = async (household: string, categoryId: string, content: string) => recordCall(c.kefu, t, { householdId: household, categoryId, content });
  const version = async (table: Table, id: string) => (await one<{ version: number }>(t, sql`SELECT version FROM ${sql.identifier(getTableName(table))} WHERE id = ${id}`)).version;
  const dispatch = async (callId: string, to: Record<string, string>) => {
    const res = ok(await c.kefu.post(`/api/calls/${callId}/dispatch`, { version: await version(callRecords, callId), ...to }), 'dispatch');
    return (await one<{ id: string }>(t, sql`SELECT id FROM work_orders WHERE call_id = ${callId} ORDER BY created_at DESC LIMIT 1`))?.id ?? res.workOrder?.id ?? res.id;
  };
  const woAct = async (id: string, action: string, body: object = {}) => ok(await c.weixiu.post(`/api/work-orders/${id}/${action}`, { version: await version(workOrders, id), ...body }), action);

  const openCall = (await call(east, pub, '楼道灯不亮')).id;
  const callDistrict2 = (await call(middle, pub, '中区楼道灯不亮')).id;
  const wo = await dispatch((await call(east, pub, '电梯厅灯不亮')).id, { assigneeId: ids.weixiu });
  const wo2 = await dispatch((await call(east, pub, '单元门灯不亮')).id, { assigneeId: ids.weixiu2 });
  const woSpare = await dispatch((await call(east, pub, '车库灯不亮')).id, { assigneeId: ids.weixiu });
  const woDone = await dispatch((await call(east, pub, '消防通道灯不亮')).id, { assigneeId: ids.weixiu });
  await woAct(woDone, 'accept');
  await woAct(woDone, 'arrive');
  await woAct(woDone, 'complete', { result: '已更换灯泡' });
  const vendor = await one<{ id: string }>(t, sql`SELECT id FROM vendors WHERE project_id = ${t.ids.p1} AND category = 'broadband'`);
  const woVendor = await dispatch((await call(east, broadband, '宽带断网')).id, { vendorId: vendor.id });
  const inquiry = (await call(east, inquiryCat, '询问物业费')).id;
  const resolved = (await call(east, inquiryCat, '询问停车费')).id;
  ok(await c.kefu.post(`/api/calls/${resolved}/resolve`, { version: await version(callRecords, resolved), note: '已解答' }), 'resolve');
  const closed = (await call(east, inquiryCat, '询问缴费方式')).id;
  ok(await c.kefu.post(`/api/calls/${closed}/resolve`, { version: await version(callRecords, closed), note: '已解答' }), 'resolve');
  ok(await c.kefu.post(`/api/calls/${closed}/replies`, { channel: 'phone', content: '已答复业户', final: true }), 'reply');
  ok(await c.kefu.post(`/api/calls/${closed}/close`, { version: await version(callRecords, closed), signature: SIGNATURE }), 'close');
  const sig = await one<{ id: string }>(t, sql`SELECT id FROM attachments WHERE owner_id = ${closed} AND kind = 'signature'`);

  const help = async () => ok(await c.qiantai.post('/api/help', { projectId: t.ids.p1, category: 'medical', requesterName: '表格求助人', householdId: east, phone: '13855556666', need: '家中老人晕倒' }), 'help').id as string;
  const helpId = await help();
  const helpToClose = await help();
  const withPlaybook = await help();
  ok(await c.qiantai.post(`/api/help/${withPlaybook}/playbook`, { version: await version(helpRequests, withPlaybook), playbookCode: 'medical', branch: 'call120', patientAddress: '1栋101', patientPhone: '13855556666' }), 'playbook');
  const gateStep = await one<{ id: string }>(t, sql`SELECT id FROM help_steps WHERE help_request_id = ${withPlaybook} AND role = 'gate_guard'`);
  const handover = ok(await c.baoan2.post('/api/help/handovers', { projectId: t.ids.p1, role: 'guard', toUserId: ids.baoan, pending: '无' }), 'handover').id as string;

  const keyOwner = await one<{ id: string }>(t, sql`SELECT pe.id FROM persons pe JOIN households h ON h.id = pe.household_id JOIN units u ON u.id = h.unit_id WHERE u.project_id = ${t.ids.p1} AND u.code = '3-2-1502' AND pe.relation = 'owner' LIMIT 1`);
  const key = ok(await c.qiantai.post('/api/keys', { projectId: t.ids.p1, number: `TBL-K-${Math.random().toString(36).slice(2, 8)}`, kind: 'owner_deposited', unitCode: '3-2-1502', count: 2, cabinetPosition: 'A柜-09' }), 'key').id as string;
  const lendKey = ok(await c.qiantai.post('/api/keys', { projectId: t.ids.p1, number: `TBL-L-${Math.random().toString(36).slice(2, 8)}`, kind: 'owner_deposited', unitCode: '3-2-1502', count: 2, cabinetPosition: 'A柜-10' }), 'key').id as string;
  const loan = ok(
    await c.qiantai.post(`/api/keys/${lendKey}/loans`, { version: await version(propertyKeys, lendKey), borrowerKind: 'owner', ownerPersonId: keyOwner.id, identityChecked: true, identityDocument: '身份证', purpose: '业主忘带钥匙', approverId: ids.zhuguan, ownerContacted: false, dueAt: '2026-11-26T06:00:00Z', signature: SIGNATURE }),
    'loan',
  ).id as string;

  const complaint = ok(await c.kefu.post('/api/complaints', { projectId: t.ids.p1, complainantName: '李秀英', place: '1栋大堂', department: 'engineering', content: '维修拖延', wants: '尽快修好' }), 'complaint').id as string;
  const contactForm = ok(await c.zhuguan.post('/api/contact-forms', { projectId: t.ids.p1, fromDepartment: 'customer_service', toDepartment: 'engineering', subject: '楼道灯', details: '1栋楼道灯', requiredResult: '修好', dueAt: '2026-11-28T00:00:00Z' }), 'contact form').id as string;
  const visit = (
    await t.store.db
      .insert(visits)
      .values({ projectId: t.ids.p1, subjectKind: 'work_order', subjectId: woDone, subjectNumber: 'TBL-1', summary: '表格回访', householdId: east, drawnAt: t.clock.now(), dueAt: new Date(t.clock.now().getTime() + 3 * 86_400_000) })
      .returning()
  )[0].id;
  const shift = ok(await c.zhuguan.post('/api/help/duty-roster', { projectId: t.ids.p1, role: 'guard', userId: ids.baoan, startsAt: '2026-11-27T00:00:00Z', endsAt: '2026-11-27T08:00:00Z' }), 'shift').id as string;
  const template = await one<{ id: string }>(t, sql`SELECT id FROM archive_templates WHERE project_id = ${t.ids.p1} ORDER BY sort LIMIT 1`);
  ok(await c.kefu.request('PUT', `/api/households/${east}/archive/${template.id}`, { version: null, status: 'received', handedOverBy: '开发商', handedOverOn: '2026-11-01', location: 'A柜' }), 'archive document');
  const scanRes = await t.app.inject({ method: 'POST', url: `/api/households/${east}/archive/${template.id}/scans?name=x.pdf`, headers: { cookie: c.kefu.cookie, 'x-csrf-token': c.kefu.csrf, 'content-type': 'application/pdf' }, payload: PDF });
  const scan = ok(scanRes, 'scan').id as string;
  const mover = ok(await c.kefu.post(`/api/households/${east}/persons`, { relation: 'family', name: '表格迁出' }), 'mover').id as string;
  const plate = `粤B${String(10000 + Math.floor(Math.random() * 89999))}`;
  const vehicle = ok(await c.kefu.post(`/api/households/${east}/vehicles`, { plate, kind: 'car' }), 'vehicle').id as string;
  const renovation = ok(await c.kefu.post(`/api/households/${east}/renovations`, { startedOn: '2026-05-01', company: '表格装修' }), 'renovation').id as string;

  return {
    project: t.ids.p1,
    unitCode: unit.code,
    household: east,
    person: owner.id,
    template: template.id,
    templateId: template.id,
    scan,
    mover,
    vehicle,
    renovation,
    call: openCall,
    callDistrict2,
    inquiry,
    resolved,
    closed,
    wo,
    wo2,
    woVendor,
    woDone,
    woSpare,
    signatureAttachment: sig.id,
    help: helpId,
    helpToClose,
    gateStep: gateStep.id,
    shift,
    handover,
    key,
    keyOwnerId: keyOwner.id,
    loan,
    complaint,
    contactForm,
    visit,
    categoryPublic: pub,
    session: ok(await c.lingban.post('/api/accompanied-sessions', { unitCode: '3-2-1502', reason: '表格陪同', csUsername: 'kefu', csPassword: 'demo1234' }), 'accompanied session').id as string,
    playbook: (await one<{ id: string }>(t, sql`SELECT id FROM help_playbooks WHERE project_id = ${t.ids.p1} AND NOT needs_patient ORDER BY sort LIMIT 1`)).id,
  };
}

/** The same records in p3, a project no demo user is assigned to: built in p1, then moved there. */
export async function moveToOtherProject(x: Ctx, f: Fixture, keys = Object.keys(TABLE_OF)): Promise<Fixture> {
  const { t } = x;
  const p3 = t.ids.p3;
  const other = await one<{ h: string; pe: string; code: string }>(t, sql`SELECT h.id AS h, pe.id AS pe, u.code FROM households h JOIN persons pe ON pe.household_id = h.id JOIN units u ON u.id = h.unit_id WHERE h.project_id = ${p3} LIMIT 1`);
  for (const k of keys) {
    if (!f[k] || ['household', 'person', 'user', 'notification', 'template', 'playbook'].includes(k)) continue;
    await t.store.db.execute(sql`UPDATE ${sql.identifier(getTableName(TABLE_OF[k]))} SET project_id = ${p3} WHERE id = ${f[k]}`);
  }
  const template = await one<{ id: string }>(t, sql`INSERT INTO archive_templates (project_id, department, name, sort) VALUES (${p3}, 'cs_centre', '其他项目文件', 1) RETURNING id`);
  const cat = await one<{ id: string }>(t, sql`INSERT INTO service_categories (project_id, code, label, kind, scope_note, keywords, sort) SELECT ${p3}, code, label, kind, scope_note, keywords, sort FROM service_categories WHERE id = ${f.categoryPublic} RETURNING id`);
  const playbook = await one<{ id: string }>(t, sql`INSERT INTO help_playbooks (project_id, code, name) VALUES (${p3}, 'table', '其他项目预案') RETURNING id`);
  return { ...f, project: p3, playbook: playbook.id, household: other.h, person: other.pe, unitCode: other.code, template: template.id, templateId: template.id, categoryPublic: cat.id };
}
