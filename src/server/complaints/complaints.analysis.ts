import ExcelJS from 'exceljs';
import { and, asc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { complaints } from '../../domain/complaints/complaints.table';
import type { complaintAnalysis } from '../../domain/complaints/complaints.contract';
import { COMPLAINT_LEVEL_LABELS, COMPLAINT_STATUS_LABELS } from '../../domain/complaints/labels';
import { DEPARTMENT_LABELS } from '../../domain/shared/departments';
import { localDayStart, zoneOffsetMs } from '../../domain/shared/business-time';
import type { Actor } from '../../domain/shared/policy';
import type { Executor } from '../db/store';
import { badRequest, notFound } from '../core/errors';

/** The local month's bounds, or a 400 for a month that does not exist (a project not the actor's: 404). */
export function monthOf(actor: Actor, projectId: string, month: string) {
  if (!actor.projectIds.has(projectId)) throw notFound(); // a project not the actor's does not exist for him (ADR 0004), as on every other route
  const [y, m] = month.split('-').map(Number);
  if (m < 1 || m > 12) throw badRequest([{ path: 'querystring.month', message: '月份格式应为 YYYY-MM' }]);
  const start = localDayStart(`${month}-01`);
  const end = localDayStart(m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`);
  return and(eq(complaints.projectId, projectId), gte(complaints.createdAt, start), lt(complaints.createdAt, end))!;
}

/** COMP-7: the month's complaints counted by level, department and cause, and their time to close. */
export async function analyse(ex: Executor, where: SQL, month: string): Promise<z.infer<typeof complaintAnalysis>> {
  const group = async (col: SQL) => (await ex.select({ key: sql<string>`coalesce(${col}, '')`, count: sql<number>`count(*)::int` }).from(complaints).where(where).groupBy(sql`1`).orderBy(sql`2 desc`)).map((g) => ({ key: g.key, count: Number(g.count) }));
  const [tot] = await ex
    .select({
      total: sql<number>`count(*)::int`,
      valid: sql<number>`count(*) filter (where ${complaints.valid} = true)::int`,
      invalid: sql<number>`count(*) filter (where ${complaints.valid} = false)::int`,
      closed: sql<number>`count(*) filter (where ${complaints.closedAt} is not null)::int`,
      avg: sql<number | null>`avg(extract(epoch from (${complaints.closedAt} - ${complaints.createdAt})) / 3600.0) filter (where ${complaints.closedAt} is not null)`,
    })
    .from(complaints)
    .where(where);
  return {
    month,
    total: Number(tot.total),
    valid: Number(tot.valid),
    invalid: Number(tot.invalid),
    byLevel: (await group(sql`${complaints.level}`)).filter((g) => g.key),
    byDepartment: await group(sql`${complaints.department}`),
    byCause: await group(sql`${complaints.cause}`),
    closed: Number(tot.closed),
    avgHoursToClose: tot.avg === null ? null : Math.round(Number(tot.avg) * 10) / 10,
  };
}

/** A time as an Excel date cell: the business zone's wall-clock time (Excel has no zones), shown by the column's format. */
const excelTime = (d: Date | null) => (d ? new Date(new Date(d).getTime() + zoneOffsetMs(new Date(d))) : '');

/** The month's complaints and their analysis as an Excel workbook. No contact data leaves in an export. */
export async function complaintsXlsx(ex: Executor, where: SQL, month: string): Promise<Buffer> {
  const a = await analyse(ex, where, month);
  const rows = await ex.select().from(complaints).where(where).orderBy(asc(complaints.createdAt)).limit(100_000);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('投诉登记');
  ws.columns = [
    { header: '编号', width: 17 },
    { header: '登记时间', width: 17, style: { numFmt: 'yyyy-mm-dd hh:mm' } },
    { header: '被投诉部门', width: 10 },
    { header: '地点', width: 16 },
    { header: '投诉内容', width: 40 },
    { header: '业户诉求', width: 24 },
    { header: '判定', width: 8 },
    { header: '级别', width: 6 },
    { header: '原因', width: 10 },
    { header: '处理情况', width: 30 },
    { header: '状态', width: 12 },
    { header: '关闭时间', width: 17, style: { numFmt: 'yyyy-mm-dd hh:mm' } },
    { header: '处理时长(小时)', width: 12 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const c of rows) {
    const hours = c.closedAt ? Math.round(((c.closedAt.getTime() - c.createdAt.getTime()) / 3_600_000) * 10) / 10 : '';
    ws.addRow([c.number, excelTime(c.createdAt), DEPARTMENT_LABELS[c.department], c.place, c.content, c.wants, c.valid === null ? '' : c.valid ? '有效' : '无效', c.level ? COMPLAINT_LEVEL_LABELS[c.level] : '', c.cause ?? '', c.action ?? '', COMPLAINT_STATUS_LABELS[c.status], excelTime(c.closedAt), hours]);
  }
  const s = wb.addWorksheet('月度分析');
  s.columns = [{ header: '项目', width: 18 }, { header: '数量', width: 10 }];
  s.getRow(1).font = { bold: true };
  s.addRow([`${month} 投诉总数`, a.total]);
  s.addRow(['有效', a.valid]);
  s.addRow(['无效', a.invalid]);
  s.addRow(['已关闭', a.closed]);
  s.addRow(['平均处理时长(小时)', a.avgHoursToClose ?? '']);
  for (const g of a.byLevel) s.addRow([`级别：${COMPLAINT_LEVEL_LABELS[g.key as keyof typeof COMPLAINT_LEVEL_LABELS] ?? g.key}`, g.count]);
  for (const g of a.byDepartment) s.addRow([`部门：${DEPARTMENT_LABELS[g.key as keyof typeof DEPARTMENT_LABELS] ?? g.key}`, g.count]);
  for (const g of a.byCause) s.addRow([`原因：${g.key || '未分类'}`, g.count]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
