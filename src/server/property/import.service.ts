import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { buildings, districts, households, persons, units } from '../../domain/property/property.table';
import { registerPolicy } from '../../domain/property/property.policy';
import {
  IMPORT_COLUMN_KEYS,
  IMPORT_COLUMNS,
  IMPORT_EXAMPLE_ROW,
  IMPORT_MAX_ERRORS,
  IMPORT_MAX_ROWS,
  IMPORT_REQUIRED_COLUMNS,
  RELATION_LABEL_LIST,
  type ImportColumn,
  type ImportResult,
  type ImportRowError,
} from '../../domain/property/import.contract';
import { appendAudit } from '../audit/audit.writer';
import type { AppContext, RequestActor } from '../core/context';
import type { Executor } from '../db/store';
import { authorize } from '../core/authorize';
import { AppError, badRequest } from '../core/errors';
import { openSheet, planImport, readSheet, type ImportPlan, type ParsedSheet } from './import.sheet';

/** Row errors: the first IMPORT_MAX_ERRORS in row order, with the total, so a huge bad file stays a small answer. */
export function importInvalid(rows: ImportRowError[]): AppError {
  return badRequest([], 'IMPORT_INVALID', { rows: rows.slice(0, IMPORT_MAX_ERRORS), errorCount: rows.length, truncated: rows.length > IMPORT_MAX_ERRORS });
}

/** The file itself is unusable (not an xlsx, empty, too long): one message, no row list. */
export function importFileInvalid(message: string): AppError {
  return new AppError(400, 'IMPORT_INVALID', [{ path: 'body', message }], message, { rows: [], errorCount: 0, truncated: false });
}

async function parse(body: Buffer): Promise<ParsedSheet> {
  const opened = await openSheet(body);
  if (!opened.ok) throw importFileInvalid(opened.message);
  const read = readSheet(opened.sheet);
  if (!read.ok) throw importFileInvalid(read.message);
  if (read.sheet.errors.length) throw importInvalid(read.sheet.errors);
  return read.sheet;
}

const CHUNK = 500;
const chunks = <T>(xs: T[], size = CHUNK): T[][] => Array.from({ length: Math.ceil(xs.length / size) }, (_, i) => xs.slice(i * size, (i + 1) * size));

/** The part of the register the sheet touches, with ids for writing. */
async function loadRegister(tx: Executor, projectId: string, sheet: ParsedSheet) {
  const ds = await tx.select({ id: districts.id, name: districts.name }).from(districts).where(eq(districts.projectId, projectId));
  const bs = await tx
    .select({ id: buildings.id, code: buildings.code, district: districts.name })
    .from(buildings)
    .innerJoin(districts, eq(districts.id, buildings.districtId))
    .where(eq(buildings.projectId, projectId));
  const us = new Map<string, { id: string; hasHousehold: boolean }>();
  for (const codes of chunks(sheet.units.map((u) => u.code), 1000)) {
    const found = await tx
      .select({ id: units.id, code: units.code, householdId: households.id })
      .from(units)
      .leftJoin(households, eq(households.unitId, units.id))
      .where(and(eq(units.projectId, projectId), inArray(units.code, codes)));
    for (const r of found) us.set(r.code, { id: r.id, hasHousehold: Boolean(r.householdId) || Boolean(us.get(r.code)?.hasHousehold) });
  }
  return {
    districts: new Map(ds.map((d) => [d.name, d.id])),
    buildings: new Map(bs.map((b) => [b.code, { id: b.id, district: b.district }])),
    units: us,
  };
}

type Register = Awaited<ReturnType<typeof loadRegister>>;

async function write(tx: Executor, projectId: string, plan: ImportPlan, reg: Register): Promise<void> {
  const districtIds = new Map(reg.districts);
  if (plan.districts.length) {
    const created = await tx.insert(districts).values(plan.districts.map((name) => ({ projectId, name }))).returning({ id: districts.id, name: districts.name });
    for (const d of created) districtIds.set(d.name, d.id);
  }
  const buildingIds = new Map([...reg.buildings].map(([code, b]) => [code, b.id]));
  if (plan.buildings.length) {
    const rows = plan.buildings.map((b) => ({ projectId, districtId: districtIds.get(b.district)!, code: b.code, name: `${b.code}栋` }));
    const created = await tx.insert(buildings).values(rows).returning({ id: buildings.id, code: buildings.code });
    for (const b of created) buildingIds.set(b.code, b.id);
  }
  const unitIds = new Map([...reg.units].map(([code, u]) => [code, u.id]));
  for (const part of chunks(plan.newUnits)) {
    const rows = part.map((u) => ({
      projectId,
      buildingId: buildingIds.get(u.building)!,
      code: u.code,
      entrance: u.entrance,
      floor: u.floor,
      room: u.room,
      areaM2: u.areaM2,
      handoverDate: u.handoverDate,
    }));
    for (const c of await tx.insert(units).values(rows).returning({ id: units.id, code: units.code })) unitIds.set(c.code, c.id);
  }
  const all = [...plan.newUnits, ...plan.existingUnits];
  const householdRows = all.map((u) => ({ id: randomUUID(), projectId, unitId: unitIds.get(u.code)! }));
  for (const part of chunks(householdRows)) await tx.insert(households).values(part);
  const personRows = all.flatMap((u, i) =>
    u.persons.map((p) => ({ projectId, householdId: householdRows[i].id, relation: p.relation, name: p.name, phone: p.phone, idNumber: p.idNumber })),
  );
  for (const part of chunks(personRows)) await tx.insert(persons).values(part);
}

