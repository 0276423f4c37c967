import { and, eq, inArray, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { callPolicy } from '../../domain/calls/calls.policy';
import { callRecords, CALL_CLASSES } from '../../domain/calls/calls.table';
import type { CallListQuery } from '../../domain/calls/calls.contract';
import type { CallStatus } from '../../domain/calls/calls.table';
import type { SlaPolicy } from '../../domain/deadlines/sla';
import { CALL_STATUS_LABELS, CLASS_LABELS } from '../../domain/calls/labels';
import { districts } from '../../domain/property/property.table';
import { workOrders } from '../../domain/work-orders/work-orders.table';
import { users } from '../../domain/users/users.table';
import { vendors } from '../../domain/calls/calls.table';
import { abilities } from '../../domain/shared/policy';
import type { board as boardSchema } from '../../domain/work-orders/call-views.contract';
import type { z } from 'zod';
import { presentListItem } from './calls.presenter';
import { presentBoardWorkOrder } from '../work-orders/work-orders.presenter';
import { maskPhone } from '../../domain/shared/mask';
import type { AppContext, RequestActor } from '../core/context';
import { authorize } from '../core/authorize';
import { badRequest } from '../core/errors';
import { isCallDone } from '../../domain/calls/calls.status';
import { zoneOffsetMs } from '../../domain/shared/business-time';
import { readingOf, slaPoliciesOf } from '../deadlines/sla-policies';
import { countByClass, emptyCounts, gtSummary, listCalls, listConditions, stats, type ClassCounts } from './ledger.repository';
import { coversOtherDistricts } from './call-settings';

/** A listed call's SLA reading by its project's policies. */
const callSla = (policies: readonly SlaPolicy[], i: { dueAt: Date | null; class: string; urgency: string; status: CallStatus }, now: Date) =>
  readingOf(policies, 'call', { dueAt: i.dueAt, class: i.class, level: i.urgency }, now, isCallDone(i.status));

export async function list(ctx: AppContext, ra: RequestActor, q: CallListQuery) {
  authorize(callPolicy, ra.actor, 'read', { projectId: q.projectId });
  const now = ctx.now();
  const totals = await countByClass(ctx.store.db, { ...q, now });
  // A search matching more than the counted cap is common: its newest page is found walking back in time,
  // checking LIKE row by row; a rarer one through its indexes (ADR 0019).
  const where = listConditions({ ...q, now }, { plainSearch: totals.capped === true });
  // 待验收 (a finished work order waiting for the desk) comes with the rows, in the same statement.
  const [items, policies] = [await listCalls(ctx.store.db, where, 'received', q.pageSize, (q.page - 1) * q.pageSize, now, { awaiting: true }), await slaPoliciesOf(ctx.store.db, ctx.store, q.projectId)];
  return { items: items.map((i) => presentListItem(i, callSla(policies, i, now), i.awaitingVerification)), total: totals.total, subtotals: totals };
}

export interface LedgerPage {
  page: number;
  rows: ReturnType<typeof presentListItem>[];
  /** 本页小计 by class (CALL-10). */
  subtotal: ClassCounts;
}

/**
 * The 《来电来访记录》 as printed pages in receiving order, each page with its 本页小计 by class; the
 * grand total covers the whole range. Pages are cut exactly as printed, so paper and screen agree.
 */
export async function ledger(ctx: AppContext, ra: RequestActor, q: CallListQuery & { rowsPerPage: number; fromPage: number; toPage?: number }) {
  authorize(callPolicy, ra.actor, 'stats', { projectId: q.projectId });
  const where = listConditions(q);
  const total = await countByClass(ctx.store.db, q);
  const pageCount = Math.max(1, Math.ceil(total.total / q.rowsPerPage));
  const last = Math.min(pageCount, q.toPage ?? q.fromPage + 49);
  if (last - q.fromPage >= 200) throw badRequest([{ path: 'querystring.toPage', message: '一次最多打印 200 页' }]);
  // Printed ledgers run forward in time.
  const now = ctx.now();
  const rows = await listCalls(ctx.store.db, where, 'ledger', (last - q.fromPage + 1) * q.rowsPerPage, (q.fromPage - 1) * q.rowsPerPage, now);
  const policies = await slaPoliciesOf(ctx.store.db, ctx.store, q.projectId);
  const pages: LedgerPage[] = [];
  for (let p = q.fromPage; p <= last; p++) {
    const slice = rows.splice(0, q.rowsPerPage);
    if (slice.length === 0 && p > 1) break;
    const subtotal = emptyCounts();
    for (const r of slice) {
      subtotal[r.class]++;
      subtotal.total++;
    }
    pages.push({ page: p, rows: slice.map((r) => presentListItem(r, callSla(policies, r, now))), subtotal });
  }
  return { rowsPerPage: q.rowsPerPage, pageCount, total, pages };
}

/**
 * A real Excel date-time (sortable, filterable, summable by day), showing the business zone's wall-clock time:
 * Excel cells carry no zone, so the instant is shifted by the zone's offset and written as that wall time.
 */
const excelTime = (d: Date | null) => (d ? new Date(new Date(d).getTime() + zoneOffsetMs(new Date(d))) : '');

/** The same pages as an Excel workbook, 本页小计 rows included, for handing upward. */
export async function ledgerXlsx(ctx: AppContext, ra: RequestActor, q: Parameters<typeof ledger>[2]): Promise<Buffer> {
  const l = await ledger(ctx, ra, { ...q, toPage: q.toPage ?? Math.min(q.fromPage + 199, 100000) });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('来电来访记录');
  ws.columns = [
    { header: '页', width: 5 },
    { header: '编号', width: 17 },
    { header: '时间', width: 17, style: { numFmt: 'yyyy-mm-dd hh:mm' } },
    { header: '方式', width: 6 },
    { header: '房号', width: 11 },
    { header: '来电/来访人', width: 12 },
    { header: '事由', width: 40 },
    { header: '分类', width: 9 },
    { header: '处理情况', width: 28 },
    { header: '状态', width: 11 },
    { header: '记录人', width: 10 },
    { header: '销项编号', width: 16 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const page of l.pages) {
    for (const r of page.rows) {
      ws.addRow([page.page, r.number, excelTime(r.receivedAt), r.channel === 'phone' ? '来电' : '来访', r.unitCode ?? '', r.callerName, r.content, CLASS_LABELS[r.class], r.progress ?? '', CALL_STATUS_LABELS[r.status], r.recordedByName, r.closeNumber ?? '']);
    }
    const s = page.subtotal;
    const row = ws.addRow([page.page, '本页小计', '', '', '', '', CALL_CLASSES.map((c) => `${CLASS_LABELS[c]} ${s[c]}`).join('，'), `合计 ${s.total}`]);
    row.font = { bold: true };
  }
  const t = l.total;
  ws.addRow(['', '总计', '', '', '', '', CALL_CLASSES.map((c) => `${CLASS_LABELS[c]} ${t[c]}`).join('，'), `合计 ${t.total}`]).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function statistics(ctx: AppContext, ra: RequestActor, q: CallListQuery & { groupBy: 'day' | 'week' | 'month' }) {
  authorize(callPolicy, ra.actor, 'stats', { projectId: q.projectId });
  const where = listConditions(q);
  return { ...(await stats(ctx.store.db, where, q.groupBy)), totals: await countByClass(ctx.store.db, q) };
}

/**
 * The district board (CALL-4): every open item of the account manager's districts (or of all districts
 * for supervisors), overdue first, with its latest work order.
 */
export async function board(ctx: AppContext, ra: RequestActor, projectId: string, districtId?: string): Promise<z.infer<typeof boardSchema>> {
  authorize(callPolicy, ra.actor, 'read', { projectId });
  const db = ctx.store.db;
  const mine = (await db.select({ id: districts.id }).from(districts).where(and(eq(districts.projectId, projectId), eq(districts.accountManagerId, ra.actor.userId)))).map((d) => d.id);
  const onlyMine = ra.actor.roles.has('account_manager') && !ra.actor.roles.has('cs_supervisor') && !ra.actor.roles.has('centre_manager');
  const ids = districtId ? [districtId] : onlyMine ? mine : null;
  const where = and(listConditions({ projectId, open: true }), ids ? (ids.length ? inArray(callRecords.districtId, ids) : sql`false`) : undefined)!;
  const now = ctx.now();
  const items = await listCalls(db, where, 'due', 500, 0, now);
  const policies = await slaPoliciesOf(db, ctx.store, projectId);
  const wos = items.length
    ? await db
        .select({ callId: workOrders.callId, number: workOrders.number, status: workOrders.status, chaseCount: workOrders.chaseCount, id: workOrders.id, version: workOrders.version, kind: workOrders.kind, assigneeName: users.displayName, vendorName: vendors.name })
        .from(workOrders)
        .leftJoin(users, eq(users.id, workOrders.assigneeId))
        .leftJoin(vendors, eq(vendors.id, workOrders.vendorId))
        .where(inArray(workOrders.callId, items.map((i) => i.id)))
    : [];
  const names = await db.select({ id: districts.id, name: districts.name, manager: districts.accountManagerId }).from(districts).where(eq(districts.projectId, projectId));
  // A row's buttons say what its actions would answer (CALL-4: with covering off, another district's item is not his).
  const coverOtherDistricts = await coversOtherDistricts(db, projectId);
  const managerOf = new Map(names.map((d) => [d.id, d.manager]));
  return {
    districts: ids ?? 'all',
    districtNames: Object.fromEntries(names.map((d) => [d.id, d.name])),
    items: items.map((i) => {
      const sla = callSla(policies, i, now);
      return {
      ...presentListItem(i, sla),
      overdue: sla.state === 'overdue',
      workOrders: wos.filter((w) => w.callId === i.id).map((w) => presentBoardWorkOrder(ra.actor, w, projectId)),
      abilities: abilities(callPolicy, ra.actor, {
        projectId,
        status: i.status,
        class: i.class,
        districtId: i.districtId,
        coverOtherDistricts,
        districtManagerId: i.districtId ? (managerOf.get(i.districtId) ?? null) : null,
      }),
      };
    }),
  };
}

export async function gtReport(ctx: AppContext, ra: RequestActor, projectId: string, from: Date, to: Date) {
  authorize(callPolicy, ra.actor, 'stats', { projectId });
  return { from, to, groups: await gtSummary(ctx.store.db, projectId, from, to) };
}

export { maskPhone };