/**
 * Imports a whole sheet or nothing. The sheet is read before the transaction (CPU only); the
 * register is checked and written under a per-project lock, so two imports cannot both fill one unit.
 */
export async function importRegister(ctx: AppContext, ra: RequestActor, projectId: string, body: Buffer, dryRun: boolean): Promise<ImportResult> {
  authorize(registerPolicy, ra.actor, 'import', { projectId });
  const sheet = await parse(body);
  const result = await ctx.store.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(727203, hashtext(${projectId}))`);
    const reg = await loadRegister(tx, projectId, sheet);
    const { errors, plan } = planImport(sheet, reg);
    if (errors.length) throw importInvalid(errors);
    const all = [...plan.newUnits, ...plan.existingUnits];
    const result: ImportResult = {
      dryRun,
      rows: sheet.rows,
      units: plan.newUnits.length,
      unitsExisting: plan.existingUnits.length,
      households: all.length,
      persons: all.reduce((n, u) => n + u.persons.length, 0),
      districtsCreated: plan.districts,
      buildingsCreated: plan.buildings.map((b) => b.code),
    };
    if (dryRun) return result;
    await write(tx, projectId, plan, reg);
    // Counts only: no names or numbers of people on the trail.
    const detail = {
      rows: result.rows,
      units: result.units,
      unitsExisting: result.unitsExisting,
      households: result.households,
      persons: result.persons,
      districtsCreated: result.districtsCreated.length,
      buildingsCreated: result.buildingsCreated.length,
    };
    await appendAudit(tx, { actor: ra.actor, action: 'register.import', entity: 'project', entityId: projectId, projectId, ip: ra.ip, detail }, ctx.now());
    return result;
  });
  // A large import changes the tables' shape: fresh planner statistics keep searches on their indexes.
  if (!result.dryRun && result.rows >= 200) await ctx.store.exec('ANALYZE units, households, persons');
  return result;
}

const TEXT_COLUMNS: readonly ImportColumn[] = ['building', 'room', 'phone', 'idNumber'];
const TEMPLATE_ROWS = 2000;

/** The template: header row, the example row (skipped on import), a 关系 list and a sheet of instructions. */
export async function importTemplate(ctx: AppContext, ra: RequestActor, projectId: string): Promise<Buffer> {
  authorize(registerPolicy, ra.actor, 'import', { projectId });
  const ds = await ctx.store.db.select({ name: districts.name }).from(districts).where(eq(districts.projectId, projectId)).orderBy(asc(districts.name));
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Wuye Desk';
  const ws = wb.addWorksheet('业户导入', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = IMPORT_COLUMN_KEYS.map((k) => ({
    header: IMPORT_COLUMNS[k],
    key: k,
    width: k === 'idNumber' ? 22 : k === 'handover' || k === 'phone' ? 14 : 10,
    style: TEXT_COLUMNS.includes(k) ? { numFmt: '@' } : {},
  }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  IMPORT_COLUMN_KEYS.forEach((k, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: IMPORT_REQUIRED_COLUMNS.includes(k) ? 'FFFFE7BA' : 'FFF0F0F0' } };
  });
  ws.addRow(IMPORT_EXAMPLE_ROW).font = { italic: true, color: { argb: 'FF888888' } };
  const relationCol = IMPORT_COLUMN_KEYS.indexOf('relation') + 1;
  for (let r = 2; r <= TEMPLATE_ROWS + 1; r++) {
    ws.getCell(r, relationCol).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${RELATION_LABEL_LIST.join(',')}"`],
      showErrorMessage: true,
      errorTitle: '关系',
      error: `请选择 ${RELATION_LABEL_LIST.join('/')}`,
    };
  }
  const help = wb.addWorksheet('说明');
  help.getColumn(1).width = 100;
  for (const line of [
    '每行一位人员；同一房屋(楼栋-单元-房号)的多行组成一户，且至少要有一行关系为“业主”。',
    `必填列：${IMPORT_REQUIRED_COLUMNS.map((k) => IMPORT_COLUMNS[k]).join('、')}。表头在第 1 行，列的顺序不限。`,
    '楼层可不填，按房号推出(1502 → 15 层)；面积单位为平方米；交房日期写 YYYY-MM-DD 或用 Excel 日期。',
    '辖区：尚未登记的楼栋必须填写辖区；不存在的辖区和楼栋会自动新建，并在导入结果中列出。',
    `关系：${RELATION_LABEL_LIST.join('/')}。手机、身份证号可不填；身份证号请用文本格式。`,
    `第 2 行是示例(姓名为“${IMPORT_EXAMPLE_ROW.name}”)，导入时会跳过，可保留或删除。`,
    `任何一行有错都不会导入任何数据，错误会逐行列出。已登记业户的房屋不会被合并。每次最多 ${IMPORT_MAX_ROWS} 行。`,
    `本项目现有辖区：${ds.map((d) => d.name).join('、') || '(无)'}`,
  ]) {
    help.addRow([line]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
